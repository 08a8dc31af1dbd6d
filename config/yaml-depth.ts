/**
 * How deeply a YAML text nests, found without recursion: both YAML parsers (js-yaml, and the
 * positioned document of eemeli/yaml) build nested values recursively and overflow the JavaScript
 * stack on a few kilobytes of `[[[[…`. A request file nests about five levels; any text nested
 * deeper than MAX_YAML_DEPTH is refused before either parser sees it.
 */
import { Document, isAlias, isMap, isNode, isSeq, Lexer, Node, Parser } from 'yaml';

/** Deepest nesting of mappings and lists accepted in a file (the top-level mapping is level 1). */
export const MAX_YAML_DEPTH = 64;

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * A quick upper bound of the nesting: every flow collection opens with `[` or `{`; block
 * collections still open at a line are indented less than it (a list may share its key's
 * indent), and those the line opens need an indicator (`-`, `?`, `:`) on it.
 */
function upperBound(text: string): number {
  let openers = 0;
  let block = 0;
  let indent = 0;
  let indicators = 0;
  let atStart = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10) {
      block = Math.max(block, 2 * (indent + 1) + indicators);
      indent = 0;
      indicators = 0;
      atStart = true;
      continue;
    }
    if (atStart && (c === 32 || c === 9)) {
      indent++;
      continue;
    }
    atStart = false;
    if (c === 91 || c === 123)
      openers++; // [ {
    else if (c === 45 || c === 58 || c === 63) indicators++; // - : ?
  }
  return openers + block;
}

/**
 * The offset where the text first nests deeper than `limit` levels, or undefined. The token
 * parser of eemeli/yaml keeps its open collections on an explicit stack; it is driven one token at
 * a time and stopped as soon as that stack passes the limit.
 */
export function depthExceededAt(text: string, limit: number = MAX_YAML_DEPTH): number | undefined {
  if (upperBound(text) <= limit) return undefined;
  const parser = new Parser();
  try {
    for (const lexeme of new Lexer().lex(text)) {
      for (const token of parser.next(lexeme)) void token;
      if (parser.stack.length <= limit) continue;
      let depth = 0;
      for (const open of parser.stack) {
        if (!COLLECTIONS.has(open.type)) continue;
        depth++;
        if (depth > limit) return open.offset;
      }
    }
  } catch (e) {
    // the lexer itself recurses on some texts (`a: - - - - …` on one line): its stack overflowing
    // means a nesting far past the limit, refused where the quick bound passes it
    if (e instanceof RangeError) return boundExceededAt(text, limit);
    throw e;
  }
  return undefined;
}

/** Where `upperBound` first passes `limit`, counted the same way (the start of the text if never). */
function boundExceededAt(text: string, limit: number): number {
  let openers = 0;
  let indent = 0;
  let indicators = 0;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      indent = 0;
      indicators = 0;
      atStart = true;
      continue;
    }
    if (atStart && (c === 32 || c === 9)) {
      indent++;
      continue;
    }
    atStart = false;
    if (c === 91 || c === 123) openers++;
    else if (c === 45 || c === 58 || c === 63) indicators++;
    if (openers + 2 * (indent + 1) + indicators > limit) return i;
  }
  return 0;
}

export type AliasDepthProblem = { readonly kind: 'deep' | 'cycle'; readonly offset: number };

interface Step {
  readonly node: Node;
  /** Where the step is written: the alias that leads to the node, or the node itself. */
  readonly at: number;
}

const isCollection = (n: Node): boolean => isMap(n) || isSeq(n);

function steps(doc: Document.Parsed, node: Node): Step[] {
  const nodes: unknown[] = isMap(node) ? node.items.flatMap((p) => [p.key, p.value]) : isSeq(node) ? node.items : [];
  const out: Step[] = [];
  for (const n of nodes) {
    if (isAlias(n)) {
      const target = n.resolve(doc);
      if (target) out.push({ node: target, at: n.range?.[0] ?? 0 });
    } else if (isNode(n)) out.push({ node: n, at: n.range?.[0] ?? 0 });
  }
  return out;
}

/**
 * The nesting of a document once its aliases are expanded: an alias repeats a value where it
 * stands, so a text within the limit may expand deeper, or without end (`a: &a [*a]`). Walked
 * with an explicit stack; the height below each node is kept, so a value referred to many times is
 * walked once. Returns where the expansion passes the limit or refers to itself.
 */
export function aliasDepthProblem(doc: Document.Parsed, limit: number = MAX_YAML_DEPTH): AliasDepthProblem | undefined {
  const root = doc.contents;
  if (!isNode(root)) return undefined;
  const height = new Map<Node, number>();
  const onPath = new Set<Node>([root]);
  const path: { node: Node; depth: number; next: Step[]; i: number }[] = [{ node: root, depth: isCollection(root) ? 1 : 0, next: steps(doc, root), i: 0 }];
  while (path.length > 0) {
    const top = path[path.length - 1];
    if (top.i < top.next.length) {
      const step = top.next[top.i++];
      const below = height.get(step.node);
      if (below !== undefined) {
        if (top.depth + below > limit) return { kind: 'deep', offset: step.at };
        continue;
      }
      if (onPath.has(step.node)) return { kind: 'cycle', offset: step.at };
      const depth = top.depth + (isCollection(step.node) ? 1 : 0);
      if (depth > limit) return { kind: 'deep', offset: step.at };
      onPath.add(step.node);
      path.push({ node: step.node, depth, next: steps(doc, step.node), i: 0 });
      continue;
    }
    path.pop();
    onPath.delete(top.node);
    height.set(top.node, (isCollection(top.node) ? 1 : 0) + Math.max(0, ...top.next.map((s) => height.get(s.node) ?? 0)));
  }
  return undefined;
}
