/**
 * Writes the bench city (bench/city.ts) as an environment folder: platform.yaml, with the example
 * city's sites and clusters and capacity sized to what the tenants are charged (plus 30 %), and one
 * request file per tenant in tenants/<county>/<name>.yaml. Deterministic: the same N gives
 * byte-identical files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { updatePools, writePools } from '../workflow/pools';
import { BenchCity, BenchTenant, planCity } from './city';
import { SYSTEM_WORDS, SYSTEM_ZH } from './departments';

/** The day the bench judges approvals and waivers on (GOVCLOUD_TODAY), so that its city never ages. */
export const BENCH_TODAY = '2026-11-23';

/** The cluster a tenant runs on, and the clusters of its replicas, as the example city places them. */
export function clustersOf(t: Pick<BenchTenant, 'network' | 'tier'>): { primary: string; replicas: { cluster: string; full: boolean }[] } {
  if (t.network === 'intranet') return { primary: 'int-primary', replicas: [] };
  const remote = { cluster: 'ext-remote', full: false };
  if (t.tier === 'none') return { primary: 'ext-primary', replicas: [] };
  if (t.tier === 'backup') return { primary: 'ext-primary', replicas: [remote] };
  return { primary: 'ext-primary', replicas: [{ cluster: 'ext-samecity', full: true }, remote] };
}

interface Charge {
  cpu: number;
  memoryGi: number;
  storageGi: number;
  pods: number;
}

/** What each cluster is charged (config/checks/capacity.ts): quota × environments, a full quota per standby or active replica, 1 cpu / 1Gi / 5 pods and the storage per backup replica. */
function charges(city: BenchCity): Map<string, Charge> {
  const out = new Map<string, Charge>(
    ['ext-primary', 'ext-samecity', 'ext-remote', 'int-primary'].map((c) => [c, { cpu: 0, memoryGi: 0, storageGi: 0, pods: 0 }]),
  );
  const add = (cluster: string, cpu: number, memoryGi: number, storageGi: number, pods: number) => {
    const c = out.get(cluster)!;
    c.cpu += cpu;
    c.memoryGi += memoryGi;
    c.storageGi += storageGi;
    c.pods += pods;
  };
  for (const t of city.tenants) {
    const q = t.quota;
    const where = clustersOf(t);
    const envs = t.environments.length;
    add(where.primary, q.cpu * envs, q.memoryGi * envs, q.storageGi * envs, q.pods * envs);
    for (const r of where.replicas) add(r.cluster, r.full ? q.cpu : 1, r.full ? q.memoryGi : 1, q.storageGi, r.full ? q.pods : 5);
  }
  return out;
}

