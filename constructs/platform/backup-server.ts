/**
 * BackupServer: Velero on one cluster, configured from the model. The `velero` namespace, the
 * server Deployment (the AWS/S3 object-store plugin copied in by an init container), its service
 * account and RBAC, and one BackupStorageLocation per backup site this cluster may write to, each
 * writing this cluster's own prefix (`<site prefix>/<cluster>`: Velero instances sharing a prefix
 * overwrite or garbage-collect each other's backups). On a DR cluster, also one ReadOnly location per
 * primary cluster whose backups it restores (Velero's DR pattern, config/backup-locations.ts). The
 * tenants' Schedules are not here: they live with the tenant (BackupSchedule, department stacks).
 *
 * No credentials are written: every location names the Secret that holds the object-store keys,
 * which the platform's operators create out of band in the velero namespace.
 */
import { Construct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { ClusterRoleV1 } from '@cdktf/provider-kubernetes/lib/cluster-role-v1';
import { ClusterRoleBindingV1 } from '@cdktf/provider-kubernetes/lib/cluster-role-binding-v1';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { BACKUP } from '../../config/vocabulary';
import { clusterEndpoint, objectStore } from '../../config/backup-storage';
import { LABEL, MANAGED_BY, podSecurityLabels } from '../common/labels';
import { platformPolicies, poolAnnotation } from '../common/network-policy';
import { Peer, PeerRule } from '../common/peer';
import { NodeAgent } from './node-agent';

export interface BackupSite {
  /** Site name; the BackupStorageLocation takes it, and Schedules name it as their storageLocation. */
  readonly name: string;
  /** The site's backup storage: `s3://bucket[/prefix]` or `https://host/bucket[/prefix]`, no credentials. */
  readonly endpoint: string;
  /** The address range of the site's backup storage: the only place Velero's pods may send backups. */
  readonly cidr: string;
  /** PEM of the CA that signed the storage's TLS certificate (a city's own CA); absent: the system's roots. */
  readonly caCert?: string;
}

/** A location that reads another cluster's prefix and can neither write nor delete there. */
export interface ReadOnlyBackupLocation {
  /** Location name, unique on the cluster (`<site>-from-<primary cluster>`). */
  readonly name: string;
  /** The site whose storage it reads. */
  readonly site: string;
  /** The cluster whose backups it reads. */
  readonly primaryCluster: string;
  /** That cluster's prefix as a backup URL (`s3://bucket/<site prefix>/<cluster>` or `https://host/bucket/…`), no credentials. */
  readonly endpoint: string;
  /** Address range of that storage; Velero's pods may reach it. */
  readonly cidr: string;
  /** PEM of the CA behind that storage's TLS certificate; absent: the system's roots. */
  readonly caCert?: string;
}

export interface BackupServerProps {
  readonly clusterName: string;
  /** Velero server image, full reference from platform.yaml (images.velero). */
  readonly image: string;
  /** AWS/S3 object-store plugin image, full reference from platform.yaml (images.veleroPluginForAws). */
  readonly pluginImage: string;
  /** The backup sites this cluster writes to; one BackupStorageLocation each, named after the site, writing `<site prefix>/<clusterName>`. At least one. */
  readonly sites: readonly BackupSite[];
  /** Other clusters' prefixes this cluster restores from, each a ReadOnly location. Default: none (a cluster that holds no replica). */
  readonly readOnly?: readonly ReadOnlyBackupLocation[];
  /** Address pool of the velero namespace (address-pools.yaml), annotated for the CNI's IPAM. */
  readonly addressPool: string;
  /**
   * Where Velero's pods reach the API server (its endpoints' addresses and port, after the Service is
   * translated). Default: none — the namespace's NetworkPolicy then opens no way to it, and Velero
   * cannot work; platform.yaml's clusters[].apiServer gives it.
   */
  readonly apiServer?: { readonly cidr: string; readonly port: number };
  /** The site whose location is Velero's default (backups that name no location go there). Must be one of `sites`. */
  readonly defaultSite: string;
  /** Backups the server runs at once (`--concurrent-backups`; Velero's own default is 1). Default: 2. */
  readonly concurrentBackups?: number;
  /** Namespace of the server and of every Velero object. Default: `velero`. */
  readonly namespace?: string;
  /** Secret (in that namespace, created by operators, never by govcloud) with the object-store keys. Default: `cloud-credentials`, key `cloud`. */
  readonly credentialSecret?: { readonly name: string; readonly key: string };
}

/**
 * Why Velero gets a cluster-wide role: a backup reads every object of the namespaces it covers,
 * whatever their kind (a tenant's own custom resources included, unknown when this is written), and
 * a restore creates them again, with the cluster-scoped objects they use (persistent volumes, CRDs).
 * Its own objects (Backups, Restores, Schedules, locations) live in the velero namespace. So the
 * resources cannot be listed one by one; the verbs can: no `escalate`, `bind` or `impersonate`, so
 * Velero can neither grant itself more nor restore a binding to rights it does not hold.
 */
export const VELERO_RULES: readonly { apiGroups: string[]; resources: string[]; verbs: string[] }[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'] },
];

export class BackupServer extends Construct {
  readonly namespace: NamespaceV1;
  readonly deployment: DeploymentV1;
  readonly locations: Manifest[];
  readonly nodeAgent: NodeAgent;

  constructor(scope: Construct, id: string, props: BackupServerProps) {
    super(scope, id);
    const who = `BackupServer ${props.clusterName}`;
    if (props.sites.length === 0) throw new Error(`${who}: sites is empty; give at least one backup site (name and endpoint)`);
    if (!props.sites.some((s) => s.name === props.defaultSite)) {
      throw new Error(`${who}: defaultSite "${props.defaultSite}" is not one of the sites (${props.sites.map((s) => s.name).join(', ')})`);
    }
    for (const [what, ref] of [
      ['image', props.image],
      ['pluginImage', props.pluginImage],
    ] as const) {
      if (!/^[^\s:/@]+(\.[^\s:/@]+)+(:\d+)?\/[^\s@]+(:[^\s@/]+|@sha256:[0-9a-f]{64})/.test(ref)) {
        throw new Error(
          `${who}: ${what} "${ref}" is not a full image reference with a registry and a tag or digest (e.g. registry.example.gov.cn/velero/velero:v1.18.3)`,
        );
      }
    }
    const readOnly = props.readOnly ?? [];
    const names = [...props.sites.map((x) => x.name), ...readOnly.map((x) => x.name)];
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice !== undefined)
      throw new Error(
        `${who}: location name "${twice}" is given twice (sites and readOnly share one namespace of names); rename the site or the read-only location`,
      );
    for (const r of readOnly) {
      if (r.primaryCluster === props.clusterName) {
        throw new Error(`${who}: read-only location ${r.name} reads this cluster's own prefix; a cluster writes its own prefix through its site locations`);
      }
    }
    const ns = props.namespace ?? BACKUP.namespace;
    const concurrent = props.concurrentBackups ?? 2;
    if (!Number.isInteger(concurrent) || concurrent < 1 || concurrent > 64)
      throw new Error(`${who}: concurrentBackups ${concurrent} is not a whole number from 1 to 64`);
    const credential = props.credentialSecret ?? { name: 'cloud-credentials', key: 'cloud' };
    const labels = { [LABEL.managedBy]: MANAGED_BY, 'app.kubernetes.io/name': 'velero', 'app.kubernetes.io/component': 'server' };

    this.namespace = new NamespaceV1(this, 'namespace', {
      metadata: {
        name: ns,
        // the node agent reads the kubelet's pod folder as root (file-system backup), which no Pod Security level
        // but privileged admits; the server and its data movers keep the restricted settings themselves, and
        // warnings and audit still say so for every pod that does not
        labels: { [LABEL.managedBy]: MANAGED_BY, [LABEL.role]: 'backup', ...podSecurityLabels(3), 'pod-security.kubernetes.io/enforce': 'privileged' },
        annotations: poolAnnotation(who, props.addressPool),
      },
    });
    // out only to the backup sites' storage on the endpoint's port, the API server and DNS; nothing in
    const stores = [...props.sites, ...readOnly].map((s) => `${s.cidr}|${storagePort(s.endpoint)}`);
    const egress: PeerRule[] = [...new Set(stores)].map((k) => {
      const [cidr, port] = k.split('|');
      return { peer: Peer.cidr(cidr), ports: [Number(port)] };
    });
    if (props.apiServer) egress.push({ peer: Peer.cidr(props.apiServer.cidr), ports: [props.apiServer.port] });
    platformPolicies(this, this.namespace.metadata.name, egress);
    const account = new ServiceAccountV1(this, 'account', {
      metadata: { name: 'velero', namespace: ns, labels },
      automountServiceAccountToken: true,
      dependsOn: [this.namespace],
    });
    const role = new ClusterRoleV1(this, 'role', { metadata: { name: 'govcloud-velero', labels }, rule: VELERO_RULES.map((r) => ({ ...r })) });
    new ClusterRoleBindingV1(this, 'binding', {
      metadata: { name: 'govcloud-velero', labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role.metadata.name },
      subject: [{ kind: 'ServiceAccount', name: account.metadata.name, namespace: ns }],
    });

    const hardened = {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    };
    this.deployment = new DeploymentV1(this, 'server', {
      metadata: { name: 'velero', namespace: ns, labels },
      spec: {
        replicas: '1',
        selector: { matchLabels: { 'app.kubernetes.io/name': 'velero' } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: account.metadata.name,
            automountServiceAccountToken: true,
            securityContext: { runAsNonRoot: true, runAsUser: '65532', runAsGroup: '65532', fsGroup: '65532', seccompProfile: { type: 'RuntimeDefault' } },
            // the plugin image's entrypoint copies the plugin binary into /target, where the server finds it
            initContainer: [
              {
                name: 'velero-plugin-for-aws',
                image: props.pluginImage,
                volumeMount: [{ name: 'plugins', mountPath: '/target' }],
                resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
                securityContext: hardened,
              },
            ],
            container: [
              {
                name: 'velero',
                image: props.image,
                command: ['/velero'],
                // every backup carries the data of its pods' volumes (the node agent's file-system backup): the clusters have no volume snapshots
                args: [
                  'server',
                  `--default-backup-storage-location=${props.defaultSite}`,
                  `--concurrent-backups=${concurrent}`,
                  '--default-volumes-to-fs-backup',
                ],
                port: [{ name: 'metrics', containerPort: 8085 }],
                // the server answers on its metrics port once its controllers run; no other endpoint is served
                livenessProbe: { httpGet: { path: '/metrics', port: 'metrics' }, initialDelaySeconds: 30, periodSeconds: 30 },
                readinessProbe: { httpGet: { path: '/metrics', port: 'metrics' }, initialDelaySeconds: 10, periodSeconds: 15 },
                env: [
                  { name: 'VELERO_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                  { name: 'VELERO_SCRATCH_DIR', value: '/scratch' },
                  { name: 'LD_LIBRARY_PATH', value: '/plugins' },
                  { name: 'AWS_SHARED_CREDENTIALS_FILE', value: `/credentials/${credential.key}` },
                ],
                volumeMount: [
                  { name: 'plugins', mountPath: '/plugins' },
                  { name: 'scratch', mountPath: '/scratch' },
                  { name: 'tmp', mountPath: '/tmp' },
                  { name: 'credentials', mountPath: '/credentials', readOnly: true },
                ],
                resources: { requests: { cpu: '500m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
                securityContext: hardened,
              },
            ],
            volume: [
              { name: 'plugins', emptyDir: {} },
              { name: 'scratch', emptyDir: {} },
              { name: 'tmp', emptyDir: {} },
              { name: 'credentials', secret: { secretName: credential.name } },
            ],
          },
        },
      },
      // apply does not wait for the rollout (an image pull on a busy cluster must not fail the stack); test/e2e/01c proves it runs
      waitForRollout: false,
      dependsOn: [this.namespace],
    });

    this.nodeAgent = new NodeAgent(this, 'node-agent', {
      clusterName: props.clusterName,
      image: props.image,
      namespace: ns,
      serviceAccount: 'velero',
      credentialSecret: credential,
      dependsOn: [this.namespace, account],
    });

    const location = (name: string, endpoint: string, what: string, writable: boolean, siteLabel: string, caCert?: string, from?: string): Manifest => {
      const store = objectStore(endpoint);
      if ('error' in store) throw new Error(`${who}: ${what}: backup endpoint ${store.error}`);
      // an S3-compatible store (MinIO, SeaweedFS, Ceph RGW) signs in its default region us-east-1; without a
      // region the plugin's SDK refuses to sign at all (it looks one up only for AWS itself)
      const config: Record<string, string> = store.s3Url ? { region: 'us-east-1', s3Url: store.s3Url, s3ForcePathStyle: 'true' } : {};
      return new Manifest(this, `location-${name}`, {
        manifest: {
          apiVersion: BACKUP.apiVersion,
          kind: 'BackupStorageLocation',
          metadata: {
            name,
            namespace: ns,
            labels: { [LABEL.managedBy]: MANAGED_BY, 'govcloud.gov.cn/site': siteLabel, ...(from ? { 'govcloud.gov.cn/backups-of': from } : {}) },
          },
          spec: {
            provider: 'aws',
            default: writable && name === props.defaultSite,
            accessMode: writable ? 'ReadWrite' : 'ReadOnly',
            objectStorage: {
              bucket: store.bucket,
              ...(store.prefix ? { prefix: store.prefix } : {}),
              ...(caCert ? { caCert: Buffer.from(caCert.trim() + '\n').toString('base64') } : {}),
            },
            ...(Object.keys(config).length > 0 ? { config } : {}),
            credential: { name: credential.name, key: credential.key },
          },
        },
        dependsOn: [this.namespace],
      });
    };
    // each cluster writes its own prefix of every site's storage
    this.locations = [
      ...props.sites.map((site) => location(site.name, clusterEndpoint(site.endpoint, props.clusterName), `site ${site.name}`, true, site.name, site.caCert)),
      ...readOnly.map((r) => location(r.name, r.endpoint, `read-only location ${r.name}`, false, r.site, r.caCert, r.primaryCluster)),
    ];
  }
}

/** The TCP port of a backup endpoint: the one an `https://host:port/…` URL names, else 443 (S3 over HTTPS). */
export function storagePort(endpoint: string): number {
  const m = /^https:\/\/[^/:]+:([0-9]+)\//.exec(endpoint);
  return m ? Number(m[1]) : 443;
}
