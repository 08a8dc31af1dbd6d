/** Level 4: a remote DR centre with real-time switch-over (tier active-active). */
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at } from '../../clause';
import { backupsOf, describe, modeOf } from './backups';

export const rule: Rule = {
  id: 'MLPS-DATA-004',
  family: 'DATA',
  title: { en: 'Remote DR centre with real-time switch-over', zh: '异地灾难备份中心及业务实时切换' },
  clauses: at([4], '8.1.4.9 d)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Set spec.dr.tier to active-active: the tenant runs an active same-city replica and is backed up to a remote site, and traffic can switch over in real time; keep switch-over drill records as manual evidence.',
    zh: '将 spec.dr.tier 设为 active-active：租户在同城运行双活副本并备份到异地站点，业务可实时切换；切换演练记录作为人工证据留存。',
  },
  check: ({ tenant, view, model, deployment, level }) => {
    if (level < 4) return notApplicable(`a remote DR centre is required at level 4 only; judged at level ${level}`);
    const remote = backupsOf(model, deployment, tenant).filter((b) => b.site?.role === 'remote');
    const active = view.namespaces.filter((ns) => ns.role === 'replica' && modeOf(ns) === 'active');
    const bad: Evidence[] = [];
    if (tenant.dr !== 'active-active') bad.push({ field: 'spec.dr.tier', detail: `dr tier is ${tenant.dr}, not active-active` });
    if (remote.length === 0) bad.push({ field: 'spec.dr.tier', detail: 'no Velero Schedule writes to a remote site' });
    if (active.length === 0) bad.push({ field: 'spec.dr.tier', detail: 'no replica runs in active mode, so business cannot switch over in real time' });
    if (bad.length > 0) return fail(...bad);
    return pass(
      { field: 'spec.dr.tier', detail: 'dr tier active-active' },
      ...remote.map((b) => ({ address: b.schedule.address, detail: describe(b) })),
      ...active.map((ns) => ({ address: ns.namespace?.address, detail: `active replica ${ns.cluster}/${ns.name}` })),
    );
  },
};