function platformYaml(city: BenchCity): string {
  const charged = charges(city);
  const cluster = (name: string, site: string, network: string) => {
    const c = charged.get(name)!;
    const cpu = Math.max(64, Math.ceil(c.cpu * 1.3));
    const nodes = Math.min(10000, Math.max(3, Math.ceil(cpu / 128)));
    const capacity = `{ cpu: "${cpu}", memory: ${Math.max(256, Math.ceil(c.memoryGi * 1.3))}Gi, storage: ${Math.max(10, Math.ceil((c.storageGi * 1.3) / 1024))}Ti, pods: ${Math.max(1000, Math.ceil(c.pods * 1.3))} }`;
    return `    - name: ${name}
      site: ${site}
      network: ${network}
      podCidr: ${POD_CIDRS[name]}
      mlpsLevel: 4
      capacity: ${capacity}
      nodePools:
${network === 'extranet' ? `        - { name: general, kind: general, nodes: ${nodes} }\n` : ''}        - { name: xinchuang, kind: domestic, nodes: ${Math.max(2, Math.ceil(nodes / 3))} }
`;
  };
  return `# yaml-language-server: $schema=../../schema/platform.schema.json
# 基准测试市：${city.n} 个租户，${city.counties.length - 1} 个县区，${city.departments.size} 个部门（bench/generate.ts 生成）
apiVersion: govcloud/v1
kind: Platform
metadata: { name: bench-city, displayName: 基准测试市政务云平台 }
spec:
  city: { code: city, name: 基准测试市 }
  counties:
${city.counties.map((c) => `    - { code: ${c.code}, name: ${c.zh} }`).join('\n')}
  sites:
    - { name: primary, city: 基准测试市, role: primary, backupStorage: { endpoint: "s3://backup.primary.bench.gov.cn/b", cidr: 10.90.0.0/24 } }
    - { name: same-city, city: 基准测试市, role: same-city, backupStorage: { endpoint: "s3://backup.twin.bench.gov.cn/b", cidr: 10.90.1.0/24 } }
    - { name: remote, city: 省会, role: remote, backupStorage: { endpoint: "s3://backup.remote.bench.gov.cn/b", cidr: 10.90.2.0/24 } }
  clusters:
${cluster('ext-primary', 'primary', 'extranet')}${cluster('ext-samecity', 'same-city', 'extranet')}${cluster('ext-remote', 'remote', 'extranet')}${cluster('int-primary', 'primary', 'intranet')}  zones:
    public-service: { cidr: 10.10.0.0/16 }
    administrative: { cidr: 10.20.0.0/16 }
    exchange: { cidr: 10.30.0.0/16 }
  intranet: { cidr: 172.16.0.0/16 }
  egress: { namespace: internet-egress, cidr: 10.99.0.0/24 }
  registries: [registry.bench.gov.cn/]
  logRetentionDays: 190
  overcommit: { cpu: 2, memory: 1.2, storage: 1 }
  # a city of 10,000+ systems numbers its 项目联审 references with five digits
  approvals: { referenceFormat: XM-YYYY-NNNNN }
  images:
    egressGateway: { registry: registry.bench.gov.cn, repository: platform/squid, tag: "5.7" }
    velero: { registry: registry.bench.gov.cn, repository: platform/velero/velero, tag: v1.16.1 }
    veleroPluginForAws: { registry: registry.bench.gov.cn, repository: platform/velero/velero-plugin-for-aws, tag: v1.12.1 }
  charts:
    baseline: { repository: charts/govcloud-baseline, version: 0.1.2 }
  placement:
    domesticNodeLabel: { key: govcloud.gov.cn/node-pool, value: xinchuang }
`;
}

/** The DR rules an intranet tenant waives (no intranet DR site yet), by its level. */
const INTRANET_WAIVERS: readonly { readonly rule: string; readonly from: number }[] = [
  { rule: 'MLPS-DATA-001', from: 1 },
  { rule: 'MLPS-DATA-002', from: 2 },
  { rule: 'MLPS-DATA-003', from: 3 },
  { rule: 'MLPS-DATA-004', from: 4 },
];

const quantity = (gi: number) => (gi % 1024 === 0 ? `${gi / 1024}Ti` : `${gi}Gi`);

/**
 * The graded-protection records (spec.mlps) of an unclassified level-2+ tenant: filed when it was
 * approved, assessed and risk-assessed in the autumn before BENCH_TODAY, so that MLPS-MGMT-001 to 003
 * pass; classified tenants are not filed under 等保 (分级保护).
 */
function recordsYaml(t: BenchTenant, month: string, day: string): string {
  if (t.network === 'intranet' || t.level < 2) return '';
  const filing = `    filing: { number: 44010013001-${String(t.index % 100000).padStart(5, '0')}, filedOn: 2026-${month}-${day}, authority: 示例市公安局网络安全保卫支队 }\n`;
  if (t.level < 3) return `  mlps:\n${filing}`;
  const november = String(1 + (t.index % 20)).padStart(2, '0');
  return `  mlps:\n${filing}    assessment: { lastOn: 2026-11-${november}, agency: 示例市信息安全测评中心, result: 符合 }\n    riskAssessment: { lastOn: 2026-10-${day} }\n`;
}

