/** Where each cluster writes and reads backups (config/backup-locations.ts, config/backup-storage.ts). */
import { clusterEndpoint } from '../../config/backup-storage';
import { readOnlyLocations } from '../../config/backup-locations';
import { Replica, Tenant } from '../../config/model';

const replica = (site: string, cluster: string, endpoint: string): Replica => ({
  site,
  siteRole: site === 'far' ? 'remote' : 'same-city',
  cluster,
  mode: 'backup',
  schedule: '0 2 * * *',
  retentionDays: 30,
  backupEndpoint: endpoint,
  backupCidr: site === 'far' ? '10.90.2.0/24' : '10.90.1.0/24',
  pool: '',
});

const tenant = (name: string, cluster: string, replicas: Replica[]): Pick<Tenant, 'name' | 'cluster' | 'replicas'> => ({ name, cluster, replicas });

describe('backup locations', () => {
  it("puts a cluster's own prefix under the site's, or at the bucket's root when the site has none", () => {
    expect(clusterEndpoint('s3://bucket/govcloud', 'ext-main')).toBe('s3://bucket/govcloud/ext-main');
    expect(clusterEndpoint('s3://bucket', 'ext-main')).toBe('s3://bucket/ext-main');
    expect(clusterEndpoint('https://oss.gov.cn:9000/bucket/a/b/', 'ext-main')).toBe('https://oss.gov.cn:9000/bucket/a/b/ext-main');
  });

  it('gives a DR cluster one ReadOnly location per primary cluster and site, with the tenants it restores, sorted', () => {
    const twin = 's3://twin/b';
    const far = 's3://far';
    const tenants = [
      tenant('b-hub', 'ext-main', [replica('twin', 'ext-twin', twin), replica('far', 'ext-far', far)]),
      tenant('a-portal', 'ext-main', [replica('twin', 'ext-twin', twin)]),
      tenant('c-local', 'ext-other', [replica('twin', 'ext-twin', twin)]),
      tenant('d-self', 'ext-twin', [replica('far', 'ext-far', far)]),
      tenant('unplaced', '', [replica('twin', 'ext-twin', twin)]),
    ];
    expect(readOnlyLocations(tenants, 'ext-twin')).toEqual([
      {
        name: 'twin-from-ext-main',
        site: 'twin',
        primaryCluster: 'ext-main',
        endpoint: 's3://twin/b/ext-main',
        cidr: '10.90.1.0/24',
        tenants: ['a-portal', 'b-hub'],
      },
      { name: 'twin-from-ext-other', site: 'twin', primaryCluster: 'ext-other', endpoint: 's3://twin/b/ext-other', cidr: '10.90.1.0/24', tenants: ['c-local'] },
    ]);
    expect(readOnlyLocations(tenants, 'ext-far').map((l) => [l.name, l.endpoint])).toEqual([
      ['far-from-ext-main', 's3://far/ext-main'],
      ['far-from-ext-twin', 's3://far/ext-twin'],
    ]);
    expect(readOnlyLocations(tenants, 'ext-main')).toEqual([]);
  });
});
