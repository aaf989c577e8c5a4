import { describe, expect, it } from 'vitest';
import { naturalCompare, naturalLess } from './natsort';

describe('natural sort order (sortorder.NaturalLess)', () => {
  it('orders digit runs by value', () => {
    expect(['net10', 'net2', 'net1'].sort(naturalCompare)).toEqual(['net1', 'net2', 'net10']);
  });
  it('sorts plain names lexically', () => {
    expect(['none', 'host', 'bridge', 'alpine-net'].sort(naturalCompare)).toEqual(['alpine-net', 'bridge', 'host', 'none']);
  });
  it('puts a prefix before the longer name', () => {
    expect(naturalLess('net', 'net-a')).toBe(true);
    expect(naturalLess('net-a', 'net')).toBe(false);
  });
  it('treats more leading zeros as later on equal values', () => {
    expect(naturalLess('a1', 'a01')).toBe(true);
  });
  it('is irreflexive', () => {
    expect(naturalLess('x', 'x')).toBe(false);
  });
});
