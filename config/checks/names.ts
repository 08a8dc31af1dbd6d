/**
 * Tenant names are unique in the city; the file name is the name and the folder is the county; the
 * 项目联审 approval reference is a real one, not the placeholder the scaffold writes.
 */
import { Issue } from '../issues';
import { suggest } from '../suggest';
import { quoted } from '../messages';
import { at, CheckContext } from './context';

/** What the scaffold writes for an approval reference (XM-TODO), or a format's letters (XM-YYYY-NNNN) left in. */
export const REFERENCE_PLACEHOLDER = /TODO|^XM-?X+|YYYY|NNNN/i;

export function checkNames(ctx: CheckContext): Issue[] {
  const out: Issue[] = [];
  const counties = ctx.platform.data.spec.counties.map((c) => c.code);
  const seen = new Map<string, string>();
  for (const t of ctx.tenants) {
    const m = t.data.metadata;
    const first = seen.get(m.name);
    if (first !== undefined) out.push(at(t, ['metadata', 'name'], 'names.duplicate', { value: JSON.stringify(m.name), other: first }));
    else seen.set(m.name, t.source.file);
    if (REFERENCE_PLACEHOLDER.test(m.approval.ref)) {
      out.push(at(t, ['metadata', 'approval', 'ref'], 'approval.placeholder', { value: JSON.stringify(m.approval.ref) }));
    }
    if (m.name !== t.basename) {
      out.push(at(t, ['metadata', 'name'], 'names.fileMismatch', { value: JSON.stringify(m.name), expected: quoted(t.basename) }));
    }
    if (!counties.includes(m.county)) {
      out.push(
        at(t, ['metadata', 'county'], 'ref.unknownCounty', {
          value: JSON.stringify(m.county),
          known: counties.join(', '),
          suggestion: `suggest:${suggest(m.county, counties) ?? ''}`,
        }),
      );
    } else if (m.county !== t.folder) {
      out.push(at(t, ['metadata', 'county'], 'names.folderMismatch', { value: JSON.stringify(m.county), expected: quoted(t.folder) }));
    }
  }
  return out;
}
