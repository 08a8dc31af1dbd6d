/**
 * The cluster bootstrap files synth writes (issue 13): per cluster the audit policy kube-apiserver
 * loads and its audit flags, from the model, byte-identical on every synth, read back by
 * `check --from`, so MLPS-AUDIT-001 judges what was written and not what the model says.
 */
import * as fs from 'fs';
import * as path from 'path';
import { load } from 'js-yaml';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { synthesize } from '../../stacks/synth';
import { auditFlags, clusterFiles, readClusterFiles } from '../../config/cluster-config';
import { readDeployment } from '../../policies/synth-output';
import { runChecks } from '../../policies/engine';
import { caseEnv, EXAMPLE_CITY, readTree, REPO, tmpDir } from '../helpers/env';

const modelOf = (dir: string): CityModel => {
  const r = validateEnvironment(dir);
  if (!r.model) throw new Error(JSON.stringify(r.issues));
  return r.model;
};

interface Rule {
  level: string;
  verbs?: string[];
  resources?: { group: string; resources?: string[] }[];
  nonResourceURLs?: string[];
}

/** The level the policy's first matching rule gives a request (the API server's own reading). */
function levelOf(policyText: string, verb: string, group: string, resource: string): string {
  const rules = (load(policyText) as { rules: Rule[] }).rules;
  const hit = rules.find(
    (r) =>
      !r.nonResourceURLs &&
      (!r.verbs || r.verbs.includes(verb)) &&
      (!r.resources || r.resources.some((x) => x.group === group && (!x.resources || x.resources.includes(resource)))),
  );
  return hit?.level ?? 'None';
}

describe('cluster audit files', () => {
  const city = modelOf(EXAMPLE_CITY);

  it('gives every cluster its audit policy and the kube-apiserver flags for the city retention', () => {
    const files = clusterFiles(city);
    expect(files.map((f) => `${f.network}/${f.cluster}/${f.path}`)).toEqual(
      city.clusters.flatMap((c) => [`${c.network}/${c.name}/audit/audit-policy.yaml`, `${c.network}/${c.name}/audit/kube-apiserver.flags`]),
    );
    expect(auditFlags(city)).toEqual([
      '--audit-policy-file=/etc/kubernetes/audit/audit-policy.yaml',
      '--audit-log-path=/var/log/kubernetes/audit/audit.log',
      '--audit-log-format=json',
      '--audit-log-maxage=190',
      '--audit-log-maxbackup=0',
      '--audit-log-maxsize=100',
    ]);
    expect(auditFlags({ ...city, logRetentionDays: 400 })).toContain('--audit-log-maxage=400');
  });

  it('logs guard-rail changes with request and response, secrets and configmaps as metadata only, reads only at level 4', () => {
    const policy = (name: string) => clusterFiles(city).find((f) => f.cluster === name && f.path.endsWith('.yaml'))!.text;
    const l3 = policy('ext-primary');
    const l4 = policy('int-primary');
    expect(load(l3)).toMatchObject({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy', omitStages: ['RequestReceived'] });
    for (const p of [l3, l4]) {
      expect(levelOf(p, 'create', '', 'namespaces')).toBe('RequestResponse');
      expect(levelOf(p, 'patch', 'networking.k8s.io', 'networkpolicies')).toBe('RequestResponse');
      expect(levelOf(p, 'create', 'rbac.authorization.k8s.io', 'rolebindings')).toBe('RequestResponse');
      expect(levelOf(p, 'create', '', 'secrets')).toBe('Metadata');
      expect(levelOf(p, 'get', '', 'secrets')).toBe('Metadata');
      expect(levelOf(p, 'update', '', 'configmaps')).toBe('Metadata');
      expect(levelOf(p, 'create', 'apps', 'deployments')).toBe('Metadata');
    }
    expect(levelOf(l3, 'get', '', 'namespaces')).toBe('None');
    expect(levelOf(l4, 'get', '', 'namespaces')).toBe('Metadata');
  });

  it('are written by synth under <network>/clusters/<cluster>/audit/, byte-identical on a second synth, and replace what was there', () => {
    const fixture = modelOf(caseEnv(undefined));
    const out = path.join(tmpDir('cluster-config'), 'out');
    synthesize(fixture, { outDir: out, repoRoot: REPO });
    const tree = (dir: string) => [...readTree(dir)].filter(([k]) => k.includes(`clusters${path.sep}`));
    const first = tree(out);
    expect(first.map(([k]) => k).sort()).toEqual(
      fixture.clusters
        .flatMap((c) => [
          path.join(c.network, 'clusters', c.name, 'audit', 'audit-policy.yaml'),
          path.join(c.network, 'clusters', c.name, 'audit', 'kube-apiserver.flags'),
        ])
        .sort(),
    );
    fs.writeFileSync(path.join(out, 'extranet', 'clusters', 'stray.txt'), 'left from before');
    synthesize(fixture, { outDir: out, repoRoot: REPO });
    expect(tree(out)).toEqual(first);
    const key = (f: { network: string; cluster: string; path: string }) => `${f.network}/${f.cluster}/${f.path}`;
    const byKey = (a: { network: string; cluster: string; path: string }, b: typeof a) => (key(a) < key(b) ? -1 : 1);
    expect(readClusterFiles(out).sort(byKey)).toEqual(clusterFiles(fixture).sort(byKey));
  });

  it('are what check --from judges: a flags file edited after synth fails MLPS-AUDIT-001 on that cluster only', () => {
    const fixture = modelOf(caseEnv(undefined));
    const out = path.join(tmpDir('cluster-config'), 'out');
    synthesize(fixture, { outDir: out, repoRoot: REPO });
    const audit = (tenant: string) => {
      const d = readDeployment(fixture, out).deployment!;
      const t = runChecks(fixture, d, { tenants: [tenant], today: '2026-12-02' }).tenants[0];
      return t.findings.find((f) => f.rule.id === 'MLPS-AUDIT-001')!;
    };
    expect(audit('relief').status).toBe('pass');
    const flags = path.join(out, 'extranet', 'clusters', 'ext-main', 'audit', 'kube-apiserver.flags');
    fs.writeFileSync(flags, fs.readFileSync(flags, 'utf8').replace('--audit-log-maxage=190', '--audit-log-maxage=30'));
    const f = audit('relief');
    expect(f.status).toBe('fail');
    expect(f.evidence.map((e) => `${e.address} ${e.detail}`)).toEqual([
      'extranet/clusters/ext-main/audit/kube-apiserver.flags kube-apiserver of ext-main: --audit-log-maxage is 30, less than 190 days',
    ]);
    fs.rmSync(path.join(out, 'extranet', 'clusters'), { recursive: true });
    expect(audit('relief').evidence.map((e) => e.detail)).toEqual([
      'kube-apiserver of ext-main: no kube-apiserver audit flags (clusters/ext-main/audit/kube-apiserver.flags)',
    ]);
  });
});
