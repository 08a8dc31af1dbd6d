/**
 * Where each value and key of a YAML text starts, recorded while js-yaml reads it (its `listener`
 * reports every node as it opens and closes), so that a position costs no second parse. The index
 * is only trusted when it reads back exactly the data js-yaml returned; otherwise `build` returns
 * undefined and positions come from the careful parser (config/source.ts).
 */
import type { PathSegment } from './source';

interface Node {
  /** Offset where js-yaml started the node (before the white space and comments that precede it). */
  readonly open: number;
  result?: unknown;
  kind?: string;
  readonly children: Node[];
}

export interface YamlIndex {
  /** Offset of the value (or, with `key`, of the key) at the end of the path, if the text holds it. */
  offset(path: readonly PathSegment[], key?: boolean): number | undefined;
  /** 1-based line and column of an offset. */
  linePos(offset: number): { line: number; col: number };
}

const SEP = '\u0000';
const keyOf = (path: readonly PathSegment[]) => path.join(SEP);

/** Collects js-yaml's node events; `build` turns them into an index once the load has finished. */
export class YamlIndexer {
  private readonly stack: Node[] = [{ open: 0, children: [] }];

  readonly listener = (event: 'open' | 'close', state: { position: number; result: unknown; kind: string | null }): void => {
    if (event === 'open') {
      this.stack.push({ open: state.position, children: [] });
    } else {
      const node = this.stack.pop();
      if (!node) return;
      node.result = state.result;
      node.kind = state.kind ?? undefined;
      this.stack[this.stack.length - 1]?.children.push(node);
    }
  };

  /** The index of the text js-yaml read into `data`, or undefined when the events do not read back as `data`. */
  build(text: string, data: unknown): YamlIndex | undefined {
    const root = this.stack[0]?.children[0];
    if (this.stack.length !== 1 || !root || root.result !== data) return undefined;
    const values = new Map<string, number>();
    const keys = new Map<string, number>();
    const start = (n: Node) => (n.result === null ? nullStart(text, n.open) : skipToNode(text, n.open));
    const walk = (outer: Node, path: PathSegment[]): boolean => {
      values.set(keyOf(path), start(outer));
      // js-yaml wraps the item of a compact nested sequence (`- - x`) in a node with the same result
      let n = outer;
      while (n.children.length === 1 && n.children[0].result === n.result) n = n.children[0];
      const r = n.result;
      if (Array.isArray(r)) {
        if (n.children.length !== r.length) return false;
        return n.children.every((c, i) => c.result === r[i] && walk(c, [...path, i]));
      }
      if (r !== null && typeof r === 'object') {
        const names = Object.keys(r);
        if (n.children.length !== names.length * 2) return false;
        for (let i = 0; i < n.children.length; i += 2) {
          const k = n.children[i];
          const v = n.children[i + 1];
          if (typeof k.result !== 'string' || names[i / 2] !== k.result || (r as Record<string, unknown>)[k.result] !== v.result) return false;
          const p = [...path, k.result];
          keys.set(keyOf(p), start(k));
          if (!walk(v, p)) return false;
        }
        return true;
      }
      return n.children.length === 0;
    };
    if (!walk(root, [])) return undefined;
    let lineStarts: number[] | undefined;
    return {
      offset: (path, key) => (key === true ? keys.get(keyOf(path)) : values.get(keyOf(path))),
      linePos: (offset) => {
        if (!lineStarts) {
          lineStarts = [0];
          for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
        }
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (lineStarts[mid] <= offset) lo = mid;
          else hi = mid - 1;
        }
        return { line: lo + 1, col: offset - lineStarts[lo] + 1 };
      },
    };
  }
}

/** Skips the white space, line breaks, comments and document marker js-yaml passes over before a node starts. */
function skipToNode(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 && (i === 0 || /\s/.test(text[i - 1]))) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return text.length;
      i = nl + 1;
    } else if (c === 45 && text.startsWith('---', i) && (i === 0 || text[i - 1] === '\n') && /[\s]/.test(text[i + 3] ?? ' ')) i += 3;
    else return i;
  }
}

/** An empty value (`key:` and nothing) starts where js-yaml opened it; a written null (`~`, `null`) where it is written. */
function nullStart(text: string, from: number): number {
  const at = skipToNode(text, from);
  return /^(~|null|Null|NULL)(?![^\s,\]}])/.test(text.slice(at, at + 5)) ? at : from;
}
