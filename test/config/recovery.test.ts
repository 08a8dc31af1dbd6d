/**
 * RPO and RTO per DR tier (issue 22): durations with a unit, and an RPO no shorter than the longest
 * gap between the tier's most frequent backups, refused at the line of the RPO in both languages.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { caseEnv } from '../helpers/env';
import { tierCadence } from '../../config/checks/recovery';

/** The base city with a recovery section after its placement (from line 75). */
function city(recovery: string): string {
  const dir = caseEnv(undefined);
  const platform = path.join(dir, 'platform.yaml');
  const text = fs.readFileSync(platform, 'utf8');
  const anchor = '    domesticNodeLabel: { key: govcloud.gov.cn/node-pool, value: xc }\n';
  if (!text.includes(anchor)) throw new Error('the base fixture changed: place the recovery section again');
  fs.writeFileSync(platform, text.replace(anchor, `${anchor}  recovery:\n${recovery}`));
  return dir;
}

const validated = (dir: string) => validateEnvironment(dir);
const lines = (dir: string, lang: 'en' | 'zh' = 'en') =>
  validated(dir).issues.map((i) =>
    formatIssue(i, lang)
      .split(path.dirname(dir) + path.sep)
      .join(''),
  );

describe('validate: recovery targets', () => {
  it('admits targets every tier can meet and gives each tenant its tier’s', () => {
    const dir = city('    backup: { rpo: 1d, rto: 8h }\n    hot-standby: { rpo: 15m, rto: 1h }\n    active-active: { rpo: 5m, rto: 15m }\n');
    const r = validated(dir);
    expect(r.issues.map((i) => formatIssue(i, 'en'))).toEqual([]);
    const tiers = new Map(r.model!.tenants.map((t) => [t.dr, t.recovery]));
    expect(tiers.get('hot-standby')).toEqual({ rpo: '15m', rto: '1h', rpoMinutes: 15, rtoMinutes: 60 });
    expect(tiers.get('backup')).toEqual({ rpo: '1d', rto: '8h', rpoMinutes: 1440, rtoMinutes: 480 });
    if (tiers.has('none')) expect(tiers.get('none')).toBeUndefined();
  });

  it('refuses an RPO shorter than the gap between the tier’s backups, at the RPO, with the gap', () => {
    const dir = city('    backup: { rpo: 4h, rto: 8h }\n    hot-standby: { rpo: 10m, rto: 1h }\n');
    expect(lines(dir)).toEqual([
      'case/platform.yaml:76:20 spec.recovery.backup.rpo: tier backup promises an RPO of 4h, but its most frequent backups (to the remote site, cron "0 2 * * *") can be 1d apart, so up to 1d of data can be lost; set rpo to at least 1d',
      'case/platform.yaml:77:25 spec.recovery.hot-standby.rpo: tier hot-standby promises an RPO of 10m, but its most frequent backups (to the same-city site, cron "*/15 * * * *") can be 15m apart, so up to 15m of data can be lost; set rpo to at least 15m',
    ]);
    expect(lines(dir, 'zh')[1]).toBe(
      'case/platform.yaml:77:25 spec.recovery.hot-standby.rpo: 灾备等级 hot-standby 的恢复点目标（RPO）为 10m，但其最频繁的备份（至同城灾备站点，cron "*/15 * * * *"）两次之间最长相隔 15m，最多可能丢失 15m 的数据；请将 rpo 设为不少于 15m',
    );
  });

  it('refuses a duration without a unit or with another unit, naming the allowed units', () => {
    expect(lines(city('    active-active: { rpo: "15", rto: 1w }\n'))).toEqual([
      'case/platform.yaml:76:27 spec.recovery.active-active.rpo: value "15" is not a duration: write a whole number (at least 1) and one unit, such as 15m, 1h or 2d (units: m minutes, h hours, d days)',
      'case/platform.yaml:76:38 spec.recovery.active-active.rto: value "1w" is not a duration: write a whole number (at least 1) and one unit, such as 15m, 1h or 2d (units: m minutes, h hours, d days)',
    ]);
  });

  it('judges each tier against its most frequent Schedule', () => {
    expect(tierCadence('backup')).toEqual({ schedule: '0 2 * * *', role: 'remote', minutes: 1440 });
    expect(tierCadence('hot-standby')).toEqual({ schedule: '*/15 * * * *', role: 'same-city', minutes: 15 });
    expect(tierCadence('active-active')).toEqual({ schedule: '*/5 * * * *', role: 'same-city', minutes: 5 });
  });
});
