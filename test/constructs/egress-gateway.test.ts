import { EgressGateway, EgressGatewayProps, NON_INTERNET } from '../../constructs/network/egress-gateway';
import { allowedDestinations, envoyConfig } from '../../constructs/network/envoy-config';
import { forwardedAuthorities } from '../../policies/rules/net/gateway';
import { get, synthOf } from '../helpers/synth';

const IMAGE = 'registry.example-city.gov.cn/platform/envoyproxy/envoy:v1.32.3';
const props: EgressGatewayProps = {
  namespace: 'internet-egress',
  image: IMAGE,
  allowList: [
    { tenant: 'portal', hosts: ['api.example.cn', 'pay.example.cn'], ports: [443, 8443] },
    { tenant: 'hotline', hosts: ['sms.example.cn'], ports: [443] },
    { tenant: 'portal', hosts: ['api.example.cn'], ports: [443] },
  ],
  internalRanges: ['10.10.0.0/16', '30.10.0.0/16'],
};

type Json = Record<string, unknown>;
const gateway = (p: EgressGatewayProps = props) => synthOf((scope) => new EgressGateway(scope, 'gw', p));
const envoyOf = (s: ReturnType<typeof gateway>): Json =>
  JSON.parse((get(s.of('kubernetes_config_map_v1')[0], 'data') as Record<string, string>)['envoy.json']) as Json;

