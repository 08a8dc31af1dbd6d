/**
 * Backup endpoints with boundaries (issue 21): a site's backupStorage.endpoint carries no query
 * string or fragment (a credential could ride in it; it is never echoed), and its host is the site's
 * storage — an address inside the site's backupStorage.cidr, or a DNS name that is not
 * cluster-internal, a metadata endpoint, or a name spelling an address outside that range.
 * `s3://bucket` names a bucket, not a host: only the query rule applies to it.
 */
import * as ipaddr from 'ipaddr.js';
import { Issue, issue } from '../issues';
import { LoadedFile } from '../load';
import { PlatformFile } from '../schema/platform';
import { fieldPath, locate, PathSegment } from '../source';
import { within } from '../cidr';
import { egressHostProblem } from '../egress-host';

type Problem = {
  readonly code: 'backup.endpointMetadata' | 'backup.endpointOutsideCidr' | 'backup.endpointInternal' | 'backup.endpointEncoded';
  readonly part?: string;
};

/** An address: metadata or link-local, else inside the range or not (written in its canonical form only). */
function addressProblem(address: string, cidr: string): Problem | undefined {
  const problem = egressHostProblem(address);
  if (problem?.kind === 'metadata') return { code: 'backup.endpointMetadata' };
  const ip = ipaddr.parse(address);
  const canonical = ip.kind() === 'ipv4' && ip.toString() === address;
  return canonical && within(`${address}/32`, cidr) ? undefined : { code: 'backup.endpointOutsideCidr' };
}

function hostProblem(host: string, cidr: string): Problem | undefined {
  const bare = host.startsWith('[') ? host.replace(/^\[([^\]]*)\](:[0-9]+)?$/, '$1') : host.replace(/:[0-9]+$/, '');
  if (ipaddr.isValid(bare)) return addressProblem(bare, cidr);
  const problem = egressHostProblem(bare);
  if (problem === undefined) return undefined;
  if (problem.kind === 'metadata') return { code: 'backup.endpointMetadata' };
  if (problem.kind === 'internal') return { code: 'backup.endpointInternal', part: problem.part };
  // a name that spells an address is judged by that address
  if (problem.kind === 'encoded' && ipaddr.isValid(problem.part))
    return addressProblem(problem.part, cidr) && { code: 'backup.endpointEncoded', part: problem.part };
  return { code: 'backup.endpointEncoded', part: problem.part };
}

export function checkBackupEndpoints(p: LoadedFile<PlatformFile>): Issue[] {
  const out: Issue[] = [];
  p.data.spec.sites.forEach((site, i) => {
    const where: PathSegment[] = ['spec', 'sites', i, 'backupStorage', 'endpoint'];
    const err = (code: Problem['code'] | 'backup.endpointQuery', params: Record<string, string>) =>
      out.push(issue('error', locate(p.source, where), fieldPath(where), code, params));
    const { endpoint, cidr } = site.backupStorage;
    const cut = endpoint.search(/[?#]/);
    if (cut >= 0) err('backup.endpointQuery', { value: JSON.stringify(`${endpoint.slice(0, cut)}?…`) });
    const m = /^https:\/\/([^/?#]+)/.exec(endpoint);
    if (!m) return;
    const problem = hostProblem(m[1].toLowerCase(), cidr);
    if (problem) err(problem.code, { value: JSON.stringify(m[1]), cidr, part: problem.part ?? '' });
  });
  return out;
}
