/**
 * The environment each stack's engine runs with. One network's credentials never reach the other's
 * stacks: `KUBE_CONFIG_PATH_EXTRANET` / `KUBE_CONFIG_PATH_INTRANET` (else `KUBE_CONFIG_PATH`) give the
 * kubeconfig, and for the `pg` backend `PG_CONN_STR_EXTRANET` / `PG_CONN_STR_INTRANET` (else
 * `PG_CONN_STR`) the state database. The intranet is physically isolated, so one state database for
 * both networks is refused, not offered.
 */
import { DeployError } from './errors';
import type { Network } from '../config/model';

export type { Network };

const suffix = (n: Network) => n.toUpperCase();

/** A variable's value, with an empty one (as CI systems pass an undefined secret) taken as unset. */
function get(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v;
}

/**
 * One spelling per server: host names in lower case without a trailing dot, and every way of saying
 * "this machine" (`localhost`, `127.0.0.1`, `::1`, `[::1]`, a Unix socket folder, nothing) as
 * `localhost`; a port as a number, 5432 when none is given. `DB.example.cn.:05432` and
 * `db.example.cn` are one server.
 */
export function pgServer(host: string | undefined, port: string | undefined): string {
  let h = (host ?? '').trim().toLowerCase().replace(/\.+$/, '');
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  const local = h === '' || h === 'localhost' || h.startsWith('/') || /^127(\.\d{1,3}){3}$/.test(h) || /^(0*:)+:?0*1$/.test(h) || h === '::ffff:127.0.0.1';
  const n = Number((port ?? '').trim() || '5432');
  return `${local ? 'localhost' : h}:${Number.isInteger(n) ? n : (port ?? '').trim()}`;
}

/** Host, port and database of a PostgreSQL connection string (URL or key=value form), for comparison. */
export function pgDatabase(conn: string): string {
  const trimmed = conn.trim();
  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    try {
      const u = new URL(trimmed);
      const server = pgServer(u.searchParams.get('host') ?? u.hostname, u.searchParams.get('port') ?? u.port);
      return `${server}/${decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres'}`;
    } catch {
      return trimmed;
    }
  }
  const kv = new Map<string, string>();
  for (const m of trimmed.matchAll(/(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)/g)) kv.set(m[1].toLowerCase(), m[2].replace(/^'|'$/g, ''));
  return `${pgServer(kv.get('host') ?? kv.get('hostaddr'), kv.get('port'))}/${kv.get('dbname') ?? kv.get('user') ?? 'postgres'}`;
}

/** The connection string a stack of this network uses, or undefined. */
function pgConnFor(network: Network, env: NodeJS.ProcessEnv): string | undefined {
  return get(env, `PG_CONN_STR_${suffix(network)}`) ?? get(env, 'PG_CONN_STR');
}

/**
 * Refuses a run whose pg stacks of both networks would share one state database. `networks` are the
 * networks of the pg-backed stacks in the run.
 */
export function checkStateSeparation(networks: ReadonlySet<Network>, env: NodeJS.ProcessEnv = process.env): void {
  for (const n of networks) {
    if (pgConnFor(n, env) === undefined) {
      throw new DeployError(`the ${n} stacks keep their state in PostgreSQL: set PG_CONN_STR_${suffix(n)} (or PG_CONN_STR) to the ${n} state database`);
    }
  }
  if (!networks.has('extranet') || !networks.has('intranet')) return;
  const ext = pgDatabase(pgConnFor('extranet', env) ?? '');
  const int = pgDatabase(pgConnFor('intranet', env) ?? '');
  if (ext === int) {
    throw new DeployError(
      `extranet and intranet state would share one database (${ext}); the intranet is physically isolated: set PG_CONN_STR_EXTRANET and PG_CONN_STR_INTRANET to different databases (外网与内网状态不得共用一个数据库)`,
    );
  }
}

/** Environment for the engine in a stack of `network`: that network's kubeconfig and state connection only. */
export function engineEnv(network: Network, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  for (const n of ['EXTRANET', 'INTRANET']) {
    delete out[`KUBE_CONFIG_PATH_${n}`];
    delete out[`PG_CONN_STR_${n}`];
  }
  const kube = get(env, `KUBE_CONFIG_PATH_${suffix(network)}`) ?? get(env, 'KUBE_CONFIG_PATH');
  if (kube !== undefined) out.KUBE_CONFIG_PATH = kube;
  const pg = pgConnFor(network, env);
  if (pg !== undefined) out.PG_CONN_STR = pg;
  return out;
}
