/**
 * The stacks of a city in apply order, for people (`govcloud stacks`) and for a CI system's own
 * fan-out (`--format json`): platform stacks form the first phase, department stacks the second, and
 * each phase is a matrix of independent jobs (one stack, one runner, its state in PostgreSQL).
 */
import { CityModel, Network } from '../config/model';
import { planStacks, retiredSlice } from '../stacks/slices';

export type Phase = 'platform' | 'department';

export interface ListedStack {
  readonly name: string;
  readonly network: Network;
  readonly cluster: string;
  /** `retired`: a department stack the change empties; its plan destroys what it deployed. */
  readonly kind: 'platform' | 'department' | 'retired';
  readonly phase: Phase;
  /** For people: the site, or the county and department with its tenants and replicas. */
  readonly what: string;
}

/** Every stack (or only the named ones, retired ones included), platform stacks first. */
export function stackList(model: CityModel, only?: readonly string[]): ListedStack[] {
  const live: ListedStack[] = planStacks(model).map((s) => ({
    name: s.name,
    network: s.network,
    cluster: s.cluster.name,
    kind: s.kind,
    phase: s.kind === 'platform' ? 'platform' : 'department',
    what: s.kind === 'platform' ? s.cluster.site : `${s.county.code}/${s.department} (${s.tenants.length} tenants, ${s.replicas.length} replicas)`,
  }));
  if (only === undefined) return order(live);
  const retired = only.flatMap((n): ListedStack[] => {
    const r = retiredSlice(model, n);
    return r ? [{ name: n, network: r.network, cluster: r.cluster.name, kind: 'retired', phase: 'department', what: 'retired (emptied by the change)' }] : [];
  });
  return order([...live.filter((s) => only.includes(s.name)), ...retired]);
}

const order = (list: ListedStack[]): ListedStack[] =>
  [...list].sort((a, b) => (a.phase === b.phase ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.phase === 'platform' ? -1 : 1));

/** What the list was chosen by: the change (`--affected-by`) and the network (`--network`), when given. */
export interface ListedBy {
  readonly affectedBy?: string;
  readonly network?: Network;
}

/**
 * The JSON a CI system reads: the stacks, and per phase a matrix `{ include: [{ stack, network }] }`
 * (GitHub Actions `strategy.matrix: ${{ fromJSON(…) }}`; a GitLab job writes its child pipeline from
 * it). An empty phase has an empty `include`; `any` says whether there is anything to run.
 */
export function stacksJson(list: readonly ListedStack[], by: ListedBy = {}): unknown {
  const matrix = (phase: Phase) => ({ include: list.filter((s) => s.phase === phase).map((s) => ({ stack: s.name, network: s.network })) });
  return {
    affectedBy: by.affectedBy ?? null,
    network: by.network ?? null,
    any: list.length > 0,
    stacks: list.map(({ name, network, cluster, kind, phase }) => ({ name, network, cluster, kind, phase })),
    matrix: { platform: matrix('platform'), department: matrix('department') },
  };
}
