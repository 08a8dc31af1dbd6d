/**
 * Mutations of a valid YAML file, as plain data (so that fast-check prints and shrinks them), and
 * their application: first on the document (values, keys, nesting, anchors and aliases, tags), then
 * on the text and bytes (duplicate lines, stray bytes, other encodings, truncation, size).
 */
import * as fc from 'fast-check';
import { Alias, Document, isMap, isScalar, isSeq, Node, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { embedText, jwt, ODD_KEYS, tameValue, Value, value } from './values';

export type DocOp =
  | { readonly op: 'set'; readonly pick: number; readonly value: Value }
  | { readonly op: 'delete'; readonly pick: number }
  | { readonly op: 'renameKey'; readonly pick: number; readonly key: string }
  | { readonly op: 'addKey'; readonly pick: number; readonly key: string; readonly value: Value }
  | { readonly op: 'duplicateKey'; readonly pick: number }
  | { readonly op: 'deep'; readonly pick: number; readonly depth: number; readonly flow: boolean; readonly seq: boolean }
  | { readonly op: 'alias'; readonly from: number; readonly to: number }
  | { readonly op: 'tag'; readonly pick: number; readonly tag: string }
  | {
      readonly op: 'embed';
      readonly pick: number;
      readonly text: string;
      readonly mode: 'replace' | 'prefix' | 'suffix';
      readonly sep?: string;
      /** `names`: only fields that name things or carry free text into the stacks (ISOLATION_FIELDS). */
      readonly only?: 'names';
    };

export type TextOp =
  | { readonly op: 'dupLine'; readonly pick: number }
  | { readonly op: 'dropLine'; readonly pick: number }
  | { readonly op: 'bytes'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly op: 'gbk'; readonly at: number; readonly pairs: readonly number[] }
  | { readonly op: 'encode'; readonly encoding: 'latin1' | 'utf16le' | 'utf16be-bom' | 'utf8-bom' }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'crlf' }
  | { readonly op: 'tabs' }
  | { readonly op: 'multiDoc'; readonly second: 'copy' | 'empty' | 'scalar' }
  | { readonly op: 'deepText'; readonly depth: number; readonly flow: boolean }
  | { readonly op: 'laughs'; readonly levels: number; readonly width: number }
  | { readonly op: 'pad'; readonly around: number };

/** The credential, if any, the case writes into a field: no output may ever contain it. */
export interface Mutation {
  readonly doc: readonly DocOp[];
  readonly text: readonly TextOp[];
  readonly secret?: {
    readonly pick: number;
    readonly token: string;
    readonly mode: 'replace' | 'prefix' | 'suffix';
    /** A request file is first given a decommission approval, whose free text can carry it. */
    readonly carrier: 'field' | 'decommission';
  };
}

const pick = fc.nat({ max: 10_000 });
const TAGS = [
  '!Ref',
  '!Sub',
  '!GetAtt',
  '!!python/object:os.system',
  '!!binary',
  '!!set',
  '!!omap',
  '!!timestamp',
  '!!int',
  '!!str',
  '!!float',
  '!!bool',
  '!!null',
  '!!map',
  '!!seq',
  '!local',
  '!<tag:example.com,2026:x>',
  '!',
];

const mode = fc.constantFrom('replace' as const, 'prefix' as const, 'suffix' as const);

/** Document mutations: `wild` ones break files in every way; tame ones mostly keep them valid. */
export function docOp(wild: boolean): fc.Arbitrary<DocOp> {
  const v = wild ? value : tameValue;
  const common = [
    { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), pick, value: v }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('embed' as const), pick, text: embedText, mode, sep: fc.constantFrom(' ', '-', '.', '') }) },
  ];
  if (!wild) return fc.oneof(...common, { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick }) });
  return fc.oneof(
    ...common,
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('renameKey' as const), pick, key: fc.constantFrom(...ODD_KEYS) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('addKey' as const), pick, key: fc.constantFrom(...ODD_KEYS), value: v }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateKey' as const), pick }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('deep' as const), pick, depth: fc.integer({ min: 2, max: 300 }), flow: fc.boolean(), seq: fc.boolean() }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('alias' as const), from: pick, to: pick }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('tag' as const), pick, tag: fc.constantFrom(...TAGS) }) },
  );
}

