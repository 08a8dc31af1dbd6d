/**
 * Network rules of a single request: classified work on the intranet, zones on the extranet only,
 * the intranet never touching the Internet, Internet exposure for the public-service zone only.
 */
import { Issue } from '../issues';
import { at, CheckContext } from './context';

const ZONES = 'public-service, administrative, exchange';

export function checkNetwork(ctx: CheckContext): Issue[] {
  const out: Issue[] = [];
  for (const t of ctx.tenants) {
    const s = t.data.spec;
    if (s.classification === 'classified' && s.network !== 'intranet') {
      out.push(at(t, ['spec', 'network'], 'net.classifiedNeedsIntranet', { value: JSON.stringify(s.network) }));
    }
    if (s.network === 'extranet' && s.zone === undefined) {
      out.push(at(t, ['spec'], 'net.zoneRequired', { allowed: ZONES }));
    }
    if (s.network === 'intranet') {
      if (s.zone !== undefined) out.push(at(t, ['spec', 'zone'], 'net.zoneOnIntranet', { value: JSON.stringify(s.zone) }));
      if (s.exposure.internet) out.push(at(t, ['spec', 'exposure', 'internet'], 'net.intranetExposure'));
      s.flows.forEach((f, i) => {
        if (f.to === 'internet') out.push(at(t, ['spec', 'flows', i, 'to'], 'net.intranetInternet'));
      });
    } else if (s.exposure.internet && s.zone !== undefined && s.zone !== 'public-service') {
      out.push(at(t, ['spec', 'exposure', 'internet'], 'exposure.notPublic', { zone: s.zone }));
    }
    // the ingress gateway forwards declared ports only: exposure without ports leads nowhere, ports without exposure mean nothing
    if (s.exposure.internet && s.network !== 'intranet' && s.exposure.ports === undefined) {
      out.push(at(t, ['spec', 'exposure', 'internet'], 'exposure.portsMissing'));
    }
    if (!s.exposure.internet && s.exposure.ports !== undefined) {
      out.push(at(t, ['spec', 'exposure', 'ports'], 'exposure.portsNotExposed', { value: JSON.stringify(s.exposure.ports) }));
    }
    const seen = new Set<number>();
    (s.exposure.ports ?? []).forEach((port, i) => {
      if (seen.has(port)) out.push(at(t, ['spec', 'exposure', 'ports', i], 'exposure.duplicatePort', { port }));
      seen.add(port);
    });
  }
  return out;
}
