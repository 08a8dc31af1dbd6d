/**
 * Egress allow-lists with boundaries (issue 21): every Internet host of a tenant's flows is an exact
 * DNS name of the public Internet (config/egress-host.ts), and a wildcard only when platform.yaml
 * allows that wildcard for that tenant under spec.egress.wildcards — an allowance that is itself a
 * wildcard of a suffix the service owns, never a top-level domain or a shared suffix.
 */
import { Issue, issue } from '../issues';
import { fieldPath, locate, PathSegment } from '../source';
import { suggest } from '../suggest';
import { MessageCode } from '../messages';
import { EgressHostProblem, egressHostProblem, wildcardTooBroad } from '../egress-host';
import { at, CheckContext } from './context';

const CODE: Record<EgressHostProblem['kind'], MessageCode> = {
  internal: 'egress.hostInternal',
  metadata: 'egress.hostMetadata',
  address: 'egress.hostAddress',
  encoded: 'egress.hostEncoded',
};

/** platform.yaml's spec.egress.wildcards: refused entries reported, the usable ones returned as `tenant host` keys. */
function allowances(ctx: CheckContext, out: Issue[]): Set<string> {
  const p = ctx.platform;
  const names = ctx.tenants.map((t) => t.data.metadata.name).sort();
  const known = new Set(names);
  const allowed = new Set<string>();
  (p.data.spec.egress.wildcards ?? []).forEach((w, i) => {
    const base: PathSegment[] = ['spec', 'egress', 'wildcards', i];
    const err = (field: string, code: MessageCode, params: Record<string, string>) =>
      out.push(issue('error', locate(p.source, [...base, field]), fieldPath([...base, field]), code, params));
    const value = JSON.stringify(w.host);
    const problem = egressHostProblem(w.host);
    if (!w.host.startsWith('*.')) err('host', 'egress.wildcardNotWildcard', { value });
    else if (problem) err('host', CODE[problem.kind], { value, part: problem.part });
    else if (wildcardTooBroad(w.host)) err('host', 'egress.wildcardTooBroad', { value });
    else allowed.add(`${w.tenant} ${w.host}`);
    // a file that failed its own checks is still a tenant: its errors are already reported
    const exists = known.has(w.tenant) || [...ctx.fileRefs].some((r) => r.endsWith(`/${w.tenant}`));
    if (!exists)
      err('tenant', 'egress.wildcardUnknownTenant', {
        value: JSON.stringify(w.tenant),
        known: names.join(', '),
        suggestion: `suggest:${suggest(w.tenant, names) ?? ''}`,
      });
  });
  return allowed;
}

export function checkEgressHosts(ctx: CheckContext): Issue[] {
  const out: Issue[] = [];
  const allowed = allowances(ctx, out);
  for (const t of ctx.tenants) {
    const tenant = t.data.metadata.name;
    t.data.spec.flows.forEach((f, i) => {
      // hosts on a flow to a tenant are refused as such (flow.hostsOnTenant)
      if (f.to !== 'internet') return;
      (f.hosts ?? []).forEach((h, j) => {
        const path: PathSegment[] = ['spec', 'flows', i, 'hosts', j];
        const value = JSON.stringify(h);
        const problem = egressHostProblem(h);
        if (problem) out.push(at(t, path, CODE[problem.kind], { value, part: problem.part }));
        else if (h.startsWith('*.') && !allowed.has(`${tenant} ${h}`)) out.push(at(t, path, 'egress.hostWildcard', { value, tenant }));
      });
    });
  }
  return out;
}
