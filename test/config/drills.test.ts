/** Drill records as input: read with positions, checked against the schema, themselves and the city. */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { writeDrillRecord } from '../../drill/record';
import { cityCopy, failedRecord, record } from '../helpers/drills';

const lines = (env: string, lang: 'en' | 'zh' = 'en') =>
  validateEnvironment(env)
    .issues.filter((i) => i.severity === 'error')
    .map((i) => formatIssue(i, lang).replace(`${env}/`, ''));

describe('drill records in validation', () => {
  it('puts valid records in the model, per tenant, oldest first', () => {
    const env = cityCopy();
    writeDrillRecord(env, record({ at: '2026-11-30T02:14:09Z' }));
    writeDrillRecord(env, failedRecord({ at: '2026-06-01T08:00:00Z' }));
    const r = validateEnvironment(env);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const drills = r.model?.drills['hotline-12345'] ?? [];
    expect(drills.map((d) => [d.record.at, d.record.result])).toEqual([
      ['2026-06-01T08:00:00Z', 'fail'],
      ['2026-11-30T02:14:09Z', 'pass'],
    ]);
    expect(drills[1].file).toMatch(/drills\/hotline-12345\/2026-11-30T02-14-09Z-ext-samecity\.json$/);
    expect(r.model?.drills['tax-data-service']).toBeUndefined();
    expect(r.model?.drillValidity).toEqual({ validFor: '180d', minutes: 180 * 1440 });
  });

  it('reports a bad field at its line and column, naming the field, the value and what is allowed, in both languages', () => {
    const env = cityCopy();
    const file = writeDrillRecord(env, record());
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"result": "pass"', '"result": "passed"'));
    const line =
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"passed"')) + 1;
    const rel = 'drills/hotline-12345/2026-11-30T02-14-09Z-ext-samecity.json';
    expect(lines(env)).toEqual([`${rel}:${line}:13 result: value "passed" is not allowed (allowed: pass, fail); did you mean pass?`]);
    expect(lines(env, 'zh')[0]).toMatch(new RegExp(`^${rel}:${line}:13 result: .*"passed".*pass, fail`));
  });

  it('reports JSON syntax at its position, without a stack trace', () => {
    const env = cityCopy();
    const file = writeDrillRecord(env, record());
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"by": "李四",', '"by": "李四"'));
    const out = lines(env);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^drills\/hotline-12345\/2026-11-30T02-14-09Z-ext-samecity\.json:\d+:3 JSON syntax error: expected "," or "}", found "\\""$/);
  });

  it('keeps a record of a tenant that is gone (removed: its history) with a warning, and judges it for no one', () => {
    const env = cityCopy();
    writeDrillRecord(env, record({ tenant: 'no-such-tenant' }));
    const r = validateEnvironment(env);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.model?.drills['no-such-tenant']).toBeDefined();
    expect(
      r.issues.filter((i) => i.severity === 'warning' && i.code === 'drill.unknownTenant').map((i) => formatIssue(i, 'en').replace(`${env}/`, '')),
    ).toEqual([
      expect.stringMatching(
        /^drills\/no-such-tenant\/2026-11-30T02-14-09Z-ext-samecity\.json:3:13 tenant: warning: a drill record for tenant no-such-tenant, which does not exist in this city .*kept as the history of a removed tenant/,
      ),
    ]);
  });

  it('refuses a record that contradicts itself, a wrong place or an unknown cluster', () => {
    const env = cityCopy();
    const r = record();
    writeDrillRecord(env, { ...r, checks: [{ ...r.checks[0], ok: false }] });
    const other = writeDrillRecord(env, record({ at: '2026-10-01T00:00:00Z', to: { ...r.to, cluster: 'ext-nowhere' } }));
    fs.renameSync(other, path.join(path.dirname(other), 'renamed.json'));
    const out = lines(env);
    const line =
      fs.readFileSync(path.join(env, 'drills/hotline-12345/2026-11-30T02-14-09Z-ext-samecity.json'), 'utf8').split('\n').indexOf('  "result": "pass",') + 1;
    expect(out).toEqual([
      `drills/hotline-12345/2026-11-30T02-14-09Z-ext-samecity.json:${line}:13 result: result is "pass", but check ConfigMap/app-config is not ok: a record passes only when every check is ok, both measures are within their targets and no failure is listed`,
      expect.stringMatching(
        /^drills\/hotline-12345\/renamed\.json:1:1 the file is named renamed\.json, but the record says 2026-10-01T00-00-00Z-ext-nowhere\.json/,
      ),
    ]);
    fs.renameSync(path.join(path.dirname(other), 'renamed.json'), other);
    expect(lines(env)).toContainEqual(
      expect.stringMatching(/2026-10-01T00-00-00Z-ext-nowhere\.json:\d+:16 to\.cluster: cluster "ext-nowhere" is not a cluster of platform\.yaml/),
    );
  });

  it('screens every text of a record for credentials, never printing it back', () => {
    const env = cityCopy();
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    writeDrillRecord(env, record({ by: `ops ${token}` }));
    const out = lines(env);
    expect(out).toEqual([expect.stringMatching(/^drills\/hotline-12345\/2026-11-30T02-14-09Z-ext-samecity\.json:\d+:9 by: .*JSON Web Token/)]);
    expect(out.join('\n')).not.toContain(token);
  });

  it('takes how long a drill counts from platform.yaml', () => {
    const env = cityCopy();
    const p = path.join(env, 'platform.yaml');
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('  recovery:\n', '  drills: { validFor: 90d }\n  recovery:\n'));
    expect(validateEnvironment(env).model?.drillValidity).toEqual({ validFor: '90d', minutes: 90 * 1440 });
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('validFor: 90d', 'validFor: 90 days'));
    expect(lines(env)).toEqual([expect.stringMatching(/^platform\.yaml:\d+:\d+ spec\.drills\.validFor: value "90 days" is not a duration/)]);
  });
});
