/**
 * Flows point at tenants that exist, stay on one network, cross zones only through the exchange
 * zone, and reach the Internet only from the public-service zone (through the unified egress).
 */
import { Issue } from '../issues';
import { LoadedTenant } from '../load';
import { suggest } from '../suggest';
import { at, CheckContext } from './context';

export function checkFlows(ctx: CheckContext): Issue[] {
  const out: Issue[] = [];
  const byRef = new Map<string, LoadedTenant>();
  for (const t of ctx.tenants) byRef.set(`tenant/${t.data.metadata.county}/${t.data.metadata.name}`, t);
  const refs = [...byRef.keys()];
  for (const t of ctx.tenants) {
    const s = t.data.spec;
    const zone = s.network === 'intranet' ? 'intranet' : s.zone;
    s.flows.forEach((f, i) => {
      const path = ['spec', 'flows', i];
      if (f.to === 'internet') {
        if (f.hosts === undefined) out.push(at(t, [...path, 'to'], 'flow.internetHosts'));
        if (s.network === 'extranet' && zone !== undefined && zone !== 'public-service') {
          out.push(at(t, [...path, 'to'], 'flow.internetNotPublic', { zone }));
        }
        return;
      }
      if (f.hosts !== undefined) out.push(at(t, [...path, 'hosts'], 'flow.hostsOnTenant'));
      const target = byRef.get(f.to);
      const [, county, name] = f.to.split('/');
      if (!target) {
        // the file exists but failed its own checks: its errors are already reported
        if (ctx.fileRefs.has(f.to)) return;
        out.push(
          at(t, [...path, 'to'], 'flow.unknownTenant', {
            value: JSON.stringify(f.to),
            county,
            name,
            suggestion: `suggest:${suggest(f.to, refs) ?? ''}`,
          }),
        );
        return;
      }
      if (target === t) {
        out.push(at(t, [...path, 'to'], 'flow.self', {}, 'warning'));
        return;
      }
      const ts = target.data.spec;
      if (ts.network !== s.network) {
        out.push(at(t, [...path, 'to'], 'net.crossNetwork', { target: f.to, from: s.network, to: ts.network }));
        return;
      }
      const targetZone = ts.network === 'intranet' ? 'intranet' : ts.zone;
      if (zone !== undefined && targetZone !== undefined && zone !== targetZone && zone !== 'exchange' && targetZone !== 'exchange') {
        out.push(at(t, [...path, 'to'], 'flow.crossZone', { from: zone, to: targetZone, target: f.to }));
      }
    });
  }
  return out;
}
