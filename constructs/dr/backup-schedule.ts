/**
 * BackupSchedule: a Velero Schedule that backs a tenant's namespaces up to one DR site's storage
 * location, on the tier's cadence, each backup kept `retentionDays`. It lives where the backup runs:
 * the velero namespace of the tenant's primary cluster.
 *
 * Backups do not belong to their Schedule (no owner references): deleting the Schedule, as a
 * decommission eventually does, leaves the backups already taken until their own TTL runs out.
 */
import { Construct } from 'constructs';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { BACKUP } from '../../config/vocabulary';
import { LABEL, MANAGED_BY } from '../common/labels';

export interface BackupScheduleProps {
  readonly tenant: string;
  /** Schedule name, unique in the velero namespace of the cluster. */
  readonly name: string;
  /** Namespaces backed up; at least one. */
  readonly includedNamespaces: readonly string[];
  /** The BackupStorageLocation written to (a site's name, see BackupServer). */
  readonly storageLocation: string;
  /** Five-field cron expression. */
  readonly schedule: string;
  /** Days each backup is kept (the backup's TTL); at least 1. */
  readonly retentionDays: number;
  /** Site role of the location, recorded as a label for readers. */
  readonly siteRole: 'same-city' | 'remote';
  /** Namespace of Velero on the cluster. Default: `velero`. */
  readonly namespace?: string;
}

const CRON_FIELD = /^(\*|\d+(-\d+)?(,\d+(-\d+)?)*)(\/\d+)?$/;

/** A TTL as Velero writes a duration: whole hours. */
export function ttlOf(days: number): string {
  return `${days * 24}h0m0s`;
}

export class BackupSchedule extends Construct {
  readonly schedule: Manifest;

  constructor(scope: Construct, id: string, props: BackupScheduleProps) {
    super(scope, id);
    const who = `BackupSchedule ${props.name}`;
    const fields = props.schedule.trim().split(/\s+/);
    if (fields.length !== 5 || !fields.every((f) => CRON_FIELD.test(f))) {
      throw new Error(`${who}: schedule "${props.schedule}" is not a five-field cron expression (e.g. "*/15 * * * *")`);
    }
    if (!Number.isInteger(props.retentionDays) || props.retentionDays < 1) {
      throw new Error(`${who}: retentionDays ${props.retentionDays} is not a whole number of days of at least 1`);
    }
    if (props.includedNamespaces.length === 0) throw new Error(`${who}: includedNamespaces is empty; name the tenant's namespaces to back up`);
    this.schedule = new Manifest(this, 'schedule', {
      manifest: {
        apiVersion: BACKUP.apiVersion,
        kind: 'Schedule',
        metadata: {
          name: props.name,
          namespace: props.namespace ?? BACKUP.namespace,
          labels: { [LABEL.managedBy]: MANAGED_BY, [LABEL.tenant]: props.tenant, 'govcloud.gov.cn/dr-site-role': props.siteRole },
        },
        spec: {
          schedule: props.schedule,
          useOwnerReferencesInBackup: false,
          template: {
            includedNamespaces: [...props.includedNamespaces],
            storageLocation: props.storageLocation,
            ttl: ttlOf(props.retentionDays),
            // the data of the tenant's volumes too (Velero's node agent, file-system backup), not only the objects
            defaultVolumesToFsBackup: true,
            metadata: { labels: { [LABEL.tenant]: props.tenant } },
          },
        },
      },
    });
  }
}
