/** Flows between tenants resolved by reference (`tenant/<county>/<name>`), and each tenant's inbound flows. */
import { LoadedTenant } from '../load';
import { Flow, InboundFlow, ZoneName } from '../model';

export const zoneOf = (t: LoadedTenant): ZoneName | 'intranet' => (t.data.spec.network === 'intranet' ? 'intranet' : (t.data.spec.zone ?? 'administrative'));

export class FlowIndex {
  private readonly byRef: ReadonlyMap<string, LoadedTenant>;
  private readonly inboundByTenant = new Map<string, InboundFlow[]>();

  constructor(tenants: readonly LoadedTenant[]) {
    this.byRef = new Map(tenants.map((t) => [`tenant/${t.data.metadata.county}/${t.data.metadata.name}`, t]));
    for (const t of tenants) {
      for (const f of t.data.spec.flows) {
        const target = f.to === 'internet' ? undefined : this.byRef.get(f.to);
        if (!target || target === t) continue;
        const list = this.inboundByTenant.get(target.data.metadata.name) ?? [];
        list.push({ tenant: t.data.metadata.name, county: t.data.metadata.county, zone: zoneOf(t), ports: f.ports });
        this.inboundByTenant.set(target.data.metadata.name, list);
      }
    }
  }

  /** A tenant's declared flows, references resolved (a flow to an unknown tenant or to itself is dropped: the checks report it). */
  outbound(t: LoadedTenant): Flow[] {
    return t.data.spec.flows.flatMap((f): Flow[] => {
      if (f.to === 'internet') return [{ kind: 'internet', hosts: f.hosts ?? [], ports: f.ports }];
      const target = this.byRef.get(f.to);
      if (!target || target === t) return [];
      return [{ kind: 'tenant', tenant: target.data.metadata.name, county: target.data.metadata.county, zone: zoneOf(target), ports: f.ports }];
    });
  }

  inbound(name: string): InboundFlow[] {
    return this.inboundByTenant.get(name) ?? [];
  }
}
