import { auditSample } from '../../live/audit';

const event = (over: Record<string, unknown>) =>
  JSON.stringify({
    auditID: 'a',
    level: 'Metadata',
    stage: 'ResponseComplete',
    verb: 'get',
    stageTimestamp: '2026-12-07T10:00:00.000000Z',
    user: { username: 'admin' },
    objectRef: { resource: 'configmaps', namespace: 'ns', name: 'x' },
    responseStatus: { code: 200 },
    ...over,
  });
const TAKEN = '2026-12-07T12:00:00Z';

describe('an audit-log sample', () => {
  it('counts events by level and keeps the last ones without their bodies', () => {
    const lines = [
      event({ level: 'RequestResponse', verb: 'create', requestObject: { data: { token: 'abc' } }, responseObject: { kind: 'ConfigMap' } }),
      event({}),
      '',
    ];
    const s = auditSample(lines.join('\n'), TAKEN);
    expect([s.events, s.byLevel, s.newest, s.problems]).toEqual([2, { RequestResponse: 1, Metadata: 1 }, '2026-12-07T10:00:00.000000Z', []]);
    expect(s.sample[0]).toMatchObject({
      level: 'RequestResponse',
      verb: 'create',
      user: 'admin',
      resource: 'configmaps',
      requestBody: true,
      responseBody: true,
    });
    expect(JSON.stringify(s)).not.toContain('abc');
  });

  it('says when a Secret body was recorded: the running policy is not the synthesized one', () => {
    const s = auditSample(event({ level: 'RequestResponse', objectRef: { resource: 'secrets', namespace: 'ns', name: 's' }, responseObject: {} }), TAKEN);
    expect(s.problems.map((p) => p.en)).toEqual([
      '1 event(s) on Secrets recorded a body: the running audit policy is not the synthesized one, which logs Secrets at Metadata',
    ]);
  });

  it('says when the log is empty, holds lines that are not events, or has recorded nothing for a day', () => {
    expect(auditSample('', TAKEN).problems.map((p) => p.en)).toEqual(['the audit log holds no event']);
    expect(auditSample(`${event({})}\nnot json\n{"a":1}`, TAKEN).problems.map((p) => p.en)).toEqual(['2 line(s) are not audit events, the first at line 2']);
    expect(auditSample(event({}), '2026-12-09T12:00:00Z').problems.map((p) => p.en)).toEqual([
      'the newest event is of 2026-12-07T10:00:00.000000Z, more than a day before the sample',
    ]);
  });
});

describe('the sample kept for the package', () => {
  it('leaves out Events, whose generated names look like bootstrap tokens, but counts them', () => {
    const s = auditSample(
      [
        event({ verb: 'create', objectRef: { resource: 'events', namespace: 'ns', name: 'govcloud-probe-server.18ef187fb0f86412' } }),
        event({ verb: 'get' }),
      ].join('\n'),
      TAKEN,
    );
    expect([s.events, s.sample.map((e) => e.verb)]).toEqual([2, ['get']]);
    expect(JSON.stringify(s)).not.toContain('18ef187fb0f86412');
  });
});
