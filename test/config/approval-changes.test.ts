/**
 * A change the joint project review (项目联审) must approve anew — a quota increase, an MLPS level
 * change, a new Internet flow — carries an approval reference other than the base revision's
 * (config/checks/approval-changes.ts, given the base by `govcloud pr`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { caseEnv } from '../helpers/env';

const TODAY = '2026-11-23';

/** Validates the base city, applies `edit` to one request, and validates the head as `pr` does (`review`), or as `plan --affected-by` does. */
function change(file: string, edit: (text: string) => string, review = true): { en: string[]; zh: string[] } {
  const dir = caseEnv(undefined);
  const base = validateEnvironment(dir, { today: TODAY }).model!;
  const full = path.join(dir, file);
  fs.writeFileSync(full, edit(fs.readFileSync(full, 'utf8')));
  const [county, name] = file
    .replace(/^tenants\//, '')
    .replace(/\.yaml$/, '')
    .split('/');
  const head = validateEnvironment(dir, {
    today: TODAY,
    change: { tenants: new Set([`${county}/${name}`]), base: base.tenants, platform: false },
    review,
  });
  const shown = (lang: 'en' | 'zh') =>
    head.issues.map((i) =>
      formatIssue(i, lang)
        .split(path.dirname(dir) + path.sep)
        .join(''),
    );
  return { en: shown('en'), zh: shown('zh') };
}

const newRef = (t: string) => t.replace('ref: XM-2026-0001, approvedOn: 2026-10-01', 'ref: XM-2026-0188, approvedOn: 2026-11-20');

describe('a quota increase', () => {
  const more = (t: string) => t.replace('cpu: "4"', 'cpu: "6"');

  it('fails with the base revision’s reference', () => {
    expect(change('tenants/north/relief.yaml', more)).toEqual({
      en: [
        'case/tenants/north/relief.yaml:9:20 metadata.approval.ref: approval reference "XM-2026-0001" is the one the request already had at the base revision, but this change needs a new 项目联审 (joint project review) approval: the quota grows (cpu); give the reference (and date) of the review that approved this change',
      ],
      zh: [
        'case/tenants/north/relief.yaml:9:20 metadata.approval.ref: 批复文号 "XM-2026-0001" 与基准版本中的相同，但本次变更需要新的项目联审批复：配额增加（cpu）；请填写批准本次变更的联审批复文号（及批复日期）',
      ],
    });
  });

  it('passes with a new reference', () => {
    expect(change('tenants/north/relief.yaml', (t) => newRef(more(t))).en).toEqual([]);
  });

  it('counts a new environment, which takes a quota of its own', () => {
    expect(change('tenants/north/relief.yaml', (t) => t.replace('environments: [prod, test]', 'environments: [prod, test, dev]')).en).toEqual([
      'case/tenants/north/relief.yaml:9:20 metadata.approval.ref: approval reference "XM-2026-0001" is the one the request already had at the base revision, but this change needs a new 项目联审 (joint project review) approval: an environment is added (dev), each with the full quota; give the reference (and date) of the review that approved this change',
    ]);
  });

  it('is left to the review: after the merge, plan --affected-by deploys what was approved', () => {
    expect(change('tenants/north/relief.yaml', more, false).en).toEqual([]);
  });

  it('passes a quota decrease with the same reference', () => {
    expect(change('tenants/north/relief.yaml', (t) => t.replace('pods: 50', 'pods: 40')).en).toEqual([]);
  });
});

describe('an MLPS level change', () => {
  it('fails either way with the base revision’s reference', () => {
    expect(change('tenants/north/portal.yaml', (t) => t.replace('mlpsLevel: 3', 'mlpsLevel: 2')).en).toEqual([
      'case/tenants/north/portal.yaml:9:20 metadata.approval.ref: approval reference "XM-2026-0001" is the one the request already had at the base revision, but this change needs a new 项目联审 (joint project review) approval: the graded-protection level changes from 3 to 2; give the reference (and date) of the review that approved this change',
    ]);
  });
});

describe('a new Internet flow', () => {
  it('fails for a new host, with every reason listed', () => {
    const edit = (t: string) =>
      t.replace('hosts: [api.example.cn], ports: [443]', 'hosts: [api.example.cn, data.example.cn], ports: [443]').replace('pods: 50', 'pods: 60');
    expect(change('tenants/north/portal.yaml', edit).en).toEqual([
      'case/tenants/north/portal.yaml:9:20 metadata.approval.ref: approval reference "XM-2026-0001" is the one the request already had at the base revision, but this change needs a new 项目联审 (joint project review) approval: the quota grows (pods); a new Internet flow (data.example.cn:443); give the reference (and date) of the review that approved this change',
    ]);
  });

  it('passes a flow removed, or one between tenants, with the same reference', () => {
    expect(change('tenants/north/portal.yaml', (t) => t.replace('    - { to: internet, hosts: [api.example.cn], ports: [443] }\n', '')).en).toEqual([]);
    expect(
      change('tenants/north/portal.yaml', (t) => t.replace('to: tenant/south/exchange-hub, ports: [443]', 'to: tenant/south/exchange-hub, ports: [443, 8443]'))
        .en,
    ).toEqual([]);
  });
});
