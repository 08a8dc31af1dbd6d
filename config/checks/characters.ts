/**
 * Text that reaches labels, annotations, reports and pull-request comments carries no control
 * characters and no bidirectional overrides: a right-to-left override (U+202E) makes a reviewer read
 * something other than what is deployed ("Trojan source"). Checked on every string of every file.
 */
import { Issue, issue } from '../issues';
import { fieldPath, locate, PathSegment } from '../source';
import { LoadedFile } from '../load';
import { CheckContext } from './context';

// C0 controls except tab and line breaks, DEL, C1 controls; bidi embeddings, overrides, isolates and marks
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function walk(file: LoadedFile<unknown>, value: unknown, path: PathSegment[], out: Issue[]): void {
  if (typeof value === 'string') {
    const m = HIDDEN.exec(value);
    if (m) {
      const index = [...value.slice(0, m.index)].length + 1;
      out.push(issue('error', locate(file.source, path), fieldPath(path), 'text.hiddenCharacter', { codePoint: codePoint(m[0]), index }));
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(file, v, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(file, v, [...path, k], out);
  }
}

export function checkCharacters(ctx: CheckContext): Issue[] {
  const out: Issue[] = [];
  for (const f of [ctx.platform, ...ctx.tenants] as LoadedFile<unknown>[]) walk(f, f.data, [], out);
  return out;
}
