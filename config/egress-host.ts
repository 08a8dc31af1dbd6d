/**
 * What an egress allow-list entry may name: an exact DNS name of the public Internet. Pure and
 * shared by validate (tenant flows, platform.yaml's wildcard allowances) and the fuzz properties.
 *
 * Refused, each with its own reason:
 * - `internal`: names that only resolve inside a cluster or a private network — a last label of
 *   the special-use or private kind (`.local`, `.internal`, `.localhost`, `.svc`, `.lan`, `.arpa`,
 *   `.test`, …) or a `svc` label anywhere (`<service>.<namespace>.svc.<cluster domain>`);
 * - `metadata`: the cloud metadata endpoints by name (`metadata.google.internal`,
 *   `metadata.tencentyun.com`, …) and by address (169.254.0.0/16, Alibaba's 100.100.100.200, AWS's
 *   fd00:ec2::254);
 * - `address`: any other IP literal;
 * - `encoded`: names that resolve to an address written in them — services such as nip.io and
 *   sslip.io (`10.0.0.1.nip.io`, `app-10-0-0-1.sslip.io`, `0a000001.nip.io`), and any name with four
 *   numeric labels or a dashed IPv4 address in a label, whatever the domain.
 * A wildcard (`*.suffix`) is judged by its suffix, and also refused when a metadata name lies under it.
 */
import * as ipaddr from 'ipaddr.js';

export type EgressHostProblem =
  | { readonly kind: 'internal'; readonly part: string }
  | { readonly kind: 'metadata'; readonly part: string }
  | { readonly kind: 'address'; readonly part: string }
  | { readonly kind: 'encoded'; readonly part: string };

/** Last labels that never name a host of the public Internet (RFC 6761, 6762, 8375, 9476 and the usual private ones). */
const INTERNAL_TLDS = new Set([
  'local',
  'localhost',
  'localdomain',
  'internal',
  'intranet',
  'lan',
  'home',
  'corp',
  'private',
  'svc',
  'cluster',
  'arpa',
  'test',
  'example',
  'invalid',
  'onion',
  'alt',
]);

/** Metadata endpoints of clouds by name (the addresses are below). */
const METADATA_NAMES = [
  'metadata.google.internal',
  'metadata.goog',
  'metadata.tencentyun.com',
  'instance-data.ec2.internal',
  'metadata.platformequinix.com',
  'metadata.packet.net',
];

/** Services whose names resolve to the address they spell (DNS rebinding helpers). */
const ADDRESS_SERVICES = [
  'nip.io',
  'sslip.io',
  'xip.io',
  'nip.direct',
  'traefik.me',
  'localtest.me',
  'lvh.me',
  'vcap.me',
  'lacolhost.com',
  'localho.st',
  'rbndr.us',
  '1u.ms',
];

const METADATA_V4 = ['169.254.0.0/16', '100.100.100.200/32'];
const METADATA_V6 = ['fd00:ec2::254/128', 'fe80::/10'];

const under = (name: string, suffix: string): boolean => name === suffix || name.endsWith(`.${suffix}`);
/** A decimal number 0–255, leading zeros too (resolvers of such services read `010` as 10). */
const octet = (s: string): boolean => /^[0-9]{1,3}$/.test(s) && Number(s) <= 255;

/** The problem of an IP literal (`1.2.3.4`, `[::1]`, `::1`), or undefined when `host` is not one. */
function addressProblem(host: string): EgressHostProblem | undefined {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (!ipaddr.isValid(bare)) return undefined;
  const ip = ipaddr.parse(bare);
  const ranges = ip.kind() === 'ipv4' ? METADATA_V4 : METADATA_V6;
  const metadata = ranges.some((r) => {
    const [net, bits] = ipaddr.parseCIDR(r);
    return ip.kind() === net.kind() && ip.match(net, bits);
  });
  return { kind: metadata ? 'metadata' : 'address', part: bare };
}

/** An IPv4 address spelt inside the name: four numeric labels in a row, or four numeric parts in a row of a dashed label. */
function encodedAddress(labels: readonly string[]): string | undefined {
  const four = (parts: readonly string[]): string | undefined => {
    for (let i = 0; i + 4 <= parts.length; i++)
      if (parts.slice(i, i + 4).every(octet))
        return parts
          .slice(i, i + 4)
          .map(Number)
          .join('.');
    return undefined;
  };
  return four(labels) ?? labels.map((l) => four(l.split('-'))).find((a) => a !== undefined);
}

/** Why `host` (a name, `*.suffix`, or an address) may not be an egress allow-list entry; undefined when it may. */
export function egressHostProblem(host: string): EgressHostProblem | undefined {
  const address = addressProblem(host);
  if (address) return address;
  const name = host.toLowerCase().replace(/\.$/, '');
  const wildcard = name.startsWith('*.');
  const suffix = wildcard ? name.slice(2) : name;
  const labels = suffix.split('.');
  const meta = METADATA_NAMES.find((m) => under(m, suffix) || (wildcard && m.endsWith(`.${suffix}`)));
  if (meta) return { kind: 'metadata', part: meta };
  const tld = labels[labels.length - 1];
  if (labels.length < 2 || INTERNAL_TLDS.has(tld)) return { kind: 'internal', part: labels.length < 2 ? suffix : `.${tld}` };
  if (labels.slice(0, -1).includes('svc')) return { kind: 'internal', part: '.svc.' };
  const service = ADDRESS_SERVICES.find((s) => under(suffix, s));
  if (service) return { kind: 'encoded', part: service };
  const spelt = encodedAddress(labels);
  if (spelt) return { kind: 'encoded', part: spelt };
  return undefined;
}

/** Second-level suffixes shared by many owners: a wildcard under one of them allows a whole registry of names. */
const PUBLIC_SUFFIXES = new Set([
  ...['com', 'net', 'org', 'gov', 'edu', 'ac', 'mil'].map((s) => `${s}.cn`),
  ...[
    'bj',
    'tj',
    'he',
    'sx',
    'nm',
    'ln',
    'jl',
    'hl',
    'sh',
    'js',
    'zj',
    'ah',
    'fj',
    'jx',
    'sd',
    'ha',
    'hb',
    'hn',
    'gd',
    'gx',
    'hi',
    'cq',
    'sc',
    'gz',
    'yn',
    'xz',
    'sn',
    'gs',
    'qh',
    'nx',
    'xj',
  ].map((s) => `${s}.cn`),
  'com.hk',
  'gov.hk',
  'com.mo',
  'com.tw',
  'co.uk',
  'gov.uk',
  'com.au',
  'co.jp',
]);

/** A wildcard that covers a top-level domain or a shared suffix (`*.cn`, `*.com.cn`, `*.gov.cn`): refused even when the platform lists it. */
export function wildcardTooBroad(host: string): boolean {
  const suffix = host.replace(/^\*\./, '');
  return suffix.split('.').length < 2 || PUBLIC_SUFFIXES.has(suffix);
}

/** `*.suffix` covers `name` (a name under suffix, or another wildcard under it). */
export function wildcardCovers(wildcard: string, name: string): boolean {
  if (!wildcard.startsWith('*.') || wildcard === name) return false;
  const suffix = wildcard.slice(2);
  const other = name.replace(/^\*\./, '');
  return other === suffix || other.endsWith(`.${suffix}`);
}
