/**
 * Strings from requests and platform.yaml as Terraform literals. Terraform reads every string of a
 * JSON configuration as a template: `${…}` is evaluated and `%{…}` is a directive, so a display name
 * such as `衡山县${file("/etc/hostname")}` would run on the runner at plan time. Escaped here, once,
 * Terraform renders exactly the text that was asked for: `$${` gives `${` and `%%{` gives `%{`.
 *
 * govcloud writes no template of its own into these strings: its references (`${var.kube_context}`,
 * one resource's attribute in another) come from cdktf tokens, resolved after the props are built,
 * so escaping every string of the model slice a stack receives leaves them intact.
 */

const TEMPLATE_START = /([$%])\{/g;

/** The Terraform template that renders as `s`: every `${` written `$${`, every `%{` written `%%{`. */
export function terraformLiteral(s: string): string {
  return s.includes('{') ? s.replace(TEMPLATE_START, '$1$1{') : s;
}

/** What Terraform renders for a template holding no interpolation: the inverse of terraformLiteral. */
export function renderedLiteral(s: string): string {
  return s.includes('{') ? s.replace(/([$%])\1\{/g, '$1{') : s;
}

/**
 * `value` with every string in it (object keys included) made a Terraform literal. Copy on write:
 * an object or list none of whose strings change is returned as it is, so a city without template
 * syntax costs one walk and no copy. Only plain objects and lists are walked.
 */
export function literalDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(v: unknown): unknown {
  if (typeof v === 'string') return terraformLiteral(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const w = walk(v[i]);
      if (w !== v[i]) (out ??= v.slice())[i] = w;
    }
    return out ?? v;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  const obj = v as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(obj)) {
    const k = terraformLiteral(key);
    const w = walk(obj[key]);
    if (k === key && w === obj[key]) continue;
    if (!out) {
      out = {};
      for (const k0 of Object.keys(obj)) out[k0] = obj[k0];
    }
    if (k !== key) delete out[key];
    out[k] = w;
  }
  if (!out) return v;
  // keep the key order of the input (a renamed key moved to the end above)
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) {
    const k = terraformLiteral(key);
    ordered[k] = out[k];
  }
  return ordered;
}

/**
 * The text Terraform would show for `s`, as far as a scan can tell without evaluating it: escapes
 * rendered (`$${` as `${`), and each unescaped `${…}` / `%{…}` replaced by the string literals written
 * inside it, joined (`${"case-"}${"files"}` gives `case-files`, as would `join("", ["case-", "files"])`).
 * Names built by functions from pieces that are not literals (format verbs, variables) are not
 * recovered; govcloud writes no such template, and hand-written files are scanned with this.
 */
export function renderedText(s: string): string {
  if (!s.includes('{')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') {
      out += `${c}{`;
      i += 3;
    } else if ((c === '$' || c === '%') && s[i + 1] === '{') {
      const end = closingBrace(s, i + 2);
      out += literalsIn(s.slice(i + 2, end));
      i = end + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index of the `}` closing the expression that starts at `from` (quotes and nesting respected), or the end. */
function closingBrace(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return s.length;
}

function literalsIn(expr: string): string {
  let out = '';
  for (const m of expr.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    try {
      out += JSON.parse(`"${m[1]}"`) as string;
    } catch {
      out += m[1];
    }
  }
  return out;
}
