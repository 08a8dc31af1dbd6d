/**
 * Every use of cdktf internals, in one place, behind one switch. Nothing else in govcloud reaches
 * past cdktf's public API; a cdktf (or fork) release that moves these internals breaks this file
 * only, and turning the switch off runs the app on the public API alone.
 *
 * The switch: `GOVCLOUD_CDKTF_SHORTCUTS=off` (read once, at first use; `on` or unset: on), or
 * `setCdktfShortcuts(false)` in code. Synth worker processes get the parent's setting.
 *
 * What each shortcut buys (figures at the end of this comment):
 * - Token stack traces. cdktf records a full JavaScript stack trace (Error.stackTraceLimit lifted to
 *   infinity) for every token it creates, only to print it if that token later fails to resolve.
 *   The shortcut replaces cdktf's recorder (`lib/tokens/private/stack-trace`) with a no-op while
 *   shortcuts are on; a token error then names the construct path without the JavaScript stack.
 *   The largest saving: about two thirds of synth time at 1,000 tenants, the other shortcuts on.
 * - toTerraform in one pass. TerraformStack.toTerraform resolves every element, merges them, then
 *   resolves the merged document a second time (which only matters for what stack-level overrides
 *   add or delete), with a fresh context object per value. The shortcut resolves each element once,
 *   hands to cdktf's resolve only the parts that can hold a token (fast resolve, below), and
 *   resolves again only the top-level sections that stack-level overrides touch. It reads two
 *   private fields of TerraformStack (`rawOverrides`, `cdktfVersion`) and cdktf's `lib/_tokens`
 *   resolve and `lib/util` deepMerge.
 * - Tokens released after each stack. cdktf keeps every token it ever registered in one process-wide
 *   map (`lib/tokens/private/token-map`), and a token holds on to its construct, so a synth worker
 *   kept every stack it had built: about 200 MB more heap after 600 department stacks, 650 MB peak
 *   per worker at 10,000 tenants. Once a stack is plain JSON none of its tokens is resolved again,
 *   so the entries the stack added to the map (those after the mark taken before it was built; the
 *   map keeps insertion order) are deleted. Tokens registered before are left alone.
 * - No construct validations at synth. With shortcuts off, each stack runs cdktf's own validations
 *   (`runAllValidations`, e.g. every resource has its provider) before it is turned into JSON, as
 *   `cdktf synth` would; with shortcuts on they are left to the tests, which run them on every
 *   construct and on every stack of the example cities.
 *
 * With the switch off: govcloud loads no cdktf module past its public entry point and reads no
 * private field, tokens record their stack traces, and stacks use the plain
 * TerraformStack.toTerraform() after cdktf's validations. The output is byte for byte the same
 * (test/stacks/cdktf-edge-output.test.ts); only synth time differs.
 *
 * Neither path invokes Aspects (neither did cdktf's toTerraform); govcloud uses none.
 *
 * Figures (synthesize() in one process, 2-core machine under other load, so rough): example city
 * (22 tenants, 20 stacks) ~0.45 s on, ~1.3 s off. A generated city of 1,000 tenants
 * (bench/generate.ts): ~8-11 s on, ~40-56 s off; with only the stack-trace shortcut off ~25-40 s,
 * with only toTerraform in one pass off ~30 s; validations ~0.2 s of it.
 * cdktn 0.24 (the cdktf continuation) has `CDKTN_DISABLE_CREATION_STACK=1` for the first shortcut;
 * there the stack-trace patch no longer takes effect and synth with the switch on fails loudly.
 */