function tenantYaml(t: BenchTenant, countyZh: string): string {
  const q = t.quota;
  const month = String(1 + (t.index % 10)).padStart(2, '0');
  const day = String(1 + (t.index % 28)).padStart(2, '0');
  const what = t.hub ? '数据共享交换平台' : SYSTEM_ZH[SYSTEM_WORDS[t.system % SYSTEM_WORDS.length]];
  const flows = t.flows.map((f) =>
    f.hosts
      ? `    - { to: internet, hosts: [${f.hosts.join(', ')}], ports: [${f.ports.join(', ')}] }`
      : `    - { to: ${f.to}, ports: [${f.ports.join(', ')}] }`,
  );
  const waivers = t.network === 'intranet' ? INTRANET_WAIVERS.filter((w) => t.level >= w.from) : [];
  return `# yaml-language-server: $schema=../../../../schema/tenant-request.schema.json
apiVersion: govcloud/v1
kind: TenantRequest
metadata:
  name: ${t.name}
  county: ${t.county}
  department: ${t.department.code}
  displayName: ${countyZh}${t.department.zh}${what}
  owner: { name: 测试, email: owner${t.index}@bench.gov.cn }
  approval: { ref: XM-2026-${String(t.index).padStart(5, '0')}, approvedOn: 2026-${month}-${day} }
spec:
  classification: ${t.network === 'intranet' ? 'classified' : 'unclassified'}
  mlpsLevel: ${t.level}
${recordsYaml(t, month, day)}  network: ${t.network}
${t.network === 'extranet' ? `  zone: ${t.zone}\n` : ''}  environments: [${t.environments.join(', ')}]
  quota: { cpu: "${q.cpu}", memory: ${q.memoryGi}Gi, storage: ${quantity(q.storageGi)}, pods: ${q.pods} }
  placement: { domestic: ${t.domestic} }
  dr: { tier: ${t.tier} }
${t.exposed ? '  exposure: { internet: true, ports: [8080] }\n' : ''}${flows.length > 0 ? `  flows:\n${flows.join('\n')}\n` : ''}${
    waivers.length > 0
      ? `  waivers:\n${waivers
          .map(
            (w) =>
              `    - { rule: ${w.rule}, reason: "内网灾备中心在建；期间每日加密离线备份至保密介质库 / intranet DR site under construction; daily encrypted offline backup", approvedBy: 市委网信办安全审查组, expires: 2027-06-30 }`,
          )
          .join('\n')}\n`
      : ''
  }  admins: [${t.admins.join(', ')}]
`;
}

/**
 * The clusters' pod ranges: the widest a cluster may have (/12 on the extranet), so that the pools of
 * 10,000 tenants' namespaces fit; the intranet's is the whole intranet range (172.16.0.0/16 in the bench).
 */
const POD_CIDRS: Readonly<Record<string, string>> = {
  'ext-primary': '10.64.0.0/12',
  'ext-samecity': '10.128.0.0/12',
  'ext-remote': '10.144.0.0/12',
  'int-primary': '172.16.0.0/16',
};

/** The environment's files, by path relative to its folder. */
export function cityFiles(city: BenchCity): Map<string, string> {
  const zh = new Map(city.counties.map((c) => [c.code, c.code === 'city' ? '基准测试' : c.zh]));
  const files = new Map<string, string>([['platform.yaml', platformYaml(city)]]);
  for (const t of city.tenants) files.set(path.posix.join('tenants', t.county, `${t.name}.yaml`), tenantYaml(t, zh.get(t.county) ?? ''));
  return files;
}

/** Writes the city of n tenants into dir (emptied first) and returns it. */
export function generateCity(dir: string, n: number): BenchCity {
  const city = planCity(n);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const c of city.counties) fs.mkdirSync(path.join(dir, 'tenants', c.code), { recursive: true });
  for (const [file, text] of cityFiles(city)) fs.writeFileSync(path.join(dir, file), text);
  // the namespaces' address pools, as `govcloud pools --write` allocates them
  const pools = updatePools(dir);
  if (!pools.ok || pools.allocation.full.length > 0) throw new Error(`generateCity: the address pools of ${n} tenants cannot be allocated`);
  writePools(pools);
  return city;
}
