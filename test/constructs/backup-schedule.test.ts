import { BackupSchedule, BackupScheduleProps, ttlOf } from '../../constructs/dr/backup-schedule';
import { get, Json, synthOf } from '../helpers/synth';

const props: BackupScheduleProps = {
  tenant: 'social-security',
  name: 'social-security-remote',
  includedNamespaces: ['social-security-prod', 'social-security-test'],
  storageLocation: 'remote',
  schedule: '7 * * * *',
  retentionDays: 30,
  siteRole: 'remote',
};

describe('BackupSchedule', () => {
  it("writes a Velero Schedule in the velero namespace: the tier's cron, the tenant's namespaces, the site's location, the TTL in hours, the volumes' data", () => {
    const [r] = synthOf((scope) => new BackupSchedule(scope, 's', props)).of('kubernetes_manifest');
    const m = r.manifest as Json;
    expect([m.apiVersion, m.kind, get(m, 'metadata.name'), get(m, 'metadata.namespace')]).toEqual([
      'velero.io/v1',
      'Schedule',
      'social-security-remote',
      'velero',
    ]);
    expect(m.spec).toEqual({
      schedule: '7 * * * *',
      useOwnerReferencesInBackup: false,
      template: {
        includedNamespaces: ['social-security-prod', 'social-security-test'],
        storageLocation: 'remote',
        ttl: '720h0m0s',
        defaultVolumesToFsBackup: true,
        metadata: { labels: { 'govcloud.gov.cn/tenant': 'social-security' } },
      },
    });
    expect(get(m, 'metadata.labels')).toMatchObject({ 'govcloud.gov.cn/tenant': 'social-security', 'govcloud.gov.cn/dr-site-role': 'remote' });
  });

  it('writes a TTL as Velero prints a duration', () => {
    expect([ttlOf(1), ttlOf(7), ttlOf(90)]).toEqual(['24h0m0s', '168h0m0s', '2160h0m0s']);
  });

  it('refuses a bad schedule, a retention under a day and no namespaces', () => {
    expect(() => synthOf((scope) => new BackupSchedule(scope, 's', { ...props, schedule: 'hourly' }))).toThrow(
      'BackupSchedule social-security-remote: schedule "hourly" is not a five-field cron expression (e.g. "*/15 * * * *")',
    );
    expect(() => synthOf((scope) => new BackupSchedule(scope, 's', { ...props, retentionDays: 0 }))).toThrow(
      'BackupSchedule social-security-remote: retentionDays 0 is not a whole number of days of at least 1',
    );
    expect(() => synthOf((scope) => new BackupSchedule(scope, 's', { ...props, includedNamespaces: [] }))).toThrow(/includedNamespaces is empty/);
  });
});
