/**
 * Runs a truth table on the live clusters: a server pod in every endpoint namespace, then a client
 * pod per source namespace that tries its targets one by one, then every probe pod is deleted (also
 * when the run fails). Each probe's observation: `connect` when the server of the target namespace
 * answered, `refuse` when nothing answered, `wrong-peer` when another namespace answered, `error`
 * when a pod of the probe could not run.
 */
import { CityModel, Network } from '../config/model';
import { KubeClient } from './kube';
import { clientPod, CONNECT_TIMEOUT_S, Json, MUST_CONNECT_TRIES, Placement, PROBE_LABEL, serverPod, SETTLE_S } from './pods';
import { Endpoint, key, Probe } from './table';
import { EGRESS_GATEWAY, INGRESS_GATEWAY } from '../config/vocabulary';
import { runOutside } from './outside';

export type Observation = 'connect' | 'refuse' | 'wrong-peer' | 'error';

export interface ProbeResult {
  readonly probe: Probe;
  readonly observed: Observation;
  /** What answered, or why the probe could not run. */
  readonly detail?: string;
}

export interface RunOptions {
  /** Kubeconfig file per network. */
  readonly kubeconfig: Readonly<Partial<Record<Network, string>>>;
  /** The probe image, pinned by digest. */
  readonly image: string;
  readonly onProgress?: (line: string) => void;
  /** How long a pod may take to start. Default 180 s. */
  readonly startTimeoutMs?: number;
  /** The address Internet-side probes are sent from (default: the machine's own). */
  readonly internetSource?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function placementOf(model: CityModel, cluster: string): Placement {
  const label = model.domesticNodeLabel;
  const c = model.clusters.find((x) => x.name === cluster);
  const general = c?.nodePools.find((p) => p.kind !== 'domestic');
  return { key: label.key, domesticValue: label.value, generalValue: general?.name };
}

interface PodState {
  readonly phase: string;
  readonly ip?: string;
  readonly reason?: string;
}

async function podState(k: KubeClient, ns: string, name: string): Promise<PodState> {
  const r = await k.request('GET', `/api/v1/namespaces/${ns}/pods/${name}`);
  if (r.status !== 200) return { phase: 'Missing', reason: `GET → ${r.status}` };
  const body = r.body as { status?: { phase?: string; podIP?: string; containerStatuses?: { state?: { waiting?: { reason?: string } } }[] } };
  const waiting = body.status?.containerStatuses?.[0]?.state?.waiting?.reason;
  return { phase: body.status?.phase ?? 'Unknown', ip: body.status?.podIP, reason: waiting };
}

async function createPod(k: KubeClient, pod: Json): Promise<string | undefined> {
  const meta = pod.metadata as { name: string; namespace: string };
  await k.request('DELETE', `/api/v1/namespaces/${meta.namespace}/pods/${meta.name}?gracePeriodSeconds=0`);
  for (let i = 0; i < 40; i++) {
    const r = await k.request('POST', `/api/v1/namespaces/${meta.namespace}/pods`, pod);
    if (r.status === 201) return undefined;
    const msg = (r.body as { message?: string } | undefined)?.message ?? r.text.slice(0, 300);
    // the old pod of the same name is still going away
    if (r.status === 409) {
      await sleep(500);
      continue;
    }
    // an API server under load: "resource quota evaluation timed out", too many requests; try again
    if (r.status === 500 || r.status === 503 || r.status === 504 || r.status === 429) {
      await sleep(1000 + 250 * i);
      continue;
    }
    return `${r.status} ${msg}`;
  }
  return 'a pod of the same name did not go away';
}

async function waitPod(k: KubeClient, ns: string, name: string, done: (s: PodState) => boolean, timeoutMs: number): Promise<PodState> {
  const deadline = Date.now() + timeoutMs;
  let s = await podState(k, ns, name);
  while (!done(s) && Date.now() < deadline) {
    await sleep(500);
    s = await podState(k, ns, name);
  }
  return s;
}

async function deleteProbePods(k: KubeClient, namespaces: readonly string[]): Promise<void> {
  for (const ns of namespaces) await k.request('DELETE', `/api/v1/namespaces/${ns}/pods?labelSelector=${encodeURIComponent(PROBE_LABEL)}&gracePeriodSeconds=0`);
}

/** The answer the fake or real Internet gives must not be the proxy's own error page: anything that is not HTML from the proxy counts. */
const PROXY_PAGE = /^<\/?(html|body|div|p)\b|^$/i;

/** The egress gateway's address on a cluster (its Service), or undefined when it runs no gateway. */
async function gatewayAddress(k: KubeClient, model: CityModel): Promise<string | undefined> {
  const r = await k.request('GET', `/api/v1/namespaces/${model.egress.namespace}/services/${EGRESS_GATEWAY.name}`);
  const ip = (r.body as { spec?: { clusterIP?: string } } | undefined)?.spec?.clusterIP;
  return r.status === 200 && ip && ip !== 'None' ? `${ip}:${EGRESS_GATEWAY.proxyPort}` : undefined;
}

/** The address of one running pod of the ingress gateway of a cluster (first by name), or undefined. */
async function ingressAddress(k: KubeClient | undefined, model: CityModel): Promise<string | undefined> {
  if (!k) return undefined;
  const selector = Object.entries(INGRESS_GATEWAY.podLabels)
    .map(([a, b]) => `${a}=${b}`)
    .join(',');
  const r = await k.request('GET', `/api/v1/namespaces/${model.ingress.namespace}/pods?labelSelector=${encodeURIComponent(selector)}`);
  const items = ((r.body as { items?: { metadata: { name: string }; status?: { phase?: string; podIP?: string } }[] } | undefined)?.items ?? [])
    .filter((x) => x.status?.phase === 'Running' && x.status.podIP)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  return items[0]?.status?.podIP;
}

export async function runTruthTable(model: CityModel, probes: readonly Probe[], opts: RunOptions): Promise<ProbeResult[]> {
  const say = opts.onProgress ?? (() => undefined);
  const startMs = opts.startTimeoutMs ?? 180_000;
  const clients = new Map<string, KubeClient>();
  for (const c of model.clusters) {
    const file = opts.kubeconfig[c.network];
    if (file) clients.set(c.name, KubeClient.fromKubeconfig(file, c.kubeContext));
  }
  const eps = new Map<string, Endpoint>();
  for (const p of probes) {
    if (!p.from.outside) eps.set(key(p.from), p.from);
    if (p.to.kind === 'namespace' || p.to.kind === 'ingress') eps.set(key(p.to.endpoint), p.to.endpoint);
  }
  const outside = probes.filter((p) => p.from.outside);
  const byCluster = new Map<string, Endpoint[]>();
  for (const e of eps.values()) byCluster.set(e.cluster, [...(byCluster.get(e.cluster) ?? []), e]);
  const serverIp = new Map<string, string>();
  const broken = new Map<string, string>();
  const runId = Date.now().toString(36);
  try {
    // servers everywhere first
    await Promise.all(
      [...byCluster].map(async ([cluster, list]) => {
        const k = clients.get(cluster);
        for (const e of list) {
          if (!k) {
            broken.set(key(e), `no kubeconfig for the ${e.network}`);
            continue;
          }
          const err = await createPod(k, serverPod(e, opts.image, placementOf(model, cluster)));
          if (err) broken.set(key(e), `server refused: ${err}`);
        }
        for (const e of list) {
          if (!k || broken.has(key(e))) continue;
          const s = await waitPod(k, e.namespace, 'govcloud-probe-server', (x) => x.phase === 'Running' && x.ip !== undefined, startMs);
          if (s.phase === 'Running' && s.ip) serverIp.set(key(e), s.ip);
          else broken.set(key(e), `server not running: ${s.phase}${s.reason ? ` (${s.reason})` : ''}`);
        }
        say(`${cluster}: ${list.filter((e) => serverIp.has(key(e))).length}/${list.length} servers running`);
      }),
    );
    // then a client per source namespace, all at once
    const bySource = new Map<string, Probe[]>();
    for (const p of probes) if (!p.from.outside) bySource.set(key(p.from), [...(bySource.get(key(p.from)) ?? []), p]);
    const results: ProbeResult[] = [];
    // the Internet side, from this machine, while the clients run
    const fromOutside = async () => {
      if (outside.length === 0) return;
      const ingressIp = new Map<string, string>();
      for (const cluster of new Set(outside.flatMap((p) => (p.to.kind === 'ingress' ? [p.to.cluster] : [])))) {
        const ip = await ingressAddress(clients.get(cluster), model);
        if (ip) ingressIp.set(cluster, ip);
      }
      results.push(...(await runOutside(outside, { serverIp, ingressIp, source: opts.internetSource })));
      say(`internet side: ${outside.length} probes done`);
    };
    await Promise.all([
      fromOutside(),
      ...[...bySource].map(async ([src, list]) => {
        const from = eps.get(src)!;
        const k = clients.get(from.cluster);
        const gateway = k && list.some((p) => p.to.kind === 'gateway') ? await gatewayAddress(k, model) : undefined;
        const runnable = list.filter((p) => (p.to.kind === 'namespace' ? serverIp.has(key(p.to.endpoint)) : p.to.kind === 'internet' || gateway !== undefined));
        for (const p of list.filter((x) => !runnable.includes(x))) {
          // no gateway on the cluster: nothing leaves that way, which is an observation, not a failure to probe
          if (p.to.kind === 'gateway') results.push({ probe: p, observed: 'refuse', detail: `no ${EGRESS_GATEWAY.name} Service on ${from.cluster}` });
          else results.push({ probe: p, observed: 'error', detail: p.to.kind === 'namespace' ? broken.get(key(p.to.endpoint)) : undefined });
        }
        if (!k || broken.has(src)) {
          for (const p of runnable) results.push({ probe: p, observed: 'error', detail: broken.get(src) ?? 'no kubeconfig' });
          return;
        }
        const targets = runnable.map(
          (p) =>
            (p.expect === 'connect' ? '+' : '') +
            (p.to.kind === 'namespace'
              ? `${serverIp.get(key(p.to.endpoint))}:${p.port}`
              : p.to.kind === 'internet'
                ? `${p.to.address}:${p.port}`
                : p.to.kind === 'gateway'
                  ? `${gateway} ${p.to.host}:${p.port}`
                  : ''),
        );
        const pod = clientPod(from, opts.image, placementOf(model, from.cluster), targets, runId);
        const name = (pod.metadata as { name: string }).name;
        const err = await createPod(k, pod);
        if (err) {
          for (const p of runnable) results.push({ probe: p, observed: 'error', detail: `client refused: ${err}` });
          return;
        }
        const tries = (p: Probe) => (p.expect === 'connect' ? MUST_CONNECT_TRIES : 1);
        const budget = startMs + (SETTLE_S + runnable.reduce((t, p) => t + tries(p) * (CONNECT_TIMEOUT_S + 3), 0)) * 1000;
        const s = await waitPod(k, from.namespace, name, (x) => x.phase === 'Succeeded' || x.phase === 'Failed', budget);
        const log = (await k.request('GET', `/api/v1/namespaces/${from.namespace}/pods/${name}/log`)).text;
        // `<n> OK <answer>` or `<n> FAIL`: undefined for no line, null for FAIL
        const lines = new Map<number, string | null>();
        for (const m of log.matchAll(/^(\d+) (?:OK (.*)|FAIL)$/gm)) lines.set(Number(m[1]), m[2] ?? null);
        const retried = new Map([...log.matchAll(/^(\d+) TRIES (\d+)$/gm)].map((m) => [Number(m[1]), Number(m[2])]));
        runnable.forEach((p, i) => {
          const answer = lines.get(i + 1);
          const after = retried.has(i + 1) ? ` (answered at try ${retried.get(i + 1)})` : '';
          if (answer === undefined) {
            results.push({ probe: p, observed: 'error', detail: `client ${s.phase}: no result` });
            return;
          }
          if (answer === null) results.push({ probe: p, observed: 'refuse' });
          // through the gateway, its own refusal (403 page) is an answer too: only the Internet's counts
          else if (p.to.kind === 'gateway' && PROXY_PAGE.test(answer.trim())) results.push({ probe: p, observed: 'refuse', detail: 'refused by the gateway' });
          else if (p.to.kind === 'namespace' && answer.trim() !== p.to.endpoint.namespace)
            results.push({ probe: p, observed: 'wrong-peer', detail: answer.trim() });
          else results.push({ probe: p, observed: 'connect', detail: answer.trim() + after });
        });
        say(`${src}: ${runnable.length} probes done`);
      }),
    ]);
    const order = new Map(probes.map((p, i) => [p, i]));
    // Internet-side probes whose target server never ran
    for (const p of outside) if (!results.some((r) => r.probe === p)) results.push({ probe: p, observed: 'error', detail: 'not run' });
    return results.sort((a, b) => order.get(a.probe)! - order.get(b.probe)!);
  } finally {
    await Promise.all(
      [...byCluster].map(async ([cluster, list]) => clients.get(cluster) && deleteProbePods(clients.get(cluster)!, [...new Set(list.map((e) => e.namespace))])),
    );
  }
}
