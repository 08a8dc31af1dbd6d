/**
 * Values the generators put into request and platform files: plausible ones (so that many cases
 * stay valid and reach synth), odd scalars, unicode look-alikes, hidden characters, identifiers of
 * the intranet (for the isolation property) and credential-shaped strings (for the leak property).
 */
import * as fc from 'fast-check';

/** A value for a YAML node: `plain` is written through the YAML library (quoted as needed); `raw` is written as is. */
export type Value = { readonly plain: string | number | boolean | null } | { readonly raw: string };

/** Identifiers of the base fixture's intranet: its tenant, namespace, cluster, stacks and range. */
export const INTRANET_WORDS: readonly string[] = [
  'case-files',
  'case-files-prod',
  'CASE-FILES',
  'Case-Files-Prod.svc',
  'ｃａｓｅ－ｆｉｌｅｓ', // full-width: NFKC folds it to case-files
  'int-main',
  'INT-MAIN',
  'county-south-int-main',
  'platform-int-main',
  '172.16.0.0/16',
  '172.16.3.4',
  'a.172.16.3.4.nip.io',
  '172.16.200.0/24',
];

/** Names of the base fixture, so that mutations often point at things that exist. */
const NAMES = ['portal', 'relief', 'case-files', 'exchange-hub', 'north', 'south', 'ext-main', 'ext-twin', 'ext-far', 'int-main', 'main', 'twin', 'far', 'general', 'xc'];

const PLAUSIBLE: readonly (string | number | boolean)[] = [
  'extranet', 'intranet', 'public-service', 'administrative', 'exchange', 'classified', 'unclassified',
  'none', 'backup', 'hot-standby', 'active-active', 'prod', 'test', 'staging', 'dev', 'primary', 'same-city', 'remote',
  'domestic', 'general', 1, 2, 3, 4, 5, 0, true, false, '1', '2', '500m', '0.5', '2Gi', '64Gi', '1Ti', '0', '0Gi', 16, 443, 8443, 65536,
  'internet', 'tenant/north/relief', 'tenant/south/case-files', 'tenant/north/portal', 'tenant/nowhere/x', 'api.example.cn', '*.example.cn',
  '10.20.0.0/16', '10.20.0.5/16', '172.16.0.0/16', '172.16.0.0/12', '10.99.0.0/24', '0.0.0.0/0', '2026-10-01', '2027-02-30', '2099-01-01',
  'XM-2026-0001', 'TODO', 'system:authenticated', 'system:masters', 'grp-ops', 'MLPS-DATA-003', 'MLPS-NET-001', 'MLPS-XXX-999',
  ...NAMES,
];

/** YAML tokens a parser may read as something other than what they look like. */
const RAW: readonly string[] = [
  '1e400', '-1e400', '99999999999999999999999999999', '9007199254740993', '-0', '0x1F', '0o17', '0b101', '.inf', '-.inf', '.nan',
  'NaN', 'Infinity', '~', 'null', 'Null', 'yes', 'no', 'on', 'off', 'y', "''", '""', '[]', '{}', '2026-10-01T00:00:00Z', '12:30:00',
  '1_000', '+3', '3.0', '03', '!!str 3', '!!int "3"', '!!float 1', '!!binary aGVsbG8=', '!!timestamp 2026-10-01', '!!set {a, b}',
  '!!omap [a: 1]', '!Ref tenant', '!Sub "${AWS::Region}"', '!!python/object:os.system x', '!GetAtt a.b', '!<tag:example.com,2026:x> 1',
  '"\\uD800"', '"\\x00"', '"\\0"', '"\\e"', '"\\N"', '"\\u202Eevil"', '|\n  multi\n  line', '>-\n  folded\n  text',
  '&a 1', '*undefined_alias', '? complex\n: key', '[a, [b, [c]]]', '{a: {b: {c: 1}}}', '"unterminated', "'it''s'", '#comment',
];

