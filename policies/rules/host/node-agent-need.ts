/**
 * The one platform workload that must read node files: Velero's node agent, which backs up the data of
 * the tenants' volumes from the kubelet's pod folder. Its root user and that one host folder are a need
 * of the design (docs/architecture.md, "Volume data"), accepted only in this exact shape: a DaemonSet
 * named `node-agent` in govcloud's backup namespace, whose only host path is the kubelet's pod folder,
 * mounted read-only, with every capability dropped and no privilege escalation. Anything else — another
 * folder, a writable mount, a capability, a tenant namespace — is judged like every other workload.
 */
import { BACKUP, LABEL, MANAGED_BY } from '../../../config/vocabulary';
import { Json, NamespaceView, PodSpecOf, block, labels, list } from '../../deployment';

export function nodeAgentNeed(ns: NamespaceView, p: PodSpecOf): string | undefined {
  const nsLabels = labels(ns.namespace);
  if (nsLabels[LABEL.role] !== 'backup' || nsLabels[LABEL.managedBy] !== MANAGED_BY) return undefined;
  if (p.resource.type !== 'kubernetes_daemon_set_v1' || block(p.resource.body, 'metadata')?.name !== BACKUP.nodeAgent) return undefined;
  const hostVolumes = list(p.spec, 'volume').filter((v) => v.host_path !== undefined);
  if (hostVolumes.length !== 1 || block(hostVolumes[0], 'host_path')?.path !== BACKUP.kubeletPods) return undefined;
  const volume = String(hostVolumes[0].name);
  const mounts = p.containers.flatMap((c) => list(c, 'volume_mount').filter((m) => m.name === volume));
  if (mounts.length === 0 || !mounts.every((m) => m.read_only === true)) return undefined;
  const hardened = (c: Json) => {
    const sc = block(c, 'security_context') ?? {};
    const drop = list(sc, 'capabilities').flatMap((x) => (Array.isArray(x.drop) ? x.drop : []));
    return sc.allow_privilege_escalation === false && sc.privileged !== true && drop.includes('ALL') && list(sc, 'capabilities').every((x) => !x.add);
  };
  if (!p.containers.every(hardened)) return undefined;
  return `Velero's node agent reads ${BACKUP.kubeletPods} read-only as root with no capability, the one host access file-system backup of volume data needs (accepted by design)`;
}
