/**
 * The short-lived pods of a probe run. They are ordinary tenant workloads as the city's admission
 * sees them — restricted Pod Security, limits, read-only root, the domestic node pool where the
 * namespace requires it, the probe image from platform.yaml pinned by digest — so the NetworkPolicies
 * that govern a tenant's own pods govern them too.
 *
 * - A server per namespace answers HTTP on each of its ports with the namespace's name (busybox httpd),
 *   so a probe knows who answered, not only that something did.
 * - A client per source namespace waits SETTLE_S for the network plugin to learn its address (a
 *   NetworkPolicy engine adds a new pod to its sets asynchronously; before that, every allow rule
 *   that names the pod's namespace misses it), then runs its whole list of targets and prints one
 *   line per target: `<n> OK <answer>` or `<n> FAIL`, and `<n> TRIES <k>` when a must-connect target
 *   answered only at its k-th try, then exits.
 */
import { Endpoint } from './table';
import { LABEL } from '../config/vocabulary';

export const PROBE_LABEL = 'govcloud.gov.cn/probe';
/** busybox nc gives up connecting after this many seconds. */
export const CONNECT_TIMEOUT_S = 2;
/** How long a client waits before its first probe, for every node's policy engine to learn its address. */
export const SETTLE_S = 10;
/** A must-connect target is tried up to this many times, 2 s apart, before it counts as refused. */
export const MUST_CONNECT_TRIES = 10;

export interface Placement {
  /** The node label key of the pools and the domestic pool's value. */
  readonly key: string;
  readonly domesticValue: string;
  /** A pool of ordinary nodes on the endpoint's cluster, if it has one. */
  readonly generalValue?: string;
}

export type Json = Record<string, unknown>;

function podBase(
  name: string,
  namespace: string,
  role: 'server' | 'client',
  image: string,
  script: string,
  placement: Placement,
  domestic: boolean,
  env: Json[],
): Json {
  const nodeSelector = domestic
    ? { [placement.key]: placement.domesticValue }
    : placement.generalValue
      ? { [placement.key]: placement.generalValue }
      : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    // a server also stands for the pods that serve the Internet: an exposed tenant's Service selects it
    metadata: {
      name,
      namespace,
      labels: { [PROBE_LABEL]: role, 'app.kubernetes.io/managed-by': 'govcloud-probe', ...(role === 'server' ? { [LABEL.servesInternet]: 'true' } : {}) },
    },
    spec: {
      restartPolicy: 'Never',
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      terminationGracePeriodSeconds: 1,
      ...(nodeSelector ? { nodeSelector } : {}),
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 65534,
        runAsGroup: 65534,
        seccompProfile: { type: 'RuntimeDefault' },
        // ports below 1024 (443, 5432's peers) without a capability: a safe sysctl
        sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
      },
      containers: [
        {
          name: role,
          image,
          command: ['/bin/sh', '-c', script],
          env,
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
          resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '200m', memory: '32Mi' } },
          volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        },
      ],
      volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '1Mi' } }],
    },
  };
}

export function serverPod(ep: Endpoint, image: string, placement: Placement): Json {
  const script = ['mkdir -p /tmp/www', 'echo "$NAMESPACE" > /tmp/www/index.html', 'for p in $PORTS; do httpd -f -p "$p" -h /tmp/www & done', 'wait'].join('\n');
  return podBase('govcloud-probe-server', ep.namespace, 'server', image, script, placement, ep.domestic, [
    { name: 'NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
    { name: 'PORTS', value: ep.ports.join(' ') },
  ]);
}

/**
 * A client that tries each target in order; the list is passed in TARGETS, one per line: `address:port`
 * (an HTTP GET straight to it), or `address:port host:port` (through the forward proxy at
 * address:port: HTTP CONNECT to host:port, then a GET inside the tunnel; the proxy needs the client
 * to stay a moment after sending, so the client waits a second before closing). A line starting with
 * `+` is a target that must connect: it is tried again (MUST_CONNECT_TRIES, 2 s apart) while it is
 * refused, so that a policy engine still catching up is not reported as a closed flow; every other
 * target is tried once, after the settle time, so a hole is never hidden by a retry.
 */
export function clientPod(ep: Endpoint, image: string, placement: Placement, targets: readonly string[], run: string): Json {
  const script = [
    `sleep ${SETTLE_S}`,
    'n=0',
    'echo "$TARGETS" | while read -r t h; do',
    '  [ -z "$t" ] && continue',
    '  n=$((n+1))',
    '  tries=1',
    '  case "$t" in +*) t="${t#+}"; tries=' + String(MUST_CONNECT_TRIES) + ';; esac',
    '  k=0',
    '  while [ "$k" -lt "$tries" ]; do',
    '    k=$((k+1))',
    '    if [ -n "$h" ]; then',
    `      a=$( (printf 'CONNECT %s HTTP/1.1\\r\\nHost: %s\\r\\n\\r\\nGET / HTTP/1.0\\r\\n\\r\\n' "$h" "$h"; sleep 2) | nc -w ${CONNECT_TIMEOUT_S + 1} "\${t%:*}" "\${t##*:}" 2>/dev/null | tail -n 1)`,
    '    else',
    `      a=$(printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w ${CONNECT_TIMEOUT_S} "\${t%:*}" "\${t##*:}" 2>/dev/null | tail -n 1)`,
    '    fi',
    '    [ -n "$a" ] && break',
    '    [ "$k" -lt "$tries" ] && sleep 2',
    '  done',
    '  if [ -n "$a" ]; then echo "$n OK $a"; [ "$k" -gt 1 ] && echo "$n TRIES $k"; else echo "$n FAIL"; fi',
    'done',
    'echo DONE',
  ].join('\n');
  return podBase(`govcloud-probe-client-${run}`, ep.namespace, 'client', image, script, placement, ep.domestic, [
    { name: 'TARGETS', value: targets.join('\n') },
  ]);
}