/** Strings that look like a known value but are not (or are, once folded), and hidden characters. */
const ODD_STRINGS: readonly string[] = [
  'ｅｘｔｒａｎｅｔ', 'еxtranet' /* Cyrillic е */, 'ext\u200Branet', 'extranet ', ' extranet', 'Extranet', 'EXTRANET', 'ｐｒｏｄ',
  'relief\u202E', '\u202Efeiler', 'a\u2066b\u2069', 'x\u200Fy', 'tab\there', 'bell\u0007', 'nul\u0000byte', 'del\u007F', 'c1\u0085',
  'line\nbreak', 'cr\rreturn', '\uFEFFbom', '\uFFFD', '𝕖𝕩𝕥𝕣𝕒𝕟𝕖𝕥', '🏛️政务云', '测试\u0301', 'İstanbul', 'ß', 'ﬁle', '__proto__', 'constructor',
  'toString', 'hasOwnProperty', '${jndi:ldap://x}', '{{ .Values.x }}', '$(rm -rf /)', '`id`', '<script>alert(1)</script>', '../../etc/passwd',
  '%s%s%n', '\\', '"', "'", '', ' ', '#', '- ', ': ', '&', '*', '!', '|', '>', '%', '@', '`', '0', '-1', 'NaN', 'undefined', 'null',
];

/** Keys to add or rename to: unknown ones, look-alikes of known ones, object-prototype names, a merge key. */
export const ODD_KEYS: readonly string[] = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '<<', '', ' ', 'mlps_level', 'mlpsLevel ',
  'ｍｌｐｓLevel', 'MlpsLevel', 'spec', 'metadata', 'kind', 'apiVersion', 'network', 'zone', 'quota', 'flows', 'admins', 'waivers',
  'decommission', 'placement', 'dr', 'exposure', 'extra', 'x-extension', '0', '1.5', 'true', 'null', '~', '中文键', 'key\u202E',
];

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/**
 * A JSON Web Token of a random header, payload and signature, as a service-account token would look;
 * short ones too (`alg: none`, a few bytes of payload), so that length limits do not refuse them all.
 */
export const jwt: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.constant({ alg: 'none' }), fc.constant({ alg: 'HS256' }), fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split('')) }).map((kid) => ({ alg: 'RS256', kid }))),
    fc.uint8Array({ minLength: 3, maxLength: 60 }),
    fc.uint8Array({ minLength: 0, maxLength: 40 }),
  )
  .map(([header, payload, sig]) => `${base64url(Buffer.from(JSON.stringify(header)))}.${base64url(payload)}.${base64url(sig)}`)
  // the JWT shape needs four characters in each of the first two parts
  .filter((t) => /^eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\./.test(t));

/** A long string, sometimes past the schemas' maximum lengths. */
const longString = fc.tuple(fc.constantFrom('a', 'é', '测', '-', ' ', '\u202E'), fc.integer({ min: 40, max: 20000 })).map(([c, n]) => c.repeat(n));

const hugeNumber = fc.oneof(fc.double(), fc.constantFrom(Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, 1e21, 2 ** 53, -0, 0.1 + 0.2));

export const value: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PLAUSIBLE).map((plain) => ({ plain })) },
  { weight: 3, arbitrary: fc.constantFrom(...RAW).map((raw) => ({ raw })) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS).map((plain) => ({ plain })) },
  { weight: 1, arbitrary: fc.constantFrom(...INTRANET_WORDS).map((plain) => ({ plain })) },
  { weight: 1, arbitrary: hugeNumber.map((plain) => ({ plain })) },
  { weight: 1, arbitrary: fc.integer().map((plain) => ({ plain })) },
  { weight: 1, arbitrary: longString.map((plain) => ({ plain })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }).map((plain) => ({ plain })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }).map((plain) => ({ plain })) },
  { weight: 1, arbitrary: fc.constant({ plain: null }) },
);

/** A value that keeps most files valid: plausible words and numbers, intranet identifiers, look-alikes. */
export const tameValue: fc.Arbitrary<Value> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PLAUSIBLE).map((plain) => ({ plain })) },
  { weight: 2, arbitrary: fc.constantFrom(...INTRANET_WORDS).map((plain) => ({ plain })) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_STRINGS).map((plain) => ({ plain })) },
);

/** Text to write into a free-text field (display names, references, reasons). */
export const embedText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INTRANET_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme-ascii' }) },
);
