/**
 * Every resource is judged (issue 14): what belongs to no tenant — here the violations city's
 * hand-written privileged nginx:latest in `default` and a cluster-admin binding to a user — fails in
 * the platform section of every report format and blocks the check; the example city's platform
 * passes. Reports end each tenant with the manual-evidence checklist.
 */
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { stacksForCheck } from '../../stacks/stacks-for-check';
import { buildDeployment } from '../../policies/deployment';
import { blocking, runChecks } from '../../policies/engine';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../../policies/report';
import { REPO } from '../helpers/env';

function judge(env: string) {
  const dir = path.join(REPO, 'environments', env);
  const model = validateEnvironment(dir, { today: '2026-12-02' }).model!;
  const read = stacksForCheck(model, dir);
  return runChecks(model, buildDeployment(model, read.stacks), { today: '2026-12-02' });
}

describe('the platform section', () => {
  const bad = judge('example-city-violations');
  const good = judge('example-city');

  it('has one entry per cluster, judged at the cluster level', () => {
    expect(good.platform.map((p) => [p.tenant.name, p.level])).toEqual([
      ['platform:ext-primary', 3],
      ['platform:ext-samecity', 3],
      ['platform:ext-remote', 3],
      ['platform:int-primary', 4],
    ]);
  });

  it("fails the violations city's hand-written nginx in default and cluster-admin for a user, and nothing of the example city", () => {
    const main = bad.platform.find((p) => p.tenant.cluster === 'ext-main')!;
    const failing = main.findings.filter((f) => f.status === 'fail').map((f) => f.rule.id);
    expect(failing).toEqual(expect.arrayContaining(['MLPS-HOST-002', 'MLPS-HOST-003', 'MLPS-HOST-007', 'MLPS-HOST-008', 'MLPS-IAM-006']));
    const host002 = main.findings.find((f) => f.rule.id === 'MLPS-HOST-002')!;
    expect(host002.evidence.map((e) => e.address)).toEqual(['platform-ext-main:kubernetes_deployment_v1.debug-nginx']);
    expect(host002.evidence[0].detail).toMatch(/deployment_v1 debug-nginx in ext-main\/default: container nginx is privileged/);
    expect(main.findings.find((f) => f.rule.id === 'MLPS-IAM-006')?.evidence[0].detail).toBe(
      'ClusterRoleBinding on ext-main gives user zhangsan the ClusterRole cluster-admin cluster-wide',
    );
    // the other clusters' platforms hold nothing hand-written
    for (const p of bad.platform.filter((x) => x.tenant.cluster !== 'ext-main'))
      expect([p.tenant.name, p.findings.filter((f) => f.status === 'fail' && f.rule.severity === 'error')]).toEqual([p.tenant.name, []]);
    for (const p of good.platform)
      expect([p.tenant.name, p.findings.filter((f) => f.status === 'fail' && f.rule.severity === 'error').map((f) => f.rule.id)]).toEqual([p.tenant.name, []]);
    const tenantsOnly = { ...bad, platform: [] };
    expect(blocking(bad)).toBeGreaterThan(blocking(tenantsOnly));
  });

  it.each(['en', 'zh'] as const)('appears in the text, Markdown, JSON and SARIF reports (%s)', (lang) => {
    const text = renderText(bad, lang);
    expect(text).toContain(lang === 'zh' ? '平台（不属于任何租户的资源' : 'Platform (what belongs to no tenant');
    expect(text).toMatch(/MLPS-IAM-006 \[[^\]]+\] platform:ext-main/);
    const md = renderMarkdown(bad, lang);
    expect(md).toContain(
      `## ${lang === 'zh' ? '平台（不属于任何租户的资源，按集群等级检查）' : 'Platform (what belongs to no tenant, judged at the cluster level)'}`,
    );
    expect(md).toContain('platform-ext-main:kubernetes_cluster_role_binding_v1.zhangsan-admin');
    const json = JSON.parse(renderJson(bad)) as { platform: { cluster: string; findings: { rule: string; status: string }[] }[] };
    expect(json.platform.find((p) => p.cluster === 'ext-main')?.findings).toEqual(
      expect.arrayContaining(
        [{ ...json.platform[0].findings[0], rule: 'MLPS-IAM-006', status: 'fail' }].map((f) => expect.objectContaining({ rule: f.rule, status: f.status })),
      ),
    );
    const sarif = JSON.parse(renderSarif(bad, lang, { root: REPO })) as { runs: { results: { ruleId: string; properties: { tenant: string } }[] }[] };
    expect(sarif.runs[0].results.some((r) => r.ruleId === 'MLPS-IAM-006' && r.properties.tenant === 'platform:ext-main')).toBe(true);
  });

  it.each(['en', 'zh'] as const)('ends each tenant of the Markdown report with the manual-evidence checklist (%s)', (lang) => {
    const md = renderMarkdown(good, lang);
    const sections = md.split(/\n## /).filter((s) => good.tenants.some((t) => s.startsWith(`${t.tenant.name}\n`)));
    expect(sections).toHaveLength(good.tenants.length);
    for (const s of sections) {
      expect(s).toContain(`### ${lang === 'zh' ? '人工证据清单' : 'Manual evidence checklist'}`);
      expect(s).toMatch(/- \[ \] \*\*\d\.1\.1 /);
      expect(s).toContain(lang === 'zh' ? '收集：机房巡检记录' : 'collect: Data-centre inspection records');
    }
  });
});
