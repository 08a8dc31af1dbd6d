/** Internet exposure only as declared: ingress from a gateway namespace (ingress or egress) only for exposed public-service tenants. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { policyRules } from './policies';
import { isEgressPeer, isIngressPeer } from './peers';

export const rule: Rule = {
  id: 'MLPS-NET-010',
  family: 'NET',
  title: { en: 'Internet exposure only as declared', zh: '仅按声明对互联网提供服务' },
  clauses: at([1, 2, 3, 4], '8.1.3.1 a)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Remove ingress from the Internet gateway namespaces (ingress and egress) unless the tenant is in the public-service zone and declares spec.exposure.internet: true; administrative, exchange and intranet systems are not exposed to the Internet.',
    zh: '除公共服务域且声明 spec.exposure.internet: true 的租户外，删除来自互联网网关命名空间（接入与出口）的入站规则；行政服务域、交换区和内网系统不得对互联网暴露。',
  },
  check: ({ tenant, view, model, deployment }) => {
    const allowed = tenant.exposedToInternet && tenant.zone === 'public-service';
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const r of policyRules(view).filter((x) => x.direction === 'ingress')) {
      if (!r.peers.some((p) => isEgressPeer(p, model, deployment, r.ns.cluster) || isIngressPeer(p, model, deployment, r.ns.cluster))) continue;
      if (allowed)
        ok.push({
          address: r.policy.address,
          field: 'spec.exposure.internet',
          detail: `${r.where} admits Internet traffic through a gateway namespace, as declared`,
        });
      else {
        const why = tenant.zone !== 'public-service' ? `the tenant is in zone ${tenant.zone}, not public-service` : 'spec.exposure.internet is not true';
        bad.push({
          address: r.policy.address,
          field: 'spec.exposure.internet',
          detail: `${r.where} admits Internet traffic through a gateway namespace, but ${why}`,
        });
      }
    }
    if (bad.length > 0) return fail(...bad);
    if (ok.length > 0) return pass(...ok);
    return pass({
      field: 'spec.exposure.internet',
      detail: `no ingress from the Internet gateways ${model.ingress.namespace} and ${model.egress.namespace}${allowed ? ' (exposure declared but not used)' : ''}`,
    });
  },
};
