/**
 * Defects the fuzz suite found and that are not fixed yet (issue 10). Each is a narrow filter on
 * generated cases, so that the suite stays green while the property itself stays whole; remove the
 * filter with the fix.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Entry } from './layout';

const fold = (s: string) => s.normalize('NFKC').toLowerCase();
const CORE = ['case-files', 'int-main'];
/** The base city's intranet names themselves: tenant, namespaces, cluster. */
const WHOLE = /^(case-files(-(prod|staging|test|dev))?|int-main)$/;
const bounded = (s: string, w: string) => {
  for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) {
    if (!/[a-z0-9]/.test(s[i - 1] ?? '') && !/[a-z0-9]/.test(s[i + w.length] ?? '')) return true;
  }
  return false;
};

/** Every string value of a YAML file with its dotted path. */
function values(data: Buffer): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const walk = (n: unknown, at: string) => {
    if (isMap(n)) for (const p of n.items) walk(p.value, at === '' ? String(isScalar(p.key) ? p.key.value : '?') : `${at}.${String(isScalar(p.key) ? p.key.value : '?')}`);
    else if (isSeq(n)) n.items.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (isScalar(n) && typeof n.value === 'string') out.push({ path: at, value: n.value });
  };
  try {
    walk(parseDocument(data.toString('utf8')).contents, '');
  } catch {
    // not YAML: nothing to look at
  }
  return out;
}

const OWN = /^(metadata\.(department|approval\.ref)|spec\.admins\[\d+\])$/;
/** Where the platform declares its clusters: the intranet's own name, not a mention of it. */
const DECLARED = /^spec\.clusters\[\d+\]\.(name|kubeContext)$/;

/**
 * known defect: an intranet name (tenant, namespace or cluster) written on token boundaries into an
 * extranet request's department, admin group or approval reference is afterwards matched by the
 * isolation scan only as a whole string (stacks/isolation.ts treats it as one of the extranet's own
 * words), so the same name anywhere else in the extranet (a display name, a site's city, a flow host)
 * is synthesized without a refusal (issue 10). Reproduce: portal.yaml `approval: { ref: "INT-MAIN
 * XM-2026-0001" }` and platform.yaml site main `city: INT-MAIN 测试市` → synth exits 0 and
 * extranet/stacks/platform-ext-main/cdk.tf.json holds `"siteCity": "INT-MAIN 测试市"`.
 */
export function isolationOwnWordGap(files: ReadonlyMap<string, Entry>): boolean {
  const all = [...files].flatMap(([file, e]) => (e.kind === 'file' ? values(e.data).map((v) => ({ file, ...v, folded: fold(v.value) })) : []));
  const intranetFiles = new Set(all.filter((v) => v.path === 'spec.network' && v.value === 'intranet').map((v) => v.file));
  const own = all.filter((v) => v.file.startsWith('tenants/') && !intranetFiles.has(v.file) && OWN.test(v.path));
  const elsewhere = all.filter((v) => !intranetFiles.has(v.file) && !(v.file.startsWith('tenants/') ? OWN : DECLARED).test(v.path));
  // a field that is exactly an intranet name is still refused (matched as a whole string): no gap
  const hides = (o: { folded: string }, w: string) => bounded(o.folded, w) && !WHOLE.test(o.folded.trim());
  return CORE.some((w) => own.some((o) => hides(o, w)) && elsewhere.some((v) => bounded(v.folded, w)));
}
