/**
 * A DR drill record file, environments/<city>/drills/<tenant>/<at>-<to cluster>.json: what
 * `govcloud drill` did for one tenant, what it measured and what it verified (the shape is
 * drill/record.ts's DrillRecord; the two are held equal by a type check there). Strict: an unknown
 * key is refused, so a record never carries more than it says.
 */
import { z } from 'zod';
import { dnsLabel, environmentName } from './common';

/** ISO 8601 in UTC to the second, as the drill command writes it: `2026-11-30T02:14:09Z`. */
export const UTC_INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/;

const instant = z.string().regex(UTC_INSTANT).describe('A time in UTC, ISO 8601: 2026-11-30T02:14:09Z / UTC 时间（ISO 8601）');
const seconds = z.number().int().min(0).max(10 * 365 * 86400);
const text = (max: number) => z.string().min(1).max(max);

const place = z
  .strictObject({
    cluster: dnsLabel(40).describe('Cluster / 集群'),
    namespace: dnsLabel(63).describe('Namespace / 命名空间'),
    site: dnsLabel(40).describe('The backup site whose storage was written (from) or read (to) / 备份写入（源）或读取（目标）的站点'),
  })
  .describe('Where the data came from or was restored to / 数据来源或恢复目标');

const check = z
  .strictObject({
    what: text(200).describe('What was compared: ConfigMap/app-config, file:/data/drill.bin, … / 核对对象'),
    before: z.string().max(200).describe('Before the backup (a digest or a count) / 备份前'),
    after: z.string().max(200).describe('After the restore / 恢复后'),
    ok: z.boolean(),
  })
  .describe('One verification after the restore / 恢复后的一项核对');

export const drillRecordSchema = z
  .strictObject({
    version: z.literal(1),
    tenant: dnsLabel(40).describe('The tenant (metadata.name), also the folder name / 租户名称，亦为目录名'),
    environment: environmentName.describe('The environment drilled / 演练的环境'),
    tier: z.enum(['backup', 'hot-standby', 'active-active']).describe("The tenant's DR tier / 灾备等级"),
    from: place,
    to: place,
    backup: z.strictObject({ name: text(253), location: text(253), startedAt: instant, completedAt: instant }),
    restore: z.strictObject({ name: text(253), location: text(253), startedAt: instant, completedAt: instant, readyAt: instant }),
    measured: z
      .strictObject({ rpoSeconds: seconds, rtoSeconds: seconds })
      .describe('Backup age when the restore started (RPO), restore start → restored and verified (RTO), seconds / 实测 RPO 与 RTO（秒）'),
    targets: z.strictObject({ rpoSeconds: seconds, rtoSeconds: seconds }).describe("The tier's targets from platform.yaml, seconds / 目标（秒）"),
    checks: z.array(check).min(1).max(1000),
    result: z.enum(['pass', 'fail']),
    failures: z.array(text(500)).max(1000).describe('Why it failed, one bilingual line each; empty on pass / 失败原因'),
    by: text(100).describe("Who ran it (the operator's name, never a credential) / 演练执行人"),
    at: instant.describe('When it finished / 完成时间'),
  })
  .describe('A DR restore drill record / 灾备恢复演练记录');

export type DrillRecordFile = z.infer<typeof drillRecordSchema>;

/** The largest record file read; a record with a thousand checks is about 200 KB. */
export const DRILL_RECORD_MAX_BYTES = 1024 * 1024;

/** The file name of a record: its `at` with `:` as `-`, then the target cluster (`2026-11-30T02-14-09Z-ext-samecity.json`). */
export function drillFileName(r: Pick<DrillRecordFile, 'at' | 'to'>): string {
  return `${r.at.replace(/:/g, '-')}-${r.to.cluster}.json`;
}