import * as os from 'os';
import { App, Lazy, TerraformElement, TerraformOutput, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { SHORTCUTS_ENV, shortcutsSetting } from './shortcuts-setting';

export { SHORTCUTS_ENV, shortcutsSetting };

let switchOn: boolean | undefined;

/** Whether the shortcuts are on: the last setCdktfShortcuts, else GOVCLOUD_CDKTF_SHORTCUTS (read once). */
export function cdktfShortcuts(): boolean {
  switchOn ??= shortcutsSetting(process.env[SHORTCUTS_ENV]);
  return switchOn;
}

/**
 * Turns every shortcut on or off for this process and the synth workers it starts from now on.
 * Off takes effect at once; on, at the next prepareSynth (synth calls it before building stacks).
 */
export function setCdktfShortcuts(on: boolean): void {
  switchOn = on;
  if (!on) restoreStackTraces();
}

/** Environment entries that pass this process's setting on to a child process (synth workers). */
export function shortcutsEnv(): Record<string, string> {
  return { [SHORTCUTS_ENV]: cdktfShortcuts() ? 'on' : 'off' };
}

/** Counts, for tests: proof that the shortcuts ran (they change no output, so nothing else shows it). */
export interface CdktfEdgeCounts {
  /** Token map entries deleted after their stack was turned into JSON. */
  releasedTokens: number;
  /** Stacks turned into JSON by the one-pass toTerraform. */
  shortcutStacks: number;
  /** Values fast resolve copied as they were, without calling cdktf's resolve. */
  plainValues: number;
  /** Values fast resolve handed to cdktf's resolve, as they may hold a token. */
  resolvedValues: number;
}

const counts: CdktfEdgeCounts = { releasedTokens: 0, shortcutStacks: 0, plainValues: 0, resolvedValues: 0 };

export function cdktfEdgeCounts(): Readonly<CdktfEdgeCounts> {
  return { ...counts };
}

export function resetCdktfEdgeCounts(): void {
  counts.releasedTokens = 0;
  counts.shortcutStacks = 0;
  counts.plainValues = 0;
  counts.resolvedValues = 0;
}

function changed(what: string): Error {
  return new Error(
    `cdktf internals changed: ${what}; set ${SHORTCUTS_ENV}=off to synthesize with cdktf's public API only, and adapt stacks/cdktf-edge.ts / ` +
      `cdktf 内部实现已变：${what}；设置 ${SHORTCUTS_ENV}=off 可只用 cdktf 公开接口合成，并请修改 stacks/cdktf-edge.ts`,
  );
}

/** A cdktf module past its public entry point, loaded only when a shortcut needs it. */
function internal<T>(subpath: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(`cdktf/lib/${subpath}`) as T;
  } catch {
    throw changed(`module cdktf/lib/${subpath} cannot be loaded`);
  }
}

// ---- token stack traces -------------------------------------------------------------------------

type CaptureStackTrace = (below?: unknown) => string[];
interface StackTraceModule {
  captureStackTrace: CaptureStackTrace;
}

let patched: { module: StackTraceModule; original: CaptureStackTrace } | undefined;
const noStackTrace: CaptureStackTrace = () => [];

function suppressStackTraces(): void {
  if (patched) return;
  const module = internal<StackTraceModule>('tokens/private/stack-trace');
  const original = module.captureStackTrace;
  if (typeof original !== 'function') throw changed('tokens/private/stack-trace has no captureStackTrace');
  try {
    module.captureStackTrace = noStackTrace;
  } catch {
    throw changed('tokens/private/stack-trace.captureStackTrace is read-only');
  }
  patched = { module, original };
  // proof that cdktf's tokens now call the no-op, not a copy bound at load time
  if (Lazy.anyValue({ produce: () => undefined }).creationStack.length > 0) {
    restoreStackTraces();
    throw changed('tokens still record a stack trace after captureStackTrace was replaced');
  }
}

function restoreStackTraces(): void {
  if (!patched) return;
  patched.module.captureStackTrace = patched.original;
  patched = undefined;
}

/** Puts the process-wide shortcuts in place when the switch is on; call before building stacks. */
export function prepareSynth(): void {
  if (cdktfShortcuts()) suppressStackTraces();
  else restoreStackTraces();
}

