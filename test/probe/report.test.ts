/** The probe's evidence: a matrix with one cell per probe, the mismatches spelled out, JSON with every probe; and the probe pods as admission sees them. */
import { validateEnvironment } from '../../config/validate';
import { truthTable } from '../../probe/table';
import { ProbeResult } from '../../probe/run';
import { mismatched, probeJson, probeReport, probeText } from '../../probe/report';
import { clientPod, serverPod } from '../../probe/pods';
import { EXAMPLE_CITY } from '../helpers/env';

const model = validateEnvironment(EXAMPLE_CITY).model!;
const table = truthTable(model, { internet: ['198.51.100.10'] });
// as observed on a cluster where one undeclared pair is open and one declared flow is blocked
const open = table.find((p) => p.expect === 'refuse' && p.to.kind === 'namespace')!;
const blocked = table.find((p) => p.expect === 'connect')!;
const results: ProbeResult[] = table.map((p) => ({
  probe: p,
  observed: p === open ? 'connect' : p === blocked ? 'refuse' : p.expect,
  detail: p === open && p.to.kind === 'namespace' ? p.to.endpoint.namespace : undefined,
}));
const report = probeReport(model.name, '2026-12-07T03:00:00.000Z', results);

describe('probe report', () => {
  it('counts the mismatches, in both directions', () => {
    expect(report.probes).toBe(table.length);
    expect(report.mismatches).toBe(2);
    expect(results.filter(mismatched).map((r) => r.probe)).toEqual(expect.arrayContaining([open, blocked]));
  });

  it('draws one cell per probe, X for an open undeclared pair and - for a blocked flow, and lists both with the reason', () => {
    const text = probeText(report, 'en');
    expect(text).toMatch(/4\d+ probes, 2 not as expected/);
    const rows = text.split('\n').filter((l) => /^\S+\/\S+ {2}[+.X\-? ]+$/.test(l));
    expect(rows.length).toBe(new Set(table.map((p) => `${p.from.cluster}/${p.from.namespace}`)).size);
    expect(
      rows
        .join('')
        .split('')
        .filter((c) => c === 'X').length,
    ).toBe(1);
    expect(text).toContain(`${open.id}: expected refuse (${open.because}), observed connect`);
    expect(text).toContain(`${blocked.id}: expected connect`);
    expect(probeText(report, 'zh')).toContain('2 项与预期不符');
  });

  it('writes every probe to JSON with the time it was taken', () => {
    const json = JSON.parse(probeJson(report));
    expect(json.takenAt).toBe('2026-12-07T03:00:00.000Z');
    expect(json.results).toHaveLength(table.length);
    expect(json.results.find((r: { id: string }) => r.id === open.id)).toMatchObject({ expect: 'refuse', observed: 'connect' });
  });
});

describe('probe pods', () => {
  const ep = table.find((p) => p.from.domestic)!.from;
  const placement = { key: model.domesticNodeLabel.key, domesticValue: model.domesticNodeLabel.value, generalValue: 'general' };
  const image = 'registry.example-city.gov.cn/platform/probe@sha256:' + 'a'.repeat(64);

  it('are ordinary restricted workloads: non-root, no escalation, all capabilities dropped, read-only root, limits', () => {
    const pod = serverPod(ep, image, placement) as {
      spec: { securityContext: object; containers: { securityContext: object; resources: { limits: object } }[] };
    };
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.spec.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true });
    expect(pod.spec.containers[0].resources.limits).toEqual({ cpu: '200m', memory: '32Mi' });
  });

  it('select the domestic pool in a domestic namespace and the general pool elsewhere', () => {
    expect((serverPod(ep, image, placement) as { spec: { nodeSelector: object } }).spec.nodeSelector).toEqual({ [placement.key]: placement.domesticValue });
    const plain = { ...ep, domestic: false };
    expect((clientPod(plain, image, placement, ['10.0.0.1:80'], 'x') as { spec: { nodeSelector: object } }).spec.nodeSelector).toEqual({
      [placement.key]: 'general',
    });
  });

  it('pass the server ports and the client targets as data, never into the script', () => {
    const pod = clientPod(ep, image, placement, ['10.0.0.1:80', '10.0.0.2:443'], 'x') as {
      spec: { containers: { command: string[]; env: { name: string; value?: string }[] }[] };
    };
    expect(pod.spec.containers[0].env.find((e) => e.name === 'TARGETS')?.value).toBe('10.0.0.1:80\n10.0.0.2:443');
    expect(pod.spec.containers[0].command[2]).not.toContain('10.0.0.1');
  });
});
