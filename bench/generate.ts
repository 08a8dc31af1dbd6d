/**
 * Generates a synthetic city with N tenants for the benchmark: the example city's sites and
 * clusters with capacity scaled to fit, 10 counties, tenants spread over zones, levels, DR tiers,
 * a few flows each. Deterministic: the same N gives the same files.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Network } from '../config/model';

const COUNTIES = ['city', 'c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09'];
const ZONES = ['public-service', 'administrative', 'administrative', 'exchange'] as const;
const TIERS = ['none', 'backup', 'hot-standby', 'active-active'] as const;

function platformYaml(n: number): string {
  const cpu = Math.max(512, n * 40);
  const mem = Math.max(2048, n * 160);
  const sto = Math.max(200, Math.ceil(n * 4));
  const cluster = (name: string, site: string, network: string) => `    - name: ${name}
      site: ${site}
      network: ${network}
      mlpsLevel: 4
      capacity: { cpu: "${cpu}", memory: ${mem}Gi, storage: ${sto}Ti, pods: ${n * 500 + 1000} }
      nodePools:
        - { name: general, kind: general, nodes: 100 }
        - { name: xc, kind: domestic, nodes: 50 }
`;
  return `# yaml-language-server: $schema=../../schema/platform.schema.json
apiVersion: govcloud/v1
kind: Platform
metadata: { name: bench-city, displayName: 基准测试市 }
spec:
  city: { code: city, name: 基准测试市 }
  counties:
${COUNTIES.map((c) => `    - { code: ${c}, name: 县${c} }`).join('\n')}
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
`;
}

interface Gen {
  name: string;
  county: string;
  network: Network;
  zone: string;
}

function tenantYaml(t: Gen, i: number, all: Gen[]): string {
  const level = 2 + (i % 3);
  const tier = t.network === 'intranet' ? 'none' : TIERS[i % 4];
  const flows: string[] = [];
  // a flow to an exchange tenant (allowed from any extranet zone), and public-service to the Internet
  if (t.network === 'extranet') {
    const ex = all.find((x, j) => j > i && x.zone === 'exchange' && x.network === 'extranet') ?? all.find((x) => x.zone === 'exchange' && x !== t);
    if (ex) flows.push(`    - { to: tenant/${ex.county}/${ex.name}, ports: [443] }`);
    if (t.zone === 'public-service') flows.push('    - { to: internet, hosts: [api.example.cn], ports: [443] }');
  }
  return `# yaml-language-server: $schema=../../../../schema/tenant-request.schema.json
apiVersion: govcloud/v1
kind: TenantRequest
metadata:
  name: ${t.name}
  county: ${t.county}
  department: dept-${i % 40}
  displayName: 基准租户 ${i}
  owner: { name: 测试, email: owner${i}@bench.gov.cn }
  approval: { ref: XM-2026-${String(i).padStart(5, '0')}, approvedOn: 2026-10-01 }
spec:
  classification: ${t.network === 'intranet' ? 'classified' : 'unclassified'}
  mlpsLevel: ${level}
  network: ${t.network}
${t.network === 'extranet' ? `  zone: ${t.zone}\n` : ''}  environments: [prod, test]
  quota: { cpu: "8", memory: 32Gi, storage: 200Gi, pods: 100 }
  placement: { domestic: ${i % 5 === 0} }
  dr: { tier: ${tier} }
${t.network === 'extranet' && t.zone === 'public-service' ? '  exposure: { internet: true }\n' : ''}${flows.length > 0 ? `  flows:\n${flows.join('\n')}\n` : ''}  admins: [grp-dept-${i % 40}-ops]
`;
}

export function generateCity(dir: string, n: number): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'platform.yaml'), platformYaml(n));
  const all: Gen[] = [];
  for (let i = 0; i < n; i++) {
    const network = i % 10 === 9 ? 'intranet' : 'extranet';
    all.push({ name: `t${String(i).padStart(5, '0')}`, county: COUNTIES[i % COUNTIES.length], network, zone: network === 'intranet' ? '' : ZONES[i % 4] });
  }
  for (const c of COUNTIES) fs.mkdirSync(path.join(dir, 'tenants', c), { recursive: true });
  all.forEach((t, i) => fs.writeFileSync(path.join(dir, 'tenants', t.county, `${t.name}.yaml`), tenantYaml(t, i, all)));
}