export const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dupLine' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dropLine' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('bytes' as const), at: pick, bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('gbk' as const), at: pick, pairs: fc.array(fc.nat({ max: 0xffff }), { minLength: 1, maxLength: 6 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('encode' as const),
      encoding: fc.constantFrom('latin1' as const, 'utf16le' as const, 'utf16be-bom' as const, 'utf8-bom' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: pick }) },
  { weight: 1, arbitrary: fc.constant({ op: 'crlf' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'tabs' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('multiDoc' as const), second: fc.constantFrom('copy' as const, 'empty' as const, 'scalar' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deepText' as const), depth: fc.integer({ min: 30, max: 400 }), flow: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('laughs' as const), levels: fc.integer({ min: 1, max: 9 }), width: fc.integer({ min: 2, max: 9 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('pad' as const), around: fc.integer({ min: -64, max: 64 }) }) },
);

const secret = fc.record({ pick, token: jwt, mode, carrier: fc.constantFrom('field' as const, 'decommission' as const) });

const DECOMMISSION = { approvedBy: '市政务服务数据管理局', ref: 'XM-2026-0999', retainBackupDays: 30 };

/**
 * Fields of the extranet's files that reach its stacks as names or text: where an intranet identifier
 * written by mistake (or on purpose) must make synth refuse.
 */
const ISOLATION_FIELDS =
  /^(metadata\.(displayName|department|approval\.ref)|spec\.admins\[\d+\]|spec\.flows\[\d+\]\.hosts\[\d+\]|spec\.sites\[\d+\]\.(city|displayName)|spec\.registries\[\d+\]|spec\.egress\.namespace)$/;

/** An intranet identifier, alone or inside a group or host name (`grp-case-files-prod-ops`, `case-files.example.cn`). */
const intranetText = (word: string) =>
  fc.constantFrom('%s', 'grp-%s-ops', '%s-ops', 'grp-%s', '%s.example.cn', 'see %s', '%s系统').map((f) => f.replace('%s', word));

/** One intranet identifier written into the names and texts of an extranet file, in several forms. */
export const isolationMutation = (word: string): fc.Arbitrary<Mutation> =>
  fc.record({
    doc: fc.array(
      fc.record({
        op: fc.constant('embed' as const),
        pick,
        text: intranetText(word),
        mode,
        sep: fc.constantFrom(' ', '-', '.'),
        only: fc.constant('names' as const),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    text: fc.constant([]),
  });

/** A wild mutation: anything from one changed value to a file that is not YAML at all. */
export const wildMutation: fc.Arbitrary<Mutation> = fc.record(
  { doc: fc.array(docOp(true), { maxLength: 4 }), text: fc.array(textOp, { maxLength: 2 }), secret: fc.option(secret, { nil: undefined, freq: 3 }) },
  { requiredKeys: ['doc', 'text'] },
);

/** A tame mutation: changed values only, so that the city often stays valid and is synthesized. */
export const tameMutation: fc.Arbitrary<Mutation> = fc.record(
  { doc: fc.array(docOp(false), { maxLength: 3 }), text: fc.constant([]), secret: fc.option(secret, { nil: undefined, freq: 4 }) },
  { requiredKeys: ['doc', 'text'] },
);

interface Slot {
  /** Dotted field path, as the CLI prints it: `spec.flows[1].to`. */
  readonly path: string;
  readonly node: unknown;
  readonly set: (n: unknown) => void;
  readonly remove: () => void;
  readonly pair?: Pair;
}

/** Every value of the document (map values and list items), in document order. */
function slots(doc: Document): Slot[] {
  const out: Slot[] = [];
  const walk = (n: unknown, at: string) => {
    if (isMap(n)) {
      for (const p of n.items) {
        const key = isScalar(p.key) ? String(p.key.value) : '?';
        const path = at === '' ? key : `${at}.${key}`;
        out.push({ path, node: p.value, pair: p, set: (x) => (p.value = x), remove: () => n.items.splice(n.items.indexOf(p), 1) });
        walk(p.value, path);
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => {
        const path = `${at}[${i}]`;
        out.push({
          path,
          node: item,
          set: (x) => (n.items[n.items.indexOf(item) >= 0 ? n.items.indexOf(item) : i] = x),
          remove: () => n.items.splice(n.items.indexOf(item), 1),
        });
        walk(item, path);
      });
    }
  };
  walk(doc.contents, '');
  return out;
}

const RAW_MARK = (i: number) => `fuzzrawplaceholder${i}x`;

function nested(depth: number, flow: boolean, seq: boolean): Node {
  let n: Node = new Scalar('bottom');
  for (let i = 0; i < depth; i++) {
    const c: YAMLSeq | YAMLMap = seq ? new YAMLSeq() : new YAMLMap();
    if (isSeq(c)) c.items.push(n);
    else c.items.push(new Pair(new Scalar(`k${i % 10}`), n));
    c.flow = flow;
    n = c;
  }
  return n;
}

function applyDoc(doc: Document, ops: readonly DocOp[], raws: string[], only?: (path: string) => boolean): void {
  const node = (v: Value): unknown => {
    if ('raw' in v) {
      raws.push(v.raw);
      return new Scalar(RAW_MARK(raws.length - 1));
    }
    return v.plain === null ? new Scalar(null) : doc.createNode(v.plain);
  };
  let anchors = 0;
  for (const o of ops) {
    const all = slots(doc);
    if (all.length === 0) return;
    switch (o.op) {
      case 'set':
        all[o.pick % all.length].set(node(o.value));
        break;
      case 'delete':
        all[o.pick % all.length].remove();
        break;
      case 'renameKey': {
        const s = all[o.pick % all.length];
        if (s.pair) s.pair.key = new Scalar(o.key);
        break;
      }
      case 'addKey': {
        const maps = [doc.contents, ...all.map((s) => s.node)].filter(isMap);
        maps[o.pick % maps.length].items.push(new Pair(new Scalar(o.key), node(o.value)));
        break;
      }
      case 'duplicateKey': {
        const pairs = all.filter((s) => s.pair !== undefined);
        const p = pairs[o.pick % pairs.length]?.pair;
        const parent = [doc.contents, ...all.map((s) => s.node)].filter(isMap).find((m) => m.items.includes(p as Pair));
        if (p && parent) parent.items.push(new Pair(p.key, doc.createNode('duplicate')));
        break;
      }
      case 'deep':
        all[o.pick % all.length].set(nested(o.depth, o.flow, o.seq));
        break;
      case 'alias': {
        const from = all[o.from % all.length];
        const to = all[o.to % all.length];
        if (from.node === null || from.node === undefined || from.node instanceof Alias) break;
        const target = from.node as Node & { anchor?: string };
        target.anchor = target.anchor ?? `a${anchors++}`;
        to.set(new Alias(target.anchor));
        break;
      }
      case 'tag': {
        const n = all[o.pick % all.length].node as Node | null;
        if (n && (isScalar(n) || isMap(n) || isSeq(n))) n.tag = o.tag;
        break;
      }
      case 'embed': {
        const strings = all.filter(
          (s) =>
            isScalar(s.node) &&
            typeof s.node.value === 'string' &&
            (only === undefined || only(s.path)) &&
            (o.only === undefined || ISOLATION_FIELDS.test(s.path)),
        );
        if (strings.length === 0) break;
        const s = strings[o.pick % strings.length];
        const old = String((s.node as Scalar).value);
        const sep = o.sep ?? ' ';
        s.set(doc.createNode(o.mode === 'replace' ? o.text : o.mode === 'prefix' ? `${o.text}${sep}${old}` : `${old}${sep}${o.text}`));
        break;
      }
    }
  }
}

function lines(text: string): string[] {
  return text.split('\n');
}

/** GBK-encoded bytes: a lead byte 0x81–0xFE and a trail byte 0x40–0xFE (never valid UTF-8 in pairs). */
const gbkPair = (n: number) => [0x81 + ((n >> 8) % 0x7e), 0x40 + ((n & 0xff) % 0xbf)];

function applyText(buf: Buffer, ops: readonly TextOp[]): Buffer {
  let b = buf;
  for (const o of ops) {
    const text = b.toString('utf8');
    switch (o.op) {
      case 'dupLine': {
        const l = lines(text);
        const i = o.pick % l.length;
        l.splice(i, 0, l[i]);
        b = Buffer.from(l.join('\n'));
        break;
      }
      case 'dropLine': {
        const l = lines(text);
        l.splice(o.pick % l.length, 1);
        b = Buffer.from(l.join('\n'));
        break;
      }
      case 'bytes':
      case 'gbk': {
        const at = o.at % (b.length + 1);
        const ins = o.op === 'bytes' ? Buffer.from(o.bytes) : Buffer.from(o.pairs.flatMap(gbkPair));
        b = Buffer.concat([b.subarray(0, at), ins, b.subarray(at)]);
        break;
      }
      case 'encode':
        if (o.encoding === 'latin1') b = Buffer.from(text.replace(/[^\x00-\xff]/g, 'é'), 'latin1');
        else if (o.encoding === 'utf16le') b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        else if (o.encoding === 'utf16be-bom') b = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
        else b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
        break;
      case 'truncate':
        b = b.subarray(0, o.at % (b.length + 1));
        break;
      case 'crlf':
        b = Buffer.from(text.replace(/\n/g, '\r\n'));
        break;
      case 'tabs':
        b = Buffer.from(text.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)));
        break;
      case 'multiDoc':
        b = Buffer.from(`${text}\n---\n${o.second === 'copy' ? text : o.second === 'scalar' ? 'just a scalar\n' : ''}`);
        break;
      case 'deepText': {
        const body = o.flow
          ? `${'['.repeat(o.depth)}x${']'.repeat(o.depth)}`
          : Array.from({ length: o.depth }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`).join('\n') + ' x';
        b = Buffer.from(`${text.replace(/\n?$/, '\n')}deep:${o.flow ? ' ' : '\n'}${body}\n`);
        break;
      }
      case 'laughs': {
        const defs = [`l0: &l0 [${Array(o.width).fill('"lol"').join(', ')}]`];
        for (let i = 1; i <= o.levels; i++)
          defs.push(
            `l${i}: &l${i} [${Array(o.width)
              .fill(`*l${i - 1}`)
              .join(', ')}]`,
          );
        b = Buffer.from(`${text.replace(/\n?$/, '\n')}${defs.join('\n')}\n`);
        break;
      }
      case 'pad': {
        // a comment that brings the file to the size limit (1 MiB) give or take a few bytes
        const want = 1024 * 1024 + o.around - b.length - 3;
        if (want > 0) b = Buffer.concat([b, Buffer.from(`\n#${'x'.repeat(want)}\n`)]);
        break;
      }
    }
  }
  return b;
}

/**
 * Fields a credential is written into: any string of the file. Validation refuses it wherever it is,
 * and no message, report or synthesized file may print it back.
 */
const SECRET_FIELD = (_path: string): boolean => true;

/** Applies a mutation to a file's text; the bytes to write. */
export function mutate(text: string, m: Mutation, kind: 'Platform' | 'TenantRequest'): Buffer {
  let out = text;
  const raws: string[] = [];
  if (m.doc.length > 0 || m.secret) {
    try {
      const doc = parseDocument(text);
      applyDoc(doc, m.doc, raws);
      const spec = doc.get('spec');
      if (m.secret?.carrier === 'decommission' && kind === 'TenantRequest' && isMap(spec) && !spec.has('decommission'))
        spec.set('decommission', doc.createNode(DECOMMISSION));
      if (m.secret) applyDoc(doc, [{ op: 'embed', pick: m.secret.pick, text: m.secret.token, mode: m.secret.mode }], raws, SECRET_FIELD);
      out = doc.toString({ lineWidth: 0 });
      raws.forEach((r, i) => (out = out.split(RAW_MARK(i)).join(r.includes('\n') ? r.replace(/\n/g, '\n    ') : r)));
    } catch {
      // the YAML library refuses to write some combinations (an alias before its anchor): keep the text
      out = text;
    }
  }
  return applyText(Buffer.from(out), m.text);
}
