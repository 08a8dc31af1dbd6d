/** IPv4 CIDR arithmetic for overlap checks. */

export interface Range {
  readonly first: number;
  readonly last: number;
}

export function parseCidr(cidr: string): Range {
  const [addr, bits] = cidr.split('/');
  const n = addr.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  const first = n - (n % size);
  return { first, last: first + size - 1 };
}

export function overlaps(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return x.first <= y.last && y.first <= x.last;
}
