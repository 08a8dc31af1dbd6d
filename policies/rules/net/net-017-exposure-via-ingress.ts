/**
 * Internet traffic comes in only through the ingress gateway, and exposure leads somewhere: a tenant's
 * namespaces admit a gateway namespace only as the ingress gateway's pods on the tenant's exposed
 * ports (never the egress namespace, which cannot send, nor the whole ingress namespace); and for an
 * exposed tenant, a namespace on every cluster that serves it admits them, and the ingress gateway
 * there runs and routes each exposed port to its Service. Every tenant is judged, exposed or not.
 */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { isServing } from '../../../config/model';
import { INGRESS_GATEWAY } from '../../../config/vocabulary';
import { gatewayOn, notTheGateway } from './gateway';
import { isEgressPeer, isIngressPeer } from './peers';
import { policyRules } from './policies';
import { allowedByLines } from './squid';

export const rule: Rule = {
  id: 'MLPS-NET-017',
  family: 'NET',
  title: { en: 'Internet exposure only through the ingress gateway', zh: '互联网访问仅经互联网接入网关' },
  clauses: at([1, 2, 3, 4], '8.1.3.1 a)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: "Declare spec.exposure { internet: true, ports: [...] } and let the stacks generate the ingress: the tenant's served namespace admits the ingress gateway's pods on the exposed ports only, and the platform stack runs the ingress gateway with a route per exposed port. Remove ingress from the egress namespace (the old shape, which nothing can use) and from every other pod of the ingress namespace.",
    zh: '声明 spec.exposure { internet: true, ports: [...] }，由栈生成接入配置：租户提供服务的命名空间仅在开放端口上允许接入网关 Pod 访问，平台栈运行接入网关并为每个开放端口生成路由。删除来自出口命名空间的入站规则（旧形态，无法使用）以及来自接入命名空间其他 Pod 的入站规则。',
  },
  check: ({ tenant, view, model, deployment }) => {
    const exposed = tenant.exposedToInternet && tenant.zone === 'public-service';
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    const ports = exposed ? tenant.exposedPorts : [];
    const admitted = new Set<string>();
    for (const r of policyRules(view).filter((x) => x.direction === 'ingress')) {
      for (const p of r.peers) {
        if (isEgressPeer(p, model, deployment, r.ns.cluster))
          bad.push({
            address: r.policy.address,
            field: 'spec.exposure',
            detail: `${r.where} admits the egress namespace ${model.egress.namespace}, which sends nothing: Internet traffic comes in through the ingress gateway`,
          });
        else if (isIngressPeer(p, model, deployment, r.ns.cluster)) {
          const why = notTheGateway(p, r.ports, 'ingress', ports);
          if (why) bad.push({ address: r.policy.address, field: 'spec.exposure.ports', detail: `${r.where} admits the ingress namespace, but ${why}` });
          else {
            admitted.add(r.ns.cluster);
            ok.push({ address: r.policy.address, detail: `${r.where} admits the ingress gateway pods on ${ports.join(', ')} only` });
          }
        }
      }
    }
    const clusters = exposed ? [...new Set([tenant.cluster, ...tenant.replicas.filter(isServing).map((r) => r.cluster)])] : [];
    for (const cluster of clusters) {
      const where = `the ingress gateway ${INGRESS_GATEWAY.name} (${cluster}/${model.ingress.namespace})`;
      if (!admitted.has(cluster))
        bad.push({
          field: 'spec.exposure',
          detail: `no namespace of the tenant on ${cluster} admits the ingress gateway pods: the exposure leads nowhere there`,
        });
      const gw = gatewayOn(deployment, model, cluster, 'ingress');
      if (!gw.deployment || !gw.conf || !gw.config) {
        bad.push({ field: 'spec.exposure', detail: `${where} does not run with a readable squid.conf: nothing from the Internet reaches the tenant there` });
        continue;
      }
      // a route: an allow line on a listening port that admits the tenant's Service name, on its port
      const routed = new Set(
        allowedByLines(gw.conf)
          .filter((a) => (a.portNames ?? []).length > 0 && (a.domains ?? []).some((d) => d.startsWith(`${tenant.name}.`)))
          .flatMap((a) => a.ports ?? []),
      );
      // an allow line that does not pin the Service's name forwards wherever a request's Host header points
      for (const a of allowedByLines(gw.conf).filter((x) => !x.domains || x.domains.some((d) => !d.endsWith('.svc.cluster.local'))))
        bad.push({
          address: gw.config.address,
          field: 'spec.exposure',
          detail: `${where}: http_access on line ${a.line} admits ${a.domains ? a.domains.join(', ') : 'any host a request names'}, not only the exposed tenants' Services`,
        });
      const missing = ports.filter((p) => !routed.has(p));
      if (missing.length > 0)
        bad.push({ address: gw.config.address, field: 'spec.exposure.ports', detail: `${where} has no route to port ${missing.join(', ')} of the tenant` });
      else ok.push({ address: gw.config.address, detail: `${where} routes ${ports.map((p) => `${tenant.name}:${p}`).join(', ')}` });
    }
    if (bad.length > 0) return fail(...bad);
    if (ok.length > 0) return pass(...ok);
    return pass({ field: 'spec.exposure', detail: 'the tenant is not exposed, and no namespace of it admits a gateway namespace' });
  },
};
