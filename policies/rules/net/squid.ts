/**
 * Reading a squid.conf as the NET rules judge it: its ACLs, its http_access lines in order, and what
 * each allow line lets through (sources, destination domains, ports). Pure; a configuration is parsed
 * once per distinct text. Only what the rules need is read; an unknown directive is kept out of the way.
 */
import { memoByText } from '../../memo';

export interface SquidAcl {
  readonly type: string;
  readonly values: readonly string[];
}

export interface SquidAccess {
  readonly action: 'allow' | 'deny';
  /** ACL names as written, `!` kept for a negated one. */
  readonly acls: readonly string[];
  /** 1-based line number in the file. */
  readonly line: number;
}

export interface SquidConf {
  readonly acls: ReadonlyMap<string, SquidAcl>;
  readonly access: readonly SquidAccess[];
  /** `http_port` lines: port and options. */
  readonly listens: readonly { readonly port: number; readonly options: readonly string[] }[];
}

/** What one allow line lets through; `undefined` for a dimension the line does not restrict. */
export interface AllowedByLine {
  readonly line: number;
  /** The positive src ACL names of the line. */
  readonly srcAcls: readonly string[];
  /** The positive dstdomain ACL names of the line. */
  readonly dstAcls: readonly string[];
  readonly sources?: readonly string[];
  readonly domains?: readonly string[];
  readonly ports?: readonly number[];
  /** The positive myportname ACL values (ingress routes). */
  readonly portNames?: readonly string[];
}

function parse(text: string): SquidConf {
  const acls = new Map<string, { type: string; values: string[] }>();
  const access: SquidAccess[] = [];
  const listens: { port: number; options: string[] }[] = [];
  text.split('\n').forEach((raw, i) => {
    const words = raw
      .replace(/#.*$/, '')
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    if (words.length === 0) return;
    const [directive, ...rest] = words;
    if (directive === 'acl' && rest.length >= 2) {
      const [name, type, ...values] = rest;
      const acl = acls.get(name) ?? { type, values: [] };
      acl.values.push(...values);
      acls.set(name, acl);
    } else if (directive === 'http_access' && (rest[0] === 'allow' || rest[0] === 'deny')) {
      access.push({ action: rest[0], acls: rest.slice(1), line: i + 1 });
    } else if (directive === 'http_port' && rest.length >= 1) {
      listens.push({ port: Number(rest[0].replace(/^.*:/, '')), options: rest.slice(1) });
    }
  });
  return { acls, access, listens };
}

/** The configuration in a text, parsed once per distinct text. */
export const parseSquidConf = memoByText(parse);

/** The positive ACLs of a line of one type, by name. */
function ofType(conf: SquidConf, names: readonly string[], type: string): string[] {
  return names.filter((n) => !n.startsWith('!') && conf.acls.get(n)?.type === type);
}

const flatValues = (conf: SquidConf, names: readonly string[]): string[] | undefined =>
  names.length === 0 ? undefined : names.flatMap((n) => conf.acls.get(n)?.values ?? []);

/** Every allow line with what it lets through. ACLs of one type on one line all have to match: the first of each type is taken. */
export function allowedByLines(conf: SquidConf): AllowedByLine[] {
  return conf.access
    .filter((a) => a.action === 'allow')
    .map((a) => {
      const srcAcls = ofType(conf, a.acls, 'src');
      const dstAcls = ofType(conf, a.acls, 'dstdomain');
      const portAcls = ofType(conf, a.acls, 'port');
      const named = ofType(conf, a.acls, 'myportname');
      return {
        line: a.line,
        srcAcls,
        dstAcls,
        sources: flatValues(conf, srcAcls.slice(0, 1)),
        domains: flatValues(conf, dstAcls.slice(0, 1)),
        ports: flatValues(conf, portAcls.slice(0, 1))?.map(Number),
        portNames: flatValues(conf, named.slice(0, 1)),
      };
    });
}

/**
 * Whether what no line matches is allowed: Squid applies the opposite of the last http_access line,
 * so a list that ends in a deny narrower than `deny all` lets the rest through.
 */
export function allowsByDefault(conf: SquidConf): boolean {
  const last = conf.access[conf.access.length - 1];
  return last !== undefined && last.action === 'deny' && !(last.acls.length === 1 && last.acls[0] === 'all');
}

/** The `host:port` pairs an allow line forwards to (`*` where it does not restrict), as a declared host writes them. */
export function forwardedPairs(a: AllowedByLine): string[] {
  const hosts = (a.domains ?? ['*']).map((d) => (d.startsWith('.') ? `*${d}` : d));
  const ports = a.ports ?? ['*'];
  return hosts.flatMap((h) => ports.map((p) => `${h}:${p}`));
}
