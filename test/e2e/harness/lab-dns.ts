/**
 * The lab's DNS on every cluster, as a distribution installs one: pods labelled `k8s-app: kube-dns`
 * in kube-system behind the Service `kube-dns` at the kubelets' cluster DNS address. It is Debian's
 * dnsmasq, answering the fake Internet's names (every host an Internet flow of the city names, and
 * an undeclared one) with the fake Internet's addresses — the Internet's DNS as the egress gateway
 * sees it — and, once the city is applied, the cluster's Services (`<name>.<namespace>.svc.cluster.local`,
 * as the harness found them: dnsmasq does not watch the API as a cluster DNS does). Nothing else.
 */
import { CityModel } from '../../../config/model';
import { Kube } from './kube';
import { CLUSTER_DNS } from './node';

/** A host no flow declares: what the gateway must refuse. */
export const UNDECLARED_HOST = 'undeclared.example-internet.cn';

/** Name → address of the fake Internet: declared hosts on the first address, the undeclared host on the second. */
export function internetNames(model: CityModel, addresses: readonly string[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const t of model.tenants) for (const f of t.flows) if (f.kind === 'internet') for (const h of f.hosts) names[h] = addresses[0];
  names[UNDECLARED_HOST] = addresses[1];
  return names;
}

/**
 * The Services of a cluster as the cluster DNS names them: `<name>.<namespace>.svc.cluster.local` →
 * its cluster address (headless ones have none and are left out).
 */
export async function serviceNames(kube: Kube): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const s of await kube.list('/api/v1/services')) {
    const ip = s.spec?.clusterIP;
    if (ip && ip !== 'None') out[`${s.metadata.name}.${s.metadata.namespace}.svc.cluster.local`] = ip;
  }
  return out;
}

/** Replaces the lab DNS's names (its pod is made again: dnsmasq reads its hosts file at start). */
export async function refreshLabDns(kube: Kube, image: string, names: Readonly<Record<string, string>>): Promise<void> {
  const ns = '/api/v1/namespaces/kube-system';
  await kube.request('DELETE', `${ns}/configmaps/lab-dns`);
  await kube.request('DELETE', `${ns}/pods/lab-dns?gracePeriodSeconds=0`);
  for (let i = 0; i < 120 && (await kube.get(`${ns}/pods/lab-dns`)).status === 200; i++) await new Promise((r) => setTimeout(r, 500));
  await deployLabDns(kube, image, names);
  for (let i = 0; i < 240; i++) {
    const r = await kube.get(`${ns}/pods/lab-dns`);
    if (r.body?.status?.phase === 'Running') return;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error(`${kube.cluster}: the lab DNS pod did not run again`);
}

export async function deployLabDns(kube: Kube, image: string, names: Readonly<Record<string, string>>): Promise<void> {
  const hosts = Object.entries(names)
    .sort()
    .map(([n, a]) => `${a} ${n}`)
    .join('\n');
  const ns = '/api/v1/namespaces/kube-system';
  const must = async (path: string, body: unknown) => {
    const r = await kube.request('POST', path, body);
    if (r.status !== 201 && r.status !== 409) throw new Error(`${kube.cluster}: POST ${path} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  };
  await must(`${ns}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'lab-dns' }, data: { hosts: `${hosts}\n` } });
  await must(`${ns}/pods`, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'lab-dns', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      containers: [
        {
          name: 'dnsmasq',
          image,
          args: ['--keep-in-foreground', '--no-resolv', '--no-hosts', '--addn-hosts=/etc/lab/hosts', '--user=root', '--log-facility=-', '--log-queries'],
          volumeMounts: [{ name: 'hosts', mountPath: '/etc/lab' }],
          resources: { limits: { cpu: '100m', memory: '32Mi' } },
        },
      ],
      volumes: [{ name: 'hosts', configMap: { name: 'lab-dns' } }],
    },
  });
  // made once: a second POST of a Service holding a fixed cluster address is refused (422, address taken), not 409
  if ((await kube.get(`${ns}/services/kube-dns`)).status === 200) return;
  await must(`${ns}/services`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kube-dns', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      clusterIP: CLUSTER_DNS,
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      ],
    },
  });
}
