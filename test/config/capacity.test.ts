/**
 * A cluster over capacity is reported where someone can act (issue 10): at the quota line of the
 * request that overflows it — in a pull request the changed one, otherwise the largest shares — with
 * figures a person can read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { ChangeScope } from '../../config/checks/capacity';
import { formatBytes, formatCpu, formatPercent } from '../../config/quantity';
import { caseEnv } from '../helpers/env';

const edit = (dir: string, file: string, from: string, to: string) => {
  const f = path.join(dir, file);
  const text = fs.readFileSync(f, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  fs.writeFileSync(f, text.replace(from, to));
};

/** The capacity errors, as `file:line:col field` (the message is asserted in test/config/errors.test.ts). */
function overflows(dir: string, change?: ChangeScope): string[] {
  const r = validateEnvironment(dir, { change });
  return r.issues
    .filter((i) => i.code === 'capacity.overByRequest' || i.code === 'capacity.exceeded')
    .map((i) => `${path.relative(dir, i.file)}:${i.line}:${i.col} ${i.field} ${i.code}`);
}

describe('capacity errors point at the request that overflows the cluster', () => {
  const baseTenants = () => {
    const m = validateEnvironment(caseEnv(undefined)).model;
    if (!m) throw new Error('the base fixture is valid');
    return m.tenants;
  };

  it('names the request with the largest share when nothing says what changed', () => {
    const dir = caseEnv(undefined);
    edit(dir, 'tenants/north/relief.yaml', 'cpu: "4"', 'cpu: "60"'); // 120 of 200
    edit(dir, 'tenants/north/portal.yaml', 'cpu: "4"', 'cpu: "45"'); // 90: 218 in all
    expect(overflows(dir)).toEqual(['tenants/north/relief.yaml:16:17 spec.quota.cpu capacity.overByRequest']);
  });

  it('names the changed request in a pull request, even when it is not the largest', () => {
    const dir = caseEnv(undefined);
    const base = baseTenants();
    edit(dir, 'tenants/north/relief.yaml', 'cpu: "4"', 'cpu: "60"');
    edit(dir, 'tenants/north/portal.yaml', 'cpu: "4"', 'cpu: "45"');
    const change = { tenants: new Set(['north/portal']), base, platform: false };
    expect(overflows(dir, change)).toEqual(['tenants/north/portal.yaml:16:17 spec.quota.cpu capacity.overByRequest']);
  });

  it('names every changed request whose charge grew, and not a changed one whose charge did not', () => {
    const dir = caseEnv(undefined);
    const base = baseTenants();
    edit(dir, 'tenants/north/relief.yaml', 'cpu: "4"', 'cpu: "60"');
    edit(dir, 'tenants/north/portal.yaml', 'cpu: "4"', 'cpu: "45"');
    edit(dir, 'tenants/south/exchange-hub.yaml', 'grp-big-data-ops', 'grp-big-data-admins');
    const change = { tenants: new Set(['north/relief', 'north/portal', 'south/exchange-hub']), base, platform: false };
    expect(overflows(dir, change)).toEqual([
      'tenants/north/portal.yaml:16:17 spec.quota.cpu capacity.overByRequest',
      'tenants/north/relief.yaml:16:17 spec.quota.cpu capacity.overByRequest',
    ]);
  });

  it("points at platform.yaml's capacity when only the platform changed", () => {
    const dir = caseEnv(undefined);
    const base = baseTenants();
    edit(dir, 'platform.yaml', 'capacity: { cpu: "100"', 'capacity: { cpu: "10"'); // 20 allowed, 24 granted
    const change = { tenants: new Set<string>(), base, platform: true };
    expect(overflows(dir, change)).toEqual(['platform.yaml:30:24 spec.clusters[0].capacity.cpu capacity.exceeded']);
  });

  it('names as few of the largest shares as bring the cluster back within its limit, in file order on a tie', () => {
    const dir = caseEnv(undefined);
    edit(dir, 'platform.yaml', 'capacity: { cpu: "100"', 'capacity: { cpu: "5"'); // 10 allowed, 3 × 8 granted: 14 over
    expect(overflows(dir)).toEqual([
      'tenants/north/portal.yaml:16:17 spec.quota.cpu capacity.overByRequest',
      'tenants/north/relief.yaml:16:17 spec.quota.cpu capacity.overByRequest',
    ]);
  });

  it('says how a share is made up: environments and replicas', () => {
    const dir = caseEnv(undefined);
    edit(dir, 'platform.yaml', 'capacity: { cpu: "20", memory: 80Gi, storage: 40Ti }', 'capacity: { cpu: "20", memory: 80Gi, storage: 150Gi }');
    const r = validateEnvironment(dir);
    expect(
      r.issues
        .filter((i) => i.code === 'capacity.overByRequest')
        .map((i) =>
          formatIssue(i, 'en')
            .split(dir + path.sep)
            .join(''),
        ),
    ).toEqual([
      'tenants/north/portal.yaml:16:45 spec.quota.storage: cluster ext-far is over capacity: granted storage 200Gi exceeds capacity 150Gi × over-commit 1 = 150Gi by 50Gi (133.3 %); this request takes 100Gi of it (100Gi for the backup replica): lower this quota, or ask the platform team for more capacity',
    ]);
  });
});

describe('figures for people', () => {
  it('writes CPU and sizes without exponents, with the usual units', () => {
    expect([formatCpu(16000), formatCpu(500), formatCpu(1500), formatCpu(2e23), formatCpu(1.5e9)]).toEqual(['16', '500m', '1500m', '200E', '1.5M']);
    expect([formatBytes(64 * 2 ** 30), formatBytes(1.5 * 2 ** 40), formatBytes(2 ** 80)]).toEqual(['64Gi', '1.5Ti', '1048576Ei']);
    expect(formatBytes(1e30)).not.toMatch(/e\+/);
  });

  it('caps a percentage at >999 and keeps one decimal', () => {
    expect([formatPercent(206, 200), formatPercent(175, 200), formatPercent(1, 3), formatPercent(2e23, 200000), formatPercent(1, 0)]).toEqual([
      '103',
      '87.5',
      '33.3',
      '>999',
      '-',
    ]);
    expect(formatPercent(1, 3, { fixed: true })).toBe('33.3');
    expect(formatPercent(1, 2, { fixed: true })).toBe('50.0');
  });
});