// ---- token map ----------------------------------------------------------------------------------

interface TokenMapPrivates {
  readonly stringTokenMap: Map<unknown, unknown>;
  readonly numberTokenMap: Map<unknown, unknown>;
}

/** Where each map of the token map stood before a stack was built. */
export interface TokenMark {
  readonly strings: number;
  readonly numbers: number;
}

function tokenMaps(): TokenMapPrivates {
  const { TokenMap } = internal<{ TokenMap?: { instance?: () => unknown } }>('tokens/private/token-map');
  const map = typeof TokenMap?.instance === 'function' ? (TokenMap.instance() as Partial<TokenMapPrivates>) : undefined;
  if (!(map?.stringTokenMap instanceof Map) || !(map.numberTokenMap instanceof Map)) throw changed('TokenMap has no stringTokenMap and numberTokenMap');
  return map as TokenMapPrivates;
}

/** The mark to release a stack's tokens at, taken before it is built; undefined with the switch off. */
export function tokenMark(): TokenMark | undefined {
  if (!cdktfShortcuts()) return undefined;
  const m = tokenMaps();
  return { strings: m.stringTokenMap.size, numbers: m.numberTokenMap.size };
}

/** Deletes the token map entries added since the mark (the stack is JSON now); nothing without a mark. */
export function releaseTokens(mark: TokenMark | undefined): void {
  if (!mark) return;
  const m = tokenMaps();
  for (const [map, keep] of [
    [m.stringTokenMap, mark.strings],
    [m.numberTokenMap, mark.numbers],
  ] as const) {
    let i = 0;
    for (const key of map.keys()) {
      if (i++ < keep) continue;
      map.delete(key);
      counts.releasedTokens++;
    }
  }
}

// ---- fast resolve -------------------------------------------------------------------------------

type Resolve = (scope: IConstruct, obj: unknown) => unknown;
type DeepMerge = (target: unknown, ...sources: unknown[]) => unknown;
let tokens: { resolve: Resolve; deepMerge: DeepMerge } | undefined;

function tokenInternals(): { resolve: Resolve; deepMerge: DeepMerge } {
  if (!tokens) {
    const { resolve } = internal<{ resolve?: Resolve }>('_tokens');
    const { deepMerge } = internal<{ deepMerge?: DeepMerge }>('util');
    if (typeof resolve !== 'function') throw changed('lib/_tokens has no resolve');
    if (typeof deepMerge !== 'function') throw changed('lib/util has no deepMerge');
    tokens = { resolve, deepMerge };
  }
  return tokens;
}

/** A token marker, an escape sequence, or a number in exponent form (how cdktf encodes tokens in strings). */
const SUSPICIOUS_STRING = /TfToken|\$\{|%\{|\de[-+\d]/;
/** Encoded number tokens are huge negative doubles. */
const NUMBER_TOKEN_LIMIT = -1e200;

function mayHoldToken(v: unknown): boolean {
  if (typeof v === 'string') return SUSPICIOUS_STRING.test(v);
  if (typeof v === 'number') return v < NUMBER_TOKEN_LIMIT;
  if (v === null || typeof v !== 'object') return typeof v === 'function';
  if (Array.isArray(v)) return false; // elements are checked one by one
  const proto = Object.getPrototypeOf(v);
  return proto !== Object.prototype && proto !== null;
}

/**
 * cdktf's resolve, called only where a token can be: plain parts are copied as they are (dropping
 * undefined, as resolve does); strings and numbers that may encode a token, objects that are not
 * plain (Lazy, IResolvable) and maps whose keys look encoded go to cdktf's resolve.
 */
function fastResolve(scope: IConstruct, value: unknown, resolve: Resolve): unknown {
  if (value === undefined || value === null) return value;
  if (mayHoldToken(value)) {
    counts.resolvedValues++;
    return resolve(scope, value);
  }
  if (typeof value !== 'object') {
    counts.plainValues++;
    return value;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const r = fastResolve(scope, item, resolve);
      if (r !== undefined) out.push(r);
    }
    return out;
  }
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) {
    if (SUSPICIOUS_STRING.test(key)) {
      counts.resolvedValues++;
      return resolve(scope, value);
    }
    const r = fastResolve(scope, obj[key], resolve);
    if (r !== undefined) out[key] = r;
  }
  return out;
}

