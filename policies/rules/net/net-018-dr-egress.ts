/**
 * A failover serves what the primary served: every DR cluster hosting a serving replica (active-active
 * or hot-standby) of a tenant with Internet flows runs the unified egress gateway, whose allow-list
 * holds the tenant's declared host:port pairs, and the replica namespace reaches it.
 */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { isServing } from '../../../config/model';
import { EGRESS_GATEWAY } from '../../../config/vocabulary';
import { gatewayOn, notTheGateway } from './gateway';
import { isEgressPeer } from './peers';
import { policyRules } from './policies';
import { allowedByLines, forwardedPairs } from './squid';

export const rule: Rule = {
  id: 'MLPS-NET-018',
  family: 'NET',
  title: { en: 'Serving DR replicas reach the Internet through their own egress gateway', zh: '提供服务的灾备副本经本集群统一出口访问互联网' },
  clauses: at([1, 2, 3, 4], '8.1.3.1 a)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: "Let the platform stack of each DR cluster that hosts an active-active or hot-standby replica build the egress gateway with the tenant's Internet flows, and the department stack open the replica namespace's egress to the gateway pods on the proxy port; a failover otherwise loses every Internet flow.",
    zh: '对承载双活或热备副本的每个灾备集群，由平台栈生成包含该租户互联网流向的出口网关，并由部门栈放行副本命名空间到网关 Pod 代理端口的出站；否则切换后所有互联网访问都将中断。',
  },
  check: ({ tenant, view, model, deployment }) => {
    const pairs = [...new Set(tenant.flows.flatMap((f) => (f.kind === 'internet' ? f.hosts.flatMap((h) => f.ports.map((p) => `${h}:${p}`)) : [])))].sort();
    const serving = tenant.replicas.filter(isServing);
    // judged for every tenant, so that the requirement it shows is settled for all of them
    if (pairs.length === 0 || tenant.zone !== 'public-service' || serving.length === 0)
      return pass({
        field: 'spec.dr',
        detail: 'no serving (active-active or hot-standby) DR replica with Internet flows: no DR cluster needs an egress gateway for the tenant',
      });
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const replica of serving) {
      const cluster = replica.cluster;
      const where = `the egress gateway ${EGRESS_GATEWAY.name} (${cluster}/${model.egress.namespace})`;
      const gw = gatewayOn(deployment, model, cluster, 'egress');
      if (!gw.deployment || !gw.conf || !gw.config) {
        bad.push({
          field: 'spec.dr',
          detail: `the ${replica.mode} replica on ${cluster} has Internet flows, but ${where} does not run with a readable squid.conf`,
        });
        continue;
      }
      const forwarded = new Set(allowedByLines(gw.conf).flatMap(forwardedPairs));
      const missing = pairs.filter((p) => !forwarded.has(p));
      if (missing.length > 0) bad.push({ address: gw.config.address, field: 'spec.flows', detail: `${where} lacks the declared ${missing.join(', ')}` });
      const reaches = policyRules(view).filter(
        (r) =>
          r.ns.cluster === cluster &&
          r.direction === 'egress' &&
          r.peers.some((p) => isEgressPeer(p, model, deployment, cluster) && notTheGateway(p, r.ports, 'egress', [EGRESS_GATEWAY.proxyPort]) === undefined),
      );
      if (reaches.length === 0)
        bad.push({ field: 'spec.dr', detail: `no namespace of the ${replica.mode} replica on ${cluster} reaches the gateway pods on the proxy port` });
      if (missing.length === 0 && reaches.length > 0)
        ok.push({ address: gw.config.address, detail: `the ${replica.mode} replica on ${cluster} reaches ${where}, which forwards ${pairs.join(', ')}` });
    }
    if (bad.length > 0) return fail(...bad);
    return pass(...ok);
  },
};