describe('EgressGateway', () => {
  const s = gateway();

  it('runs the platform image, at least two pods, hardened, with resources and probes, without waiting for a rollout', () => {
    const d = s.of('kubernetes_deployment_v1')[0];
    expect(d.wait_for_rollout).toBe(false);
    expect(get(d, 'metadata')).toMatchObject({ name: 'egress-gateway', namespace: 'internet-egress' });
    expect(get(d, 'spec.replicas')).toBe('2');
    const pod = get(d, 'spec.template.spec') as Json;
    expect(pod.automount_service_account_token).toBe(false);
    expect(pod.security_context).toMatchObject({ run_as_non_root: true, seccomp_profile: { type: 'RuntimeDefault' } });
    const c = (pod.container as Json[])[0];
    expect(c.image).toBe(IMAGE);
    expect(c.args).toEqual(['--config-path', '/etc/envoy/envoy.json', '--disable-hot-restart', '--log-level', 'info']);
    expect(c.security_context).toEqual({
      allow_privilege_escalation: false,
      read_only_root_filesystem: true,
      run_as_non_root: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(get(c, 'resources')).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } });
    expect(get(c, 'readiness_probe.http_get')).toEqual({ path: '/ready', port: '8081' });
    expect(get(c, 'liveness_probe.http_get')).toEqual({ path: '/ready', port: '8081' });
    expect(c.volume_mount).toEqual([
      { name: 'config', mount_path: '/etc/envoy', read_only: true },
      { name: 'tmp', mount_path: '/tmp' },
    ]);
    expect(s.of('kubernetes_pod_disruption_budget_v1')[0].spec).toEqual({
      min_available: '1',
      selector: { match_labels: { 'app.kubernetes.io/name': 'egress-gateway' } },
    });
  });

  it('serves the proxy port through a ClusterIP Service selecting the gateway pods', () => {
    expect(s.of('kubernetes_service_v1')[0].spec).toEqual({
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': 'egress-gateway' },
      port: [{ name: 'proxy', port: 3128, target_port: '3128', protocol: 'TCP' }],
    });
  });

  it('forwards CONNECT to exactly the declared host:port pairs, once each, and refuses the rest', () => {
    const envoy = envoyOf(s);
    expect(forwardedAuthorities(envoy)).toEqual([
      'api.example.cn:443',
      'api.example.cn:8443',
      'pay.example.cn:443',
      'pay.example.cn:8443',
      'sms.example.cn:443',
    ]);
    expect(envoy.admin).toBeUndefined();
    const hcm = get(envoy, 'static_resources.listeners.0.filter_chains.0.filters.0.typed_config') as Json;
    expect(hcm.upgrade_configs).toEqual([{ upgrade_type: 'CONNECT' }]);
    const hosts = get(hcm, 'route_config.virtual_hosts') as { name: string; domains: string[]; routes: Json[] }[];
    const last = hosts[hosts.length - 1];
    expect(last.domains).toEqual(['*']);
    expect(last.routes.map((r) => get(r, 'direct_response.status'))).toEqual([403, 403]);
    // a non-CONNECT request to an allowed host is refused too: only tunnels are forwarded
    expect(hosts[0].routes.map((r) => (r.route ? 'forward' : get(r, 'direct_response.status')))).toEqual(['forward', 403]);
    expect(get(hcm, 'access_log.0.name')).toBe('envoy.access_loggers.stdout');
    expect(get(hcm, 'access_log.0.typed_config.log_format.json_format')).toMatchObject({ authority: '%REQ(:AUTHORITY)%', response_code: '%RESPONSE_CODE%' });
  });

  it('writes the same configuration whatever order the flows come in, and rolls the pods when it changes', () => {
    const reversed = gateway({ ...props, allowList: [...props.allowList].reverse() });
    expect(reversed.raw).toBe(s.raw);
    const more = gateway({ ...props, allowList: [...props.allowList, { tenant: 'hotline', hosts: ['mail.example.cn'], ports: [465] }] });
    const hash = (x: ReturnType<typeof gateway>) => get(x.of('kubernetes_deployment_v1')[0], 'spec.template.metadata.annotations') as Json;
    expect(hash(more)['govcloud.gov.cn/config-sha256']).not.toBe(hash(s)['govcloud.gov.cn/config-sha256']);
  });

  it('admits only the declaring tenants of the public-service zone, on the proxy port, and lets out only to the Internet on the declared ports and DNS', () => {
    const p = s.of('kubernetes_network_policy_v1')[0];
    expect(get(p, 'spec.pod_selector')).toEqual({ match_labels: { 'app.kubernetes.io/name': 'egress-gateway' } });
    expect(get(p, 'spec.ingress')).toEqual([
      {
        from: [
          { namespace_selector: { match_labels: { 'govcloud.gov.cn/tenant': 'hotline', 'govcloud.gov.cn/zone': 'public-service' } } },
          { namespace_selector: { match_labels: { 'govcloud.gov.cn/tenant': 'portal', 'govcloud.gov.cn/zone': 'public-service' } } },
        ],
        ports: [{ port: '3128', protocol: 'TCP' }],
      },
    ]);
    const egress = get(p, 'spec.egress') as Json[];
    expect(egress[0]).toEqual({
      to: [{ ip_block: { cidr: '0.0.0.0/0', except: [...NON_INTERNET, '30.10.0.0/16'] } }],
      ports: [
        { port: '443', protocol: 'TCP' },
        { port: '8443', protocol: 'TCP' },
      ],
    });
    expect(get(egress[1], 'to.0.namespace_selector.match_labels')).toEqual({ 'kubernetes.io/metadata.name': 'kube-system' });
    expect(get(egress[1], 'ports')).toEqual([
      { port: '53', protocol: 'UDP' },
      { port: '53', protocol: 'TCP' },
    ]);
    expect(egress).toHaveLength(2);
  });

  it('refuses an empty allow-list, fewer than two replicas and a bad internal range', () => {
    expect(() => gateway({ ...props, allowList: [] })).toThrow(/allowList is empty; the gateway forwards only declared Internet flows/);
    expect(() => gateway({ ...props, replicas: 1 })).toThrow(/replicas 1 is below 2/);
    expect(() => gateway({ ...props, internalRanges: ['10.10.0.0'] })).toThrow(/internal range "10.10.0.0" is not an IPv4 CIDR/);
  });
});

describe('envoyConfig', () => {
  it('keeps a wildcard host as a suffix domain with its port', () => {
    const d = allowedDestinations([{ hosts: ['*.example.cn'], ports: [443] }]);
    expect(forwardedAuthorities(envoyConfig(d, { proxyPort: 3128, healthPort: 8081 }))).toEqual(['*.example.cn:443']);
  });
});
