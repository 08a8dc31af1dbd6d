/** Drill record fixtures: a temporary copy of the example city and a record of one of its tenants. */
import * as fs from 'fs';
import * as path from 'path';
import type { DrillRecordFile as DrillRecord } from '../../drill/record';
import { EXAMPLE_CITY, tmpDir } from './env';

/** A copy of environments/example-city (which holds no drill record: none has been run there). */
export function cityCopy(prefix = 'drills'): string {
  const dir = path.join(tmpDir(prefix), 'example-city');
  fs.cpSync(EXAMPLE_CITY, dir, { recursive: true });
  return dir;
}

type Change = Partial<Omit<DrillRecord, 'measured' | 'checks'>> & { measured?: DrillRecord['measured']; checks?: DrillRecord['checks'] };

/**
 * A passing drill of hotline-12345 (city, level 3, hot-standby: RPO 15m, RTO 1h) from ext-primary
 * to its same-city standby on ext-samecity, finished at `at` (default 2026-11-30T02:14:09Z).
 */
export function record(change: Change = {}): DrillRecord {
  const at = change.at ?? '2026-11-30T02:14:09Z';
  const end = Date.parse(at);
  const iso = (minutesBefore: number) => new Date(end - minutesBefore * 60_000).toISOString().replace(/\.000Z$/, 'Z');
  return {
    version: 1,
    tenant: 'hotline-12345',
    environment: 'prod',
    tier: 'hot-standby',
    from: { cluster: 'ext-primary', namespace: 'hotline-12345-prod', site: 'same-city' },
    to: { cluster: 'ext-samecity', namespace: 'hotline-12345-prod', site: 'same-city' },
    backup: { name: 'hotline-12345-same-city-20261130020000', location: 'same-city', startedAt: iso(14), completedAt: iso(12) },
    restore: { name: 'drill-hotline-12345-20261130', location: 'same-city-from-ext-primary', startedAt: iso(10), completedAt: iso(4), readyAt: iso(1) },
    measured: { rpoSeconds: 240, rtoSeconds: 540 },
    targets: { rpoSeconds: 900, rtoSeconds: 3600 },
    checks: [
      { what: 'ConfigMap/app-config', before: 'sha256:1f2e', after: 'sha256:1f2e', ok: true },
      { what: 'file:/data/drill.bin', before: 'sha256:9a8b', after: 'sha256:9a8b', ok: true },
    ],
    result: 'pass',
    failures: [],
    by: '李四',
    ...change,
    at,
  };
}

/** A failed drill: the restored file differs. */
export function failedRecord(change: Change = {}): DrillRecord {
  const r = record(change);
  return {
    ...r,
    checks: [r.checks[0], { ...r.checks[1], after: 'sha256:0000', ok: false }],
    result: 'fail',
    failures: ['文件 /data/drill.bin 校验和不一致 / file:/data/drill.bin checksum differs'],
    ...change,
  };
}
