import { BackupServer, BackupServerProps, VELERO_RULES } from '../../constructs/platform/backup-server';
import { get, Json, synthOf } from '../helpers/synth';

const props: BackupServerProps = {
  clusterName: 'ext-primary',
  image: 'registry.example-city.gov.cn/platform/velero/velero:v1.16.1',
  pluginImage: 'registry.example-city.gov.cn/platform/velero/velero-plugin-for-aws:v1.12.1',
  sites: [
    { name: 'primary', endpoint: 's3://backup.primary.example-city.gov.cn/govcloud', cidr: '10.90.0.0/24' },
    { name: 'remote', endpoint: 'https://oss.remote.example-province.gov.cn:9000/govcloud-backup/city/ext', cidr: '10.90.2.0/24' },
  ],
  addressPool: '10.244.0.32/27',
  apiServer: { cidr: '10.80.0.10/32', port: 6443 },
  defaultSite: 'primary',
};

const manifest = (r: Json) => r.manifest as Json;

describe('BackupServer', () => {
  const s = synthOf((scope) => new BackupServer(scope, 'backup', props));

  it('runs the Velero server from the given image with the AWS plugin as init container, restricted and with resources', () => {
    const d = s.of('kubernetes_deployment_v1')[0];
    expect(get(d, 'metadata.namespace')).toBe('velero');
    expect(get(d, 'wait_for_rollout')).toBe(false);
    const pod = get(d, 'spec.template.spec') as Json;
    expect(get(pod, 'security_context')).toMatchObject({ run_as_non_root: true, seccomp_profile: { type: 'RuntimeDefault' } });
    const [server] = pod.container as Json[];
    const [plugin] = pod.init_container as Json[];
    expect([server.image, plugin.image]).toEqual([props.image, props.pluginImage]);
    expect(server.args).toEqual(['server', '--default-backup-storage-location=primary', '--concurrent-backups=2', '--default-volumes-to-fs-backup']);
    for (const c of [server, plugin]) {
      expect(c.security_context).toEqual({
        allow_privilege_escalation: false,
        read_only_root_filesystem: true,
        run_as_non_root: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(get(c, 'resources.limits')).toBeDefined();
      expect(get(c, 'resources.requests')).toBeDefined();
    }
    // the plugin is copied into the shared volume the server loads plugins from
    expect(get(plugin, 'volume_mount')).toEqual([{ name: 'plugins', mount_path: '/target' }]);
    expect((server.volume_mount as Json[]).map((m) => [m.name, m.mount_path])).toContainEqual(['plugins', '/plugins']);
  });

  it('puts the server in a velero namespace that admits the node agent (privileged) and still warns and audits at restricted', () => {
    const [ns] = s.of('kubernetes_namespace_v1');
    expect(get(ns, 'metadata.name')).toBe('velero');
    expect(get(ns, 'metadata.labels')).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'privileged',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
    });
  });

  it("runs Velero's node agent on every node: the kubelet's pod folder read-only with host-to-container propagation, root without a capability", () => {
    const [ds] = s.of('kubernetes_daemon_set_v1');
    expect([get(ds, 'metadata.name'), get(ds, 'metadata.namespace')]).toEqual(['node-agent', 'velero']);
    const pod = get(ds, 'spec.template.spec') as Json;
    // Velero finds the agent on a node by the label role=node-agent
    expect(get(ds, 'spec.template.metadata.labels')).toMatchObject({ role: 'node-agent', name: 'node-agent' });
    expect(pod.volume).toContainEqual({ name: 'host-pods', host_path: { path: '/var/lib/kubelet/pods', type: 'Directory' } });
    const [agent] = pod.container as Json[];
    expect([agent.image, agent.command, agent.args]).toEqual([props.image, ['/velero'], ['node-agent', 'server']]);
    expect(agent.volume_mount).toContainEqual({ name: 'host-pods', mount_path: '/host_pods', mount_propagation: 'HostToContainer', read_only: true });
    expect(agent.security_context).toEqual({
      privileged: false,
      allow_privilege_escalation: false,
      read_only_root_filesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(get(pod, 'security_context.run_as_user')).toBe('0');
    // the init container Velero adds to restored pods comes from the platform's registry, not Docker Hub
    const cm = s.of('kubernetes_config_map_v1').find((c) => get(c, 'metadata.name') === 'fs-restore-action-config')!;
    expect(get(cm, 'metadata.labels')).toMatchObject({ 'velero.io/plugin-config': '', 'velero.io/pod-volume-restore': 'RestoreItemAction' });
    expect(get(cm, 'data.image')).toBe(props.image);
  });

  it('binds its service account to a cluster role that names its verbs and never escalate, bind or impersonate', () => {
    const [sa] = s.of('kubernetes_service_account_v1');
    const [binding] = s.of('kubernetes_cluster_role_binding_v1');
    const [role] = s.of('kubernetes_cluster_role_v1');
    expect(get(binding, 'subject')).toEqual([
      {
        kind: 'ServiceAccount',
        name: expect.stringMatching(/^\$\{kubernetes_service_account_v1\.backup_account_\w+\.metadata\[0\]\.name\}$/),
        namespace: 'velero',
      },
    ]);
    expect(get(binding, 'role_ref')).toEqual({
      api_group: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: expect.stringContaining('kubernetes_cluster_role_v1.backup_role'),
    });
    expect(get(sa, 'metadata.name')).toBe('velero');
    expect(get(role, 'metadata.name')).toBe('govcloud-velero');
    const verbs = VELERO_RULES.flatMap((r) => r.verbs);
    for (const v of ['*', 'escalate', 'bind', 'impersonate']) expect(verbs).not.toContain(v);
    expect(s.of('kubernetes_secret_v1')).toEqual([]);
  });

  it("writes one BackupStorageLocation per site to the cluster's own prefix under the URL's, an https store as s3Url, the credential by name only", () => {
    const locations = s.of('kubernetes_manifest').map(manifest);
    expect(locations.map((l) => [l.apiVersion, l.kind, get(l, 'metadata.name'), get(l, 'metadata.namespace')])).toEqual([
      ['velero.io/v1', 'BackupStorageLocation', 'primary', 'velero'],
      ['velero.io/v1', 'BackupStorageLocation', 'remote', 'velero'],
    ]);
    const [primary, remote] = locations.map((l) => l.spec as Json);
    expect(primary).toEqual({
      provider: 'aws',
      default: true,
      accessMode: 'ReadWrite',
      objectStorage: { bucket: 'backup.primary.example-city.gov.cn', prefix: 'govcloud/ext-primary' },
      credential: { name: 'cloud-credentials', key: 'cloud' },
    });
    expect(remote).toMatchObject({
      default: false,
      objectStorage: { bucket: 'govcloud-backup', prefix: 'city/ext/ext-primary' },
      config: { region: 'us-east-1', s3Url: 'https://oss.remote.example-province.gov.cn:9000', s3ForcePathStyle: 'true' },
    });
  });

  it("writes the cluster's name as the prefix when the site's endpoint has none", () => {
    const bare = synthOf(
      (scope) => new BackupServer(scope, 'b', { ...props, sites: [{ name: 'primary', endpoint: 's3://backup.primary', cidr: '10.90.0.0/24' }] }),
    );
    expect(bare.of('kubernetes_manifest').map((r) => get(manifest(r), 'spec.objectStorage'))).toEqual([{ bucket: 'backup.primary', prefix: 'ext-primary' }]);
  });

  it("gives Velero the CA of a store with a city's own certificate, base64 as the location wants it, for written and read-only locations", () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIBlab==\n-----END CERTIFICATE-----';
    const withCa = synthOf(
      (scope) =>
        new BackupServer(scope, 'b', {
          ...props,
          sites: [{ ...props.sites[1], caCert: pem }, props.sites[0]],
          readOnly: [
            {
              name: 'remote-from-ext-x',
              site: 'remote',
              primaryCluster: 'ext-x',
              endpoint: 'https://oss.remote.example-province.gov.cn:9000/govcloud-backup/city/ext/ext-x',
              cidr: '10.90.2.0/24',
              caCert: pem,
            },
          ],
        }),
    );
    const stores = withCa.of('kubernetes_manifest').map((r) => get(manifest(r), 'spec.objectStorage') as Json);
    const decoded = stores.map((o) => (o.caCert ? Buffer.from(String(o.caCert), 'base64').toString() : undefined));
    expect(decoded).toEqual([undefined, `${pem}\n`, `${pem}\n`]); // primary, remote, remote-from-ext-x
  });

  it("reads each primary cluster's prefix through a ReadOnly location that is never the default, and lets Velero reach that storage", () => {
    const dr = synthOf(
      (scope) =>
        new BackupServer(scope, 'b', {
          ...props,
          clusterName: 'ext-samecity',
          sites: [{ name: 'same-city', endpoint: 's3://backup.samecity/govcloud', cidr: '10.90.1.0/24' }],
          defaultSite: 'same-city',
          readOnly: [
            {
              name: 'same-city-from-ext-primary',
              site: 'same-city',
              primaryCluster: 'ext-primary',
              endpoint: 's3://backup.samecity/govcloud/ext-primary',
              cidr: '10.90.1.0/24',
            },
            { name: 'far-from-ext-primary', site: 'far', primaryCluster: 'ext-primary', endpoint: 'https://oss.far:9000/b/ext-primary', cidr: '10.90.3.0/24' },
          ],
        }),
    );
    const locations = dr.of('kubernetes_manifest').map(manifest);
    const rows = locations
      .map((l) => [get(l, 'metadata.name'), get(l, 'spec.accessMode'), get(l, 'spec.default'), get(l, 'spec.objectStorage'), get(l, 'metadata.labels')])
      .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    expect(rows).toEqual([
      [
        'far-from-ext-primary',
        'ReadOnly',
        false,
        { bucket: 'b', prefix: 'ext-primary' },
        expect.objectContaining({ 'govcloud.gov.cn/backups-of': 'ext-primary' }),
      ],
      [
        'same-city',
        'ReadWrite',
        true,
        { bucket: 'backup.samecity', prefix: 'govcloud/ext-samecity' },
        expect.objectContaining({ 'govcloud.gov.cn/site': 'same-city' }),
      ],
      [
        'same-city-from-ext-primary',
        'ReadOnly',
        false,
        { bucket: 'backup.samecity', prefix: 'govcloud/ext-primary' },
        expect.objectContaining({ 'govcloud.gov.cn/site': 'same-city', 'govcloud.gov.cn/backups-of': 'ext-primary' }),
      ],
    ]);
    const egress = dr
      .of('kubernetes_network_policy_v1')
      .flatMap((p) => (get(p, 'spec.egress') as Json[] | undefined) ?? [])
      .flatMap((e) => ((e.to as Json[] | undefined) ?? []).map((t) => get(t, 'ip_block.cidr')));
    expect(egress).toEqual(expect.arrayContaining(['10.90.1.0/24', '10.90.3.0/24']));
  });

  it("refuses a read-only location of the cluster's own prefix and a location name given twice", () => {
    const own = { name: 'primary-from-ext-primary', site: 'primary', primaryCluster: 'ext-primary', endpoint: 's3://b/ext-primary', cidr: '10.90.0.0/24' };
    expect(() => synthOf((scope) => new BackupServer(scope, 'b', { ...props, readOnly: [own] }))).toThrow(
      "BackupServer ext-primary: read-only location primary-from-ext-primary reads this cluster's own prefix",
    );
    expect(() =>
      synthOf((scope) => new BackupServer(scope, 'b', { ...props, readOnly: [{ ...own, name: 'remote', primaryCluster: 'ext-samecity' }] })),
    ).toThrow('BackupServer ext-primary: location name "remote" is given twice');
  });

  it('refuses a default site that is not one of its sites, an endpoint without a bucket, credentials and a bare image name', () => {
    expect(() => synthOf((scope) => new BackupServer(scope, 'b', { ...props, defaultSite: 'far' }))).toThrow(
      'BackupServer ext-primary: defaultSite "far" is not one of the sites (primary, remote)',
    );
    expect(() =>
      synthOf(
        (scope) => new BackupServer(scope, 'b', { ...props, sites: [{ name: 'primary', endpoint: 'https://oss.example.gov.cn', cidr: '10.90.0.0/24' }] }),
      ),
    ).toThrow('BackupServer ext-primary: site primary: backup endpoint "https://oss.example.gov.cn" names no bucket: write https://host/bucket[/prefix]');
    expect(() =>
      synthOf((scope) => new BackupServer(scope, 'b', { ...props, sites: [{ name: 'primary', endpoint: 's3://key:secret@bucket/x', cidr: '10.90.0.0/24' }] })),
    ).toThrow(/without credentials/);
    expect(() => synthOf((scope) => new BackupServer(scope, 'b', { ...props, image: 'velero' }))).toThrow(/image "velero" is not a full image reference/);
    expect(() => synthOf((scope) => new BackupServer(scope, 'b', { ...props, sites: [] }))).toThrow(/sites is empty/);
  });

  it('denies the velero namespace everything but its backup storage on the endpoint port, the API server and DNS', () => {
    const policies = s.of('kubernetes_network_policy_v1');
    expect(policies.map((p) => get(p, 'metadata.name')).sort()).toEqual(['allow-platform-egress', 'default-deny']);
    const allow = policies.find((p) => get(p, 'metadata.name') === 'allow-platform-egress');
    expect(get(allow, 'spec.policy_types')).toEqual(['Egress']);
    expect(get(allow, 'spec.ingress')).toEqual([]);
    expect(get(allow, 'spec.egress')).toEqual([
      { to: [{ ip_block: { cidr: '10.90.0.0/24' } }], ports: [{ port: '443', protocol: 'TCP' }] },
      { to: [{ ip_block: { cidr: '10.90.2.0/24' } }], ports: [{ port: '9000', protocol: 'TCP' }] },
      { to: [{ ip_block: { cidr: '10.80.0.10/32' } }], ports: [{ port: '6443', protocol: 'TCP' }] },
      {
        to: [
          { namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } }, pod_selector: { match_labels: { 'k8s-app': 'kube-dns' } } },
        ],
        ports: [
          { port: '53', protocol: 'TCP' },
          { port: '53', protocol: 'UDP' },
        ],
      },
    ]);
    const ns = s.of('kubernetes_namespace_v1')[0];
    expect((get(ns, 'metadata.annotations') as Record<string, string>)['govcloud.gov.cn/address-pool']).toBe('10.244.0.32/27');
  });
});
