/** config/cidr.ts, the one place that reads IPv4 CIDRs (with ipaddr.js). */
import { overlaps, parseCidr, readCidr, within } from '../../config/cidr';

describe('readCidr', () => {
  it('reads a.b.c.d/n as a range, with its network address', () => {
    expect(readCidr('10.20.0.0/16')).toEqual({ range: { first: 0x0a140000, last: 0x0a14ffff }, bits: 16, network: '10.20.0.0/16' });
    expect(readCidr('10.20.0.5/16')?.network).toBe('10.20.0.0/16');
    expect(readCidr('0.0.0.0/0')?.range).toEqual({ first: 0, last: 0xffffffff });
    expect(readCidr('255.255.255.255/32')?.range).toEqual({ first: 0xffffffff, last: 0xffffffff });
  });

  it('reads numbers with leading zeros in decimal, as the schema and Kubernetes do, not in octal', () => {
    expect(readCidr('010.0.0.0/8')?.network).toBe('10.0.0.0/8');
    expect(readCidr('01.2.3.4/8')?.network).toBe('1.0.0.0/8');
  });

  it('refuses anything else', () => {
    for (const bad of [
      '999.0.0.0/99',
      '256.0.0.0/8',
      '10.0.0.0/33',
      '10.0.0.0',
      '10.0.0/8',
      '0x0a.0.0.0/8',
      '10.0.0.0.0/8',
      ' 10.0.0.0/8',
      '10.0.0.0/8 ',
      'fd00::/8',
      '',
    ]) {
      expect([bad, readCidr(bad)]).toEqual([bad, undefined]);
    }
  });
});

describe('parseCidr, overlaps, within', () => {
  it('compares ranges', () => {
    expect(overlaps('10.20.128.0/17', '10.20.0.0/16')).toBe(true);
    expect(overlaps('10.20.0.0/16', '10.21.0.0/16')).toBe(false);
    expect(within('10.1.0.0/16', '10.0.0.0/8')).toBe(true);
    expect(within('10.0.0.0/8', '10.1.0.0/16')).toBe(false);
  });

  it('never puts what is not an IPv4 CIDR inside a range', () => {
    expect(within('fd00::/8', '0.0.0.0/0')).toBe(false);
    expect(within('999.1.1.1/8', '0.0.0.0/0')).toBe(false);
    expect(within('10.0.0.0/8', '999.0.0.0/99')).toBe(false);
  });

  it('throws on a value that was not validated first, naming it', () => {
    expect(() => parseCidr('999.0.0.0/99')).toThrow(
      'parseCidr: "999.0.0.0/99" is not an IPv4 CIDR (expected a.b.c.d/n, each number 0-255, n 0-32); validate it first',
    );
  });
});
