/**
 * Property-based fuzzing of the allow-lists with boundaries and of stack names (issue 21), on the
 * pure checks (fast: no files, no process): any IPv4 address spelt into a host name in the forms
 * nip.io-style services answer is refused; every metadata address is; a registry entry never admits
 * a host it is only a prefix of; two county/department pairs are refused exactly when their stack
 * names meet on a cluster.
 */
import * as fc from 'fast-check';
import { egressHostProblem } from '../../config/egress-host';
import { fromRegistry } from '../../config/checks/images';
import { checkStackNames } from '../../config/checks/stack-names';
import { CheckContext } from '../../config/checks/context';
import { LoadedTenant } from '../../config/load';
import { parseYamlText } from '../../config/source';
import { departmentStackName } from '../../config/stack-names';
import { params, runs } from './support/params';

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet);
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const domain = fc.array(label, { minLength: 1, maxLength: 3 }).map((ls) => `${ls.join('.')}.cn`);

describe('fuzz: allow-lists with boundaries', () => {
  it('refuses every host that spells an IPv4 address (dotted, dashed, under an address service)', () => {
    fc.assert(
      fc.property(ipv4, fc.option(label, { nil: undefined }), domain, fc.constantFrom('dotted', 'dashed', 'service'), (ip, prefix, d, form) => {
        const dotted = ip.join('.');
        const host =
          form === 'dotted'
            ? `${prefix ? `${prefix}.` : ''}${dotted}.${d}`
            : form === 'dashed'
              ? `${prefix ? `${prefix}-` : ''}${ip.join('-')}.${d}`
              : `${prefix ? `${prefix}.` : ''}${ip.map((o) => o.toString(16).padStart(2, '0')).join('')}.nip.io`;
        expect([host, egressHostProblem(host)?.kind]).toEqual([host, 'encoded']);
      }),
      params(runs(300, 1)),
    );
  });

  it('calls every address of 169.254.0.0/16 a metadata endpoint, every other address an address', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4, fc.tuple(fc.constant(169), fc.constant(254), octet, octet), fc.constant([100, 100, 100, 200])), (ip) => {
        const host = ip.join('.');
        const linkLocal = ip[0] === 169 && ip[1] === 254;
        const alibaba = host === '100.100.100.200';
        expect([host, egressHostProblem(host)?.kind]).toEqual([host, linkLocal || alibaba ? 'metadata' : 'address']);
      }),
      params(runs(300, 1)),
    );
  });

  it('never admits a look-alike host: an entry is a prefix only up to "/"', () => {
    fc.assert(
      fc.property(
        domain,
        fc.option(label, { nil: undefined }),
        fc.boolean(),
        fc.constantFrom('.', '-', ':5000', 'x', ''),
        label,
        (host, dir, slash, glue, rest) => {
          const entry = `${host}${dir ? `/${dir}` : ''}${slash ? '/' : ''}`;
          const base = entry.replace(/\/$/, '');
          expect(fromRegistry(`${base}/${rest}:1`, entry)).toBe(true);
          if (glue !== '') expect(fromRegistry(`${base}${glue}${rest}/app:1`, entry)).toBe(false);
          expect(fromRegistry(base, entry)).toBe(false);
        },
      ),
      params(runs(300, 1)),
    );
  });
});

/** A request as the loader gives it: only what the stack-name check reads. */
function tenant(county: string, department: string, name: string): LoadedTenant {
  const file = `tenants/${county}/${name}.yaml`;
  const text = `metadata:\n  name: ${name}\n  county: ${county}\n  department: ${department}\n`;
  const { source } = parseYamlText(file, text, 'TenantRequest');
  return { source: source!, data: { metadata: { name, county, department } }, folder: county, basename: name } as unknown as LoadedTenant;
}

describe('fuzz: stack names', () => {
  const part = fc.array(fc.constantFrom('a', 'b', 'ab'), { minLength: 1, maxLength: 3 }).map((xs) => xs.join('-'));
  it('refuses two county/department pairs exactly when their stack names meet on some cluster', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part), { minLength: 1, maxLength: 5 }), fc.uniqueArray(part, { minLength: 1, maxLength: 3 }), (pairs, clusters) => {
        const tenants = pairs.map(([c, d], i) => tenant(c, d, `t${i}`));
        const ctx = {
          platform: { data: { spec: { clusters: clusters.map((name) => ({ name })) } } },
          tenants,
          fileRefs: new Set<string>(),
        } as unknown as CheckContext;
        const refused = new Set(checkStackNames(ctx).map((i) => i.file));
        const distinct = [...new Map(pairs.map(([c, d]) => [`${c} ${d}`, [c, d] as const])).values()];
        const names = (c: string, d: string) => clusters.map((k) => departmentStackName(c, d, k));
        const clashing = new Set<string>();
        for (const [c, d] of distinct)
          for (const [c2, d2] of distinct) if ((c !== c2 || d !== d2) && names(c, d).some((n) => names(c2, d2).includes(n))) clashing.add(`${c} ${d}`);
        const expected = new Set(pairs.flatMap(([c, d], i) => (clashing.has(`${c} ${d}`) ? [`tenants/${c}/t${i}.yaml`] : [])));
        expect([...refused].sort()).toEqual([...expected].sort());
      }),
      params(runs(300, 1)),
    );
  });
});
