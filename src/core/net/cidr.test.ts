import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { broadcastOf, canonical, cidrContains, cidrOverlaps, formatCidr, parseCidr } from './cidr';
import { formatIpv4, parseIpv4 } from './ipv4';

describe('IPv4 and CIDR value types', () => {
  it('round-trips dotted quads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        expect(parseIpv4(formatIpv4(n))).toBe(n);
      }),
    );
  });

  it('rejects malformed addresses and prefixes', () => {
    for (const bad of ['1.2.3', '256.1.1.1', '1.2.3.4.5', 'a.b.c.d', '']) expect(parseIpv4(bad)).toBeNull();
    for (const bad of ['1.2.3.4/33', '1.2.3.4/', '1.2.3.4/x', 'foo']) expect(parseCidr(bad)).toBeNull();
  });

  it('computes network, broadcast, containment and overlap', () => {
    const c = parseCidr('172.17.0.2/16')!;
    expect(formatCidr(canonical(c))).toBe('172.17.0.0/16');
    expect(formatIpv4(broadcastOf(c))).toBe('172.17.255.255');
    expect(cidrContains(c, parseIpv4('172.17.200.1')!)).toBe(true);
    expect(cidrContains(c, parseIpv4('172.18.0.1')!)).toBe(false);
    expect(cidrOverlaps(parseCidr('172.16.0.0/12')!, c)).toBe(true);
    expect(cidrOverlaps(parseCidr('172.18.0.0/16')!, c)).toBe(false);
  });

  it('handles /0 and /32', () => {
    expect(cidrContains(parseCidr('0.0.0.0/0')!, parseIpv4('8.8.8.8')!)).toBe(true);
    expect(cidrContains(parseCidr('10.0.0.1/32')!, parseIpv4('10.0.0.2')!)).toBe(false);
  });
});
