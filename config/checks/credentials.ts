/**
 * No credential in any field. Whatever a request or the platform file says ends up somewhere that
 * is read: display names and approval references in annotations, a site's city in the cluster-info
 * ConfigMap, waiver reasons in the check reports, every value in the pull-request summary; and a
 * drill record's texts in the reports and the evidence package. A token pasted into any of them is
 * refused at its line, without being printed back.
 */
import { Issue, issue } from '../issues';
import { fieldPath, locate, PathSegment } from '../source';
import { LoadedFile } from '../load';
import { credentialInText } from '../credentials';
import { CheckContext } from './context';

function walk(file: LoadedFile<unknown>, value: unknown, path: PathSegment[], out: Issue[]): void {
  if (typeof value === 'string') {
    const what = credentialInText(value);
    if (what !== undefined) out.push(issue('error', locate(file.source, path), fieldPath(path), 'text.credential', { what: `credential:${what}` }));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(file, v, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(file, v, [...path, k], out);
  }
}

/** Issues per file already screened: a file parsed before (config/source.ts) is screened once. */
const screened = new WeakMap<object, Issue[]>();

export function checkCredentials(ctx: CheckContext): Issue[] {
  return screenCredentials([ctx.platform, ...ctx.tenants] as LoadedFile<unknown>[]);
}

/** The same screen over any positioned files: the drill records, whose every text (a check, a failure, who ran it) is published as evidence. */
export function screenCredentials(files: readonly LoadedFile<unknown>[]): Issue[] {
  const out: Issue[] = [];
  for (const f of files) {
    let found = screened.get(f.source);
    if (!found) {
      found = [];
      walk(f, f.data, [], found);
      screened.set(f.source, found);
    }
    out.push(...found);
  }
  return out;
}
