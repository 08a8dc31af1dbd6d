/**
 * The deployed city runs: nodes per node pool on every cluster, pods from the lab's registry pinned by
 * digest, NetworkPolicies enforced by kube-router, and `govcloud probe` sending the model's whole
 * truth table as traffic. The suite asserts what must hold on a real cluster and prints the matrix.
 */
import * as fs from 'fs';
import * as path from 'path';
import { govcloud, kubes, model, runDir, topology } from './harness/suite';
import { dataPlane } from './harness/data-plane';
import { internetNames, refreshLabDns, serviceNames, UNDECLARED_HOST } from './harness/lab-dns';
import { INTERNET_CLIENT_IP, sh } from './harness/netlab';
import { truthTable } from '../../probe/table';
import { serverPod } from '../../probe/pods';
import { within } from '../../config/cidr';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a city that runs', () => {
  const kube = kubes();
  const plane = dataPlane(runDir());
  const top = topology();
  const city = model();

  beforeAll(async () => {
    // the applied city's Services (the exposed tenants' among them) in each extranet cluster's DNS, as a cluster DNS would have them
    for (const c of city.clusters.filter((x) => x.network === 'extranet')) {
      const k = kube.get(c.name)!;
      await refreshLabDns(k, plane.images.dnsmasq, { ...internetNames(city, plane.lab.internet.addresses), ...(await serviceNames(k)) });
    }
  }, 300_000);

  it("runs a node per node pool on every cluster, Ready, its own pod range cut from the lab's node range", async () => {
    for (const c of city.clusters) {
      const nodes = await kube.get(c.name)!.list('/api/v1/nodes');
      expect(nodes.map((n: { metadata: { name: string } }) => n.metadata.name).sort()).toEqual(c.nodePools.map((p) => `${c.name}-${p.name}`).sort());
      const cluster = top.clusters.find((x) => x.name === c.name)!.nodeCidr;
      for (const n of nodes) {
        expect(n.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('True');
        expect(within(n.spec.podCIDR, cluster)).toBe(true);
      }
    }
  });

  it('places a domestic tenant pod only on the domestic node, and refuses one that does not select it', async () => {
    const t = city.tenants.find((x) => x.domestic && x.network === 'extranet')!;
    const k = kube.get(t.cluster)!;
    const ep = {
      cluster: t.cluster,
      network: t.network,
      namespace: `${t.name}-${t.environments[0]}`,
      tenant: t.name,
      environment: t.environments[0],
      role: 'primary' as const,
      domestic: true,
      serving: true,
      ports: [18080],
    };
    const placement = { key: city.domesticNodeLabel.key, domesticValue: city.domesticNodeLabel.value, generalValue: 'general' };
    const pod = serverPod(ep, plane.images.probe, placement) as { metadata: { name: string }; spec: Record<string, unknown> };
    const refused = await k.request('POST', `/api/v1/namespaces/${ep.namespace}/pods`, {
      ...pod,
      metadata: { ...pod.metadata, name: 'not-domestic' },
      spec: { ...pod.spec, nodeSelector: undefined },
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toMatch(/domestic|信创|node-pool/);
    const made = await k.request('POST', `/api/v1/namespaces/${ep.namespace}/pods`, { ...pod, metadata: { ...pod.metadata, name: 'domestic' } });
    expect(made.status).toBe(201);
    let node = '';
    for (let i = 0; i < 120 && node === ''; i++) {
      const r = await k.get(`/api/v1/namespaces/${ep.namespace}/pods/domestic`);
      if (r.body.status?.phase === 'Running') node = r.body.spec.nodeName;
      else await sleep(500);
    }
    expect(node).toBe(`${t.cluster}-${city.domesticNodeLabel.value}`);
    await k.request('DELETE', `/api/v1/namespaces/${ep.namespace}/pods/domestic?gracePeriodSeconds=0`);
  });

  it('refuses a privileged pod in a tenant namespace', async () => {
    const t = city.tenants.find((x) => !x.domestic && x.network === 'extranet')!;
    const ns = `${t.name}-${t.environments[0]}`;
    const r = await kube.get(t.cluster)!.request('POST', `/api/v1/namespaces/${ns}/pods`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'privileged' },
      spec: { containers: [{ name: 'c', image: plane.images.probe, command: ['/bin/sh', '-c', 'sleep 1'], securityContext: { privileged: true } }] },
    });
    expect(r.status).toBe(403);
    expect(JSON.stringify(r.body)).toMatch(/privileged/);
  });

  it('keeps the intranet node apart: it has no route to the extranet, the Internet or another node', () => {
    const intranet = plane.lab.nodes.find((n) => n.network === 'intranet')!;
    const routes = sh('ip', ['route', 'show'], { netns: intranet.netns });
    expect(routes).not.toMatch(/^default/m);
    for (const target of [...plane.lab.nodes.filter((n) => n.network === 'extranet').map((n) => n.nodeIp), plane.lab.internet.addresses[0]]) {
      expect(() => sh('/bin/busybox', ['nc', '-w', '2', target, '10250'], { netns: intranet.netns, input: '' })).toThrow();
    }
  });

  it('sends the whole truth table as traffic with govcloud probe and reports it as a matrix', () => {
    const out = path.join(runDir(), 'probe.json');
    const r = govcloud([
      'probe',
      '--image',
      plane.images.probe,
      '--internet',
      plane.lab.internet.addresses[0],
      '--undeclared-host',
      UNDECLARED_HOST,
      '--internet-source',
      INTERNET_CLIENT_IP,
      '--format',
      'json',
      '--out',
      out,
    ]);
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      probes: number;
      mismatches: number;
      results: { id: string; to: string; expect: string; observed: string; because: string; detail?: string }[];
    };
    const table = truthTable(city, {
      internet: [plane.lab.internet.addresses[0]],
      undeclaredHost: UNDECLARED_HOST,
      fromInternet: { source: INTERNET_CLIENT_IP },
    });
    const tally = new Map<string, number>();
    for (const x of report.results) tally.set(`${x.expect}→${x.observed}: ${x.because}`, (tally.get(`${x.expect}→${x.observed}: ${x.because}`) ?? 0) + 1);
    process.stderr.write(
      `[e2e] probe: ${report.probes} probes, ${report.mismatches} mismatches (exit ${r.code})\n${[...tally]
        .sort()
        .map(([k, n]) => `[e2e]   ${n} ${k}`)
        .join('\n')}\n`,
    );
    // the matrix as a reviewer reads it, for one tenant (the whole table is in probe.json)
    const t = city.tenants.find((x) => x.flows.some((f) => f.kind === 'tenant'))!;
    const text = govcloud(['probe', '--image', plane.images.probe, '--tenant', t.name, '--lang', 'en']);
    fs.writeFileSync(path.join(runDir(), 'probe.txt'), text.out);
    expect(text.out).toMatch(/^Connectivity truth table of example-city, taken \d{4}-\d\d-\d\dT/);
    expect(text.out).toContain(`${t.cluster}/${t.name}-${t.environments[0]}  `);
    expect(report.probes).toBe(table.length);
    expect(report.results.filter((x) => x.observed === 'error')).toEqual([]);
    // the whole table holds: nothing open that must be refused, nothing refused that must connect
    expect(report.results.filter((x) => x.expect !== x.observed).map((x) => `${x.id}: ${x.observed}${x.detail ? ` (${x.detail})` : ''}`)).toEqual([]);
    expect(report.mismatches).toBe(0);
    expect(r.code).toBe(0);
    // the public can reach every exposed tenant, through the ingress gateway of each cluster that serves it
    const ingress = report.results.filter((x) => x.to.startsWith('ingress/'));
    expect(ingress.length).toBe(table.filter((x) => x.to.kind === 'ingress').length);
    expect(ingress.length).toBeGreaterThan(0);
    expect(ingress.every((x) => x.observed === 'connect')).toBe(true);
  });

  it("records in the unified egress gateway's access log the declared host it tunnelled and the undeclared one it refused", async () => {
    const report = JSON.parse(fs.readFileSync(path.join(runDir(), 'probe.json'), 'utf8')) as {
      results: { to: string; expect: string; observed: string }[];
    };
    const declared = report.results.find((x) => x.to.startsWith('egress/') && x.expect === 'connect' && x.observed === 'connect')!;
    expect(declared).toBeDefined();
    const host = declared.to.slice('egress/'.length);
    let log = '';
    for (const c of city.clusters.filter((x) => x.network === 'extranet')) {
      const k = kube.get(c.name)!;
      const pods = await k.list(
        `/api/v1/namespaces/${city.egress.namespace}/pods?labelSelector=${encodeURIComponent('app.kubernetes.io/name=egress-gateway')}`,
      );
      for (const p of pods as { metadata: { name: string } }[]) {
        log += String((await k.request('GET', `/api/v1/namespaces/${city.egress.namespace}/pods/${p.metadata.name}/log`)).body);
      }
    }
    fs.writeFileSync(path.join(runDir(), 'egress-access.log'), log);
    const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Squid's native format: time elapsed client action/status bytes method URL …
    expect(log).toMatch(new RegExp(`TCP_TUNNEL/200 \\d+ CONNECT ${esc(host)} `));
    expect(log).toMatch(new RegExp(`TCP_DENIED/403 \\d+ CONNECT ${esc(UNDECLARED_HOST)}:443 `));
  });

  it("can fail: with the violations city's allow-all policy in one namespace, the probe reports the undeclared connection as open", async () => {
    const t = city.tenants.find((x) => x.network === 'extranet' && x.environments.includes('prod') && !x.exposedToInternet)!;
    const ns = `${t.name}-prod`;
    const k = kube.get(t.cluster)!;
    // the shape of environments/example-city-violations/overrides/…/hand-added.tf.json (open-everything), as the API holds it
    const policy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'open-everything', namespace: ns },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }], ingress: [{}] },
    };
    expect((await k.request('POST', `/apis/networking.k8s.io/v1/namespaces/${ns}/networkpolicies`, policy)).status).toBe(201);
    try {
      await sleep(3000);
      const out = path.join(runDir(), 'probe-open.json');
      const r = govcloud([
        'probe',
        '--image',
        plane.images.probe,
        '--tenant',
        t.name,
        '--internet',
        plane.lab.internet.addresses[0],
        '--format',
        'json',
        '--out',
        out,
      ]);
      const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { results: { from: string; to: string; expect: string; observed: string }[] };
      expect(r.code).toBe(1);
      const open = report.results.filter((x) => x.expect === 'refuse' && x.observed === 'connect');
      expect(open.map((x) => `${x.from} → ${x.to}`)).toContain(`${t.cluster}/${ns} → internet/${plane.lab.internet.addresses[0]}`);
    } finally {
      await k.request('DELETE', `/apis/networking.k8s.io/v1/namespaces/${ns}/networkpolicies/open-everything`);
    }
  });
});
