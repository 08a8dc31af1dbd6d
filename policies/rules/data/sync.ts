/** Shared by the DATA rules: the dr-sync jobs of a tenant's namespaces, their targets, modes and cadence. */
import { LABEL } from '../../../config/vocabulary';
import { CityModel, SiteRole } from '../../../config/model';
import { NamespaceView, TfResource, block, blockPath, labels, list } from '../../deployment';

const CRON = new Set(['kubernetes_cron_job_v1', 'kubernetes_cron_job']);

export const syncJobs = (ns: NamespaceView): TfResource[] =>
  ns.resources.filter((r) => CRON.has(r.type) && block(r.body, 'metadata')?.name === 'dr-sync' && block(r.body, 'spec')?.suspend !== true);

function args(job: TfResource): string[] {
  const spec = blockPath(job.body, 'spec.job_template.spec.template.spec');
  return list(spec, 'container').flatMap((c) => (Array.isArray(c.args) ? c.args.map(String) : []));
}

const flag = (job: TfResource, name: string): string | undefined =>
  args(job)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);

export const targetOf = (job: TfResource): string | undefined => flag(job, 'target');

/** Mode of a replica: the namespace's dr-role label, else the job's --mode flag. */
export const modeOf = (ns: NamespaceView, job: TfResource): string | undefined => labels(ns.namespace)[LABEL.drRole] ?? flag(job, 'mode');

export const siteRoleOf = (model: CityModel, cluster: string): SiteRole | undefined => model.clusters.find((c) => c.name === cluster)?.siteRole;

export const scheduleOf = (job: TfResource): string => String(block(job.body, 'spec')?.schedule ?? '');

/** Longest gap in minutes between runs of a cron schedule, when it runs at least hourly; undefined otherwise. */
export function maxGapMinutes(schedule: string): number | undefined {
  const f = schedule.trim().split(/\s+/);
  if (f.length !== 5 || f.slice(1).some((x) => x !== '*')) return undefined;
  const m = f[0];
  if (m === '*') return 1;
  const step = /^\*\/(\d+)$/.exec(m);
  if (step) {
    const n = Number(step[1]);
    return n > 0 && n <= 60 ? Math.max(n, 60 - n * Math.floor(59 / n)) : undefined;
  }
  if (!/^\d+(,\d+)*$/.test(m)) return undefined;
  const mins = [...new Set(m.split(',').map(Number))].filter((x) => x < 60).sort((a, b) => a - b);
  if (mins.length === 0) return undefined;
  return Math.max(...mins.map((x, i) => (i + 1 < mins.length ? mins[i + 1] - x : 60 - x + mins[0])));
}
