/**
 * How the isolation scan (stacks/isolation.ts) reads a string before it looks for the other
 * network's names and addresses: by meaning, not by spelling.
 *
 * - Case and compatibility forms: lower case after NFKC (`ＣＡＳＥ` is `case`), invisible characters
 *   (zero-width spaces and joiners, soft hyphens, bidirectional marks) removed.
 * - Look-alike letters: the Cyrillic and Greek letters drawn like Latin ones are read as those
 *   (`cаse` with a Cyrillic а is `case`).
 * - Separators: a run of spaces, `_`, `.` and `-` is one `-` (`case_files prod` is `case-files-prod`).
 *   A CamelCase spelling is split too (`CaseFilesProd` is `case-files-prod`) in a second reading,
 *   which only names of more than one word are looked for in (`NetworkPolicy` does not name a
 *   tenant called `policy`).
 * - Addresses: dotted (`10.1.2.3`, in a host `a.10.1.2.3.sslip.io`), dashed (`10-1-2-3.nip.io`) and
 *   eight hexadecimal digits as a host label (`0a010203.nip.io`), as the wildcard DNS services
 *   resolve them.
 */
import { Range, readCidr } from '../config/cidr';

/** Cyrillic and Greek letters (lower case) drawn like a Latin letter. */
const LOOK_ALIKE: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  һ: 'h',
  ү: 'y',
  ɡ: 'g',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  ζ: 'z',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  ϳ: 'j',
  // Latin that NFKC keeps
  ı: 'i',
  ȷ: 'j',
  ℓ: 'l',
};

/** Characters that are not seen: zero-width, joiners, soft hyphen, bidirectional marks, byte-order mark. */
const INVISIBLE = new RegExp(
  String.raw`\u034f|\u17b4|\u17b5|[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]`,
  'g',
);
const LOOK_ALIKE_CHARS = new RegExp(`[${Object.keys(LOOK_ALIKE).join('')}]`, 'g');

/** Case, compatibility forms, invisible characters and look-alike letters folded; separators kept (addresses are read here). */
export function plainFold(s: string): string {
  if (!/[^\x00-\x7f]/.test(s)) return s.toLowerCase();
  const latin = (t: string) => t.replace(LOOK_ALIKE_CHARS, (c) => LOOK_ALIKE[c] ?? c);
  // look-alikes read before NFKC too: it turns some into letters that look like nothing Latin (ϲ into σ)
  return latin(latin(s.toLowerCase()).normalize('NFKC').replace(INVISIBLE, '').toLowerCase());
}

const SEPARATORS = /[\s_.-]+/g;

/** What names are matched in: {@link plainFold} with every run of separators written `-`. */
export function fold(s: string): string {
  return plainFold(s).replace(SEPARATORS, '-');
}

/** The CamelCase reading of a string, or undefined when it has no lower-to-upper turn (`caseFiles` is `case-files`). */
export function camelFold(s: string): string | undefined {
  if (!/[a-z0-9][A-Z]/.test(s)) return undefined;
  return fold(s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2'));
}

/** Four numbers as an address, or undefined when one is over 255 or too long. */
function quad(parts: readonly string[], bits = 32): Range | undefined {
  if (parts.some((p) => p.length > 3)) return undefined;
  return readCidr(`${parts.join('.')}/${bits}`)?.range;
}

/** Every IPv4 address or CIDR written in a string (already folded by {@link plainFold}), as a range (an address is a /32). */
export function addressesIn(s: string): Range[] {
  if (!/[0-9]/.test(s)) return [];
  const out: Range[] = [];
  if (/[0-9]\.[0-9]/.test(s)) {
    for (const m of s.matchAll(/[0-9]+(?:\.[0-9]+)+(?:\/[0-9]+)?/g)) {
      const [dotted, bitsText] = m[0].split('/');
      const parts = dotted.split('.');
      // every run of four numbers is a candidate: `a.172.16.3.4.nip.io` names 172.16.3.4
      for (let i = 0; i + 4 <= parts.length; i++) {
        const bits = i + 4 === parts.length && bitsText !== undefined && Number(bitsText) <= 32 ? Number(bitsText) : 32;
        // a run that is not an address (a number over 255, a long one) is not read
        const c = readCidr(`${parts.slice(i, i + 4).join('.')}/${bits}`);
        if (c) out.push(c.range);
      }
    }
  }
  // `10-1-2-3.nip.io`, `app-10-1-2-3.sslip.io`: four numbers joined by dashes
  if (/[0-9]-[0-9]/.test(s)) {
    for (const m of s.matchAll(/(?<![0-9])[0-9]+(?:-[0-9]+){3,}(?![0-9])/g)) {
      const parts = m[0].split('-');
      for (let i = 0; i + 4 <= parts.length; i++) {
        const r = quad(parts.slice(i, i + 4));
        if (r) out.push(r);
      }
    }
  }
  // `0a010203.nip.io`: eight hexadecimal digits as a host label
  for (const m of s.matchAll(/(?<![0-9a-z])([0-9a-f]{8})(?=\.[a-z])/g)) {
    const n = parseInt(m[1], 16);
    out.push({ first: n, last: n });
  }
  return out;
}
