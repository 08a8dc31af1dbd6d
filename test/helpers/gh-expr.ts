/**
 * The part of GitHub Actions' expression language the CI template uses, evaluated the way the
 * runner does: `!`, `&&`, `||` (short-circuit, returning an operand), `==` / `!=` (null equals
 * null, strings compare case-insensitively), parentheses, string / number / boolean / null
 * literals, property and index access (a missing one is null), and the functions fromJSON,
 * success, failure, cancelled and always. Anything else throws, so a template using more fails
 * here instead of being guessed.
 */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

export interface Status {
  /** Results of the jobs the job needs, for success() and failure(). */
  readonly needs: readonly string[];
}

const TOKEN = /\s*(?:(\|\||&&|==|!=|[!()[\].,])|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)(?![\w-])|([A-Za-z_][\w-]*))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`cannot read expression at ${at}: ${src.slice(at, at + 30)}`);
    out.push(m[1] ?? (m[2] !== undefined ? `'${m[2]}` : m[3] !== undefined ? `#${m[3]}` : `@${m[4]}`));
  }
  return out;
}

const truthy = (v: Value): boolean => !(v === null || v === false || v === 0 || v === '');

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

type Node =
  | { readonly k: 'lit'; readonly v: Value }
  | { readonly k: 'ctx'; readonly name: string }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Node[] }
  | { readonly k: 'get'; readonly of: Node; readonly key: Node }
  | { readonly k: 'not'; readonly of: Node }
  | { readonly k: 'op'; readonly op: string; readonly a: Node; readonly b: Node };

function parseExpression(src: string): Node {
  const t = tokenize(src);
  let i = 0;
  const peek = () => t[i];
  const take = (want?: string) => {
    const x = t[i++];
    if (x === undefined || (want !== undefined && x !== want)) throw new Error(`expected ${want ?? 'more'} at token ${i} of ${src}, got ${x}`);
    return x;
  };
  const primary = (): Node => {
    const x = take();
    let n: Node;
    if (x === '(') {
      n = or();
      take(')');
    } else if (x.startsWith("'")) n = { k: 'lit', v: x.slice(1).replace(/''/g, "'") };
    else if (x.startsWith('#')) n = { k: 'lit', v: Number(x.slice(1)) };
    else if (!x.startsWith('@')) throw new Error(`unexpected ${x} in ${src}`);
    else {
      const name = x.slice(1);
      if (name === 'null') n = { k: 'lit', v: null };
      else if (name === 'true' || name === 'false') n = { k: 'lit', v: name === 'true' };
      else if (peek() === '(') {
        take('(');
        const args: Node[] = [];
        while (peek() !== ')') {
          args.push(or());
          if (peek() === ',') take(',');
        }
        take(')');
        n = { k: 'call', name: name.toLowerCase(), args };
      } else n = { k: 'ctx', name };
    }
    for (;;) {
      if (peek() === '.') {
        take('.');
        n = { k: 'get', of: n, key: { k: 'lit', v: take().slice(1) } };
      } else if (peek() === '[') {
        take('[');
        const key = or();
        take(']');
        n = { k: 'get', of: n, key };
      } else return n;
    }
  };
  const compare = (): Node => {
    const a = primary();
    if (peek() === '==' || peek() === '!=') return { k: 'op', op: take(), a, b: primary() };
    return a;
  };
  const not = (): Node => {
    if (peek() !== '!') return compare();
    take('!');
    return { k: 'not', of: not() };
  };
  const and = (): Node => {
    let n = not();
    while (peek() === '&&') n = { k: 'op', op: take(), a: n, b: not() };
    return n;
  };
  const or = (): Node => {
    let n = and();
    while (peek() === '||') n = { k: 'op', op: take(), a: n, b: and() };
    return n;
  };
  const n = or();
  if (i !== t.length) throw new Error(`unexpected ${t[i]} in ${src}`);
  return n;
}

/** Evaluates one expression (without `${{ }}`) against a context such as `{ github, needs, matrix }`. */
export function evaluate(src: string, context: Record<string, Value>, status: Status = { needs: [] }): Value {
  const results = () => status.needs.map((n) => (context.needs as Record<string, { result: string }>)[n].result);
  const run = (n: Node): Value => {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'ctx':
        return n.name in context ? context[n.name] : null;
      case 'not':
        return !truthy(run(n.of));
      case 'get': {
        const of = run(n.of);
        const key = run(n.key);
        if (Array.isArray(of)) return typeof key === 'number' ? (of[key] ?? null) : null;
        return of !== null && typeof of === 'object' && Object.prototype.hasOwnProperty.call(of, String(key)) ? of[String(key)] : null;
      }
      case 'op': {
        const a = run(n.a);
        if (n.op === '&&') return truthy(a) ? run(n.b) : a;
        if (n.op === '||') return truthy(a) ? a : run(n.b);
        return n.op === '==' ? equal(a, run(n.b)) : !equal(a, run(n.b));
      }
      case 'call':
        if (n.name === 'fromjson') return JSON.parse(String(run(n.args[0]))) as Value;
        if (n.name === 'success') return results().every((r) => r === 'success');
        if (n.name === 'failure') return results().some((r) => r === 'failure');
        if (n.name === 'cancelled') return false;
        if (n.name === 'always') return true;
        throw new Error(`function ${n.name} is not supported here`);
    }
  };
  return run(parseExpression(src));
}

/** Whether a job-level `if:` lets the job run: without a status function, GitHub adds `success() &&`. */
export function jobRuns(condition: string | undefined, context: Record<string, Value>, status: Status): boolean {
  const src = condition ?? 'success()';
  const withStatus = /\b(success|failure|cancelled|always)\s*\(/.test(src) ? src : `success() && (${src})`;
  return truthy(evaluate(withStatus, context, status));
}

/** The value of a whole-string `${{ … }}` (a matrix, an output), or the string itself. */
export function interpolate(value: string, context: Record<string, Value>): Value {
  const m = /^\$\{\{\s*([\s\S]*?)\s*\}\}$/.exec(value.trim());
  if (m) return evaluate(m[1], context);
  return value.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_, e: string) => String(evaluate(e, context)));
}
