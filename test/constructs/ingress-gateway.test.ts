import { IngressGateway, IngressGatewayProps } from '../../constructs/network/ingress-gateway';
import { ingressListenPorts } from '../../config/ingress';
import { get, synthOf } from '../helpers/synth';

const props: IngressGatewayProps = {
  namespace: 'internet-ingress',
  clusterName: 'ext-primary',
  image: 'registry.example-city.gov.cn/platform/squid:5.7',
  exposed: [
    { tenant: 'portal', namespace: 'portal-prod', ports: [8080, 8443] },
    { tenant: 'hotline', namespace: 'hotline-prod', ports: [8080] },
  ],
};

type Json = Record<string, unknown>;
const gateway = (p: IngressGatewayProps = props) => {
  let built: IngressGateway | undefined;
  const s = synthOf((scope) => {
    built = new IngressGateway(scope, 'in', p);
  });
  return { s, routes: built!.routes };
};
const directives = (conf: string): string[] => conf.split('\n').filter((l) => l !== '' && !l.startsWith('#'));

describe('IngressGateway', () => {
  const { s, routes } = gateway();
  const conf = (get(s.of('kubernetes_config_map_v1')[0], 'data') as Record<string, string>)['squid.conf'];
  const listen = (tenant: string, port: number) => routes.find((r) => r.tenant === tenant && r.port === port)!.listenPort;

  it('gives each exposed tenant and port its own listening port, stable when other tenants come and go', () => {
    expect(routes.map((r) => [r.tenant, r.namespace, r.service, r.port])).toEqual([
      ['hotline', 'hotline-prod', 'hotline', 8080],
      ['portal', 'portal-prod', 'portal', 8080],
      ['portal', 'portal-prod', 'portal', 8443],
    ]);
    for (const r of routes) expect(r.listenPort).toBeGreaterThanOrEqual(20000);
    expect(new Set(routes.map((r) => r.listenPort)).size).toBe(3);
    const alone = gateway({ ...props, exposed: [props.exposed[0]] }).routes;
    expect(alone.map((r) => r.listenPort)).toEqual([listen('portal', 8080), listen('portal', 8443)]);
  });

  it('routes each listening port to its own tenant Service only, and denies everything else', () => {
    const d = directives(conf);
    expect(conf).toContain('# Exposed tenants: hotline, portal');
    const p = listen('portal', 8443);
    expect(d).toEqual(
      expect.arrayContaining([
        `http_port ${p} accel defaultsite=portal.portal-prod.svc.cluster.local:8443 name=in_portal_8443`,
        'acl t_portal_8443_in myportname in_portal_8443',
        'acl t_portal_8443_dst dstdomain portal.portal-prod.svc.cluster.local',
        'acl t_portal_8443_port port 8443',
        'always_direct allow all',
        'cache deny all',
        'access_log stdio:/dev/stdout',
      ]),
    );
    expect(d.filter((l) => l.startsWith('http_access'))).toEqual([
      'http_access allow t_hotline_8080_in t_hotline_8080_dst t_hotline_8080_port',
      'http_access allow t_portal_8080_in t_portal_8080_dst t_portal_8080_port',
      'http_access allow t_portal_8443_in t_portal_8443_dst t_portal_8443_port',
      'http_access deny all',
    ]);
    // no peer resolved once at start: a Service made after the gateway is reachable within the DNS TTL
    expect(d.some((l) => l.startsWith('cache_peer'))).toBe(false);
  });

  it('runs hardened Squid pods behind a Service named ingress-gateway on the listening ports', () => {
    const svc = s.of('kubernetes_service_v1')[0];
    expect(get(svc, 'metadata')).toMatchObject({ name: 'ingress-gateway', namespace: 'internet-ingress' });
    expect(get(svc, 'spec.selector')).toEqual({ 'app.kubernetes.io/name': 'ingress-gateway' });
    expect((get(svc, 'spec.port') as Json[]).map((x) => x.port)).toEqual(routes.map((r) => r.listenPort));
    const c = get(s.of('kubernetes_deployment_v1')[0], 'spec.template.spec.container.0') as Json;
    expect(get(c, 'security_context.read_only_root_filesystem')).toBe(true);
    expect(get(c, 'readiness_probe.tcp_socket')).toEqual([{ port: String(routes[0].listenPort) }]);
  });

  it('admits any address on the listening ports only, and lets out only to the exposed namespaces on their ports and DNS', () => {
    const p = s.of('kubernetes_network_policy_v1')[0];
    expect(get(p, 'spec.pod_selector')).toEqual({ match_labels: { 'app.kubernetes.io/name': 'ingress-gateway' } });
    expect(get(p, 'spec.ingress')).toEqual([
      { from: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: routes.map((r) => ({ port: String(r.listenPort), protocol: 'TCP' })) },
    ]);
    const egress = get(p, 'spec.egress') as Json[];
    expect(egress.slice(0, 2)).toEqual([
      { to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'hotline-prod' } } }], ports: [{ port: '8080', protocol: 'TCP' }] },
      {
        to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'portal-prod' } } }],
        ports: [
          { port: '8080', protocol: 'TCP' },
          { port: '8443', protocol: 'TCP' },
        ],
      },
    ]);
    expect(get(egress[2], 'to.0.namespace_selector.match_labels')).toEqual({ 'kubernetes.io/metadata.name': 'kube-system' });
    expect(egress).toHaveLength(3);
  });

  it('refuses no exposed tenant, a tenant without ports and a bad port', () => {
    expect(() => gateway({ ...props, exposed: [] })).toThrow(/exposed is empty/);
    expect(() => gateway({ ...props, exposed: [{ tenant: 'portal', namespace: 'portal-prod', ports: [] }] })).toThrow(/tenant portal has no exposed ports/);
    expect(() => gateway({ ...props, exposed: [{ tenant: 'portal', namespace: 'portal-prod', ports: [70000] }] })).toThrow(
      /port 70000 of tenant portal is not a TCP port/,
    );
  });
});

describe('ingressListenPorts', () => {
  it('moves a key whose port is taken to the next free one, and refuses more keys than ports', () => {
    const keys = ['a', 'b', 'c', 'd'].map((tenant) => ({ tenant, port: 80 }));
    const ports = ingressListenPorts(keys, 100, 4);
    expect([...ports.values()].sort()).toEqual([100, 101, 102, 103]);
    expect(() => ingressListenPorts([...keys, { tenant: 'e', port: 80 }], 100, 4)).toThrow(/5 exposed ports do not fit in 4 listening ports from 100/);
  });
});