// ---- toTerraform --------------------------------------------------------------------------------

interface StackPrivates {
  readonly rawOverrides: Record<string, unknown>;
  readonly cdktfVersion: string | undefined;
}

function privatesOf(stack: TerraformStack): StackPrivates {
  const p = stack as unknown as Partial<Record<keyof StackPrivates, unknown>>;
  if (p.rawOverrides === null || typeof p.rawOverrides !== 'object') throw changed('TerraformStack has no rawOverrides object');
  if (!('cdktfVersion' in p) || (p.cdktfVersion !== undefined && typeof p.cdktfVersion !== 'string')) throw changed('TerraformStack has no cdktfVersion field');
  return { rawOverrides: p.rawOverrides as Record<string, unknown>, cdktfVersion: p.cdktfVersion };
}

/** TerraformStack.toTerraform's result, in one pass (see the header). */
function onePassToTerraform(stack: TerraformStack): Record<string, unknown> {
  const { resolve, deepMerge } = tokenInternals();
  const { rawOverrides, cdktfVersion } = privatesOf(stack);
  const elements: TerraformElement[] = [];
  const collect = (c: IConstruct) => {
    if (TerraformElement.isTerraformElement(c)) elements.push(c);
    for (const child of c.node.children) if (!TerraformStack.isStack(child)) collect(child);
  };
  collect(stack);
  const metadata: Record<string, unknown> = {
    version: cdktfVersion,
    stackName: stack.node.id,
    backend: 'local',
    cloud: undefined,
    ...(Object.keys(rawOverrides).length > 0 ? { overrides: { stack: Object.keys(rawOverrides) } } : {}),
  };
  for (const e of elements) deepMerge(metadata, fastResolve(stack, e.toMetadata(), resolve));
  const outputs: Record<string, unknown> = {};
  for (const item of elements) {
    if (!TerraformOutput.isTerraformOutput(item)) continue;
    const nested = item.node.path
      .split('/')
      .reduceRight<Record<string, unknown>>((inner, part) => (Object.keys(inner).length === 0 ? { [part]: item.friendlyUniqueId } : { [part]: inner }), {});
    deepMerge(outputs, nested);
  }
  const tf: Record<string, unknown> = { '//': { metadata, outputs } };
  for (const e of elements) deepMerge(tf, fastResolve(stack, e.toTerraform(), resolve));
  // overrides merge unresolved (an undefined leaf deletes what it names), then the sections they
  // touch are resolved again, as cdktf's second pass would; the other sections are already final
  deepMerge(tf, rawOverrides);
  for (const key of Object.keys(rawOverrides)) if (key in tf) tf[key] = resolve(stack, tf[key]);
  counts.shortcutStacks++;
  return tf;
}

/**
 * The Terraform JSON of a stack: the one-pass shortcut when the switch is on, else cdktf's own
 * validations and then `publicToTerraform` (the plain TerraformStack.toTerraform).
 */
export function stackToTerraform(stack: TerraformStack, publicToTerraform: () => Record<string, unknown>): Record<string, unknown> {
  if (cdktfShortcuts()) return onePassToTerraform(stack);
  stack.runAllValidations();
  return publicToTerraform();
}

// ---- version ------------------------------------------------------------------------------------

let version: string | undefined;

/** The cdktf release in use, as cdktf writes it into its manifest (public App.manifest). */
export function cdktfVersion(): string {
  // an App makes its outdir if missing: point it at one that exists
  version ??= new App({ outdir: os.tmpdir() }).manifest.version;
  return version;
}
