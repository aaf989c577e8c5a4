import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyNetfilter } from './types';
import { ctConfirm, ctLookup, ctTranslateDst, ctTranslateSrc, invertTuple, tupleOf } from './conntrack';
import type { Packet } from '../packet';

const ip = fc.integer({ min: 1, max: 0xfffffffe });
const port = fc.integer({ min: 1, max: 65535 });

describe('conntrack NAT', () => {
  it('a reply of a NATed flow gets its addresses back, and later packets get the same NAT', () => {
    fc.assert(
      fc.property(fc.constantFrom<'tcp' | 'udp'>('tcp', 'udp'), ip, ip, port, port, fc.option(fc.tuple(ip, port)), fc.option(fc.tuple(ip, port)), (proto, src, dst, sport, dport, snat, dnat) => {
        const nf = emptyNetfilter();
        const original: Packet = { proto, src, dst, sport, dport, ttl: 64, len: 60 };
        const final: Packet = { ...original };
        if (dnat) [final.dst, final.dport] = dnat;
        if (snat) [final.src, final.sport] = snat;
        ctConfirm(nf, original, final, 0);
        // The peer answers the translated packet.
        const t = invertTuple(tupleOf(final));
        const reply: Packet = { proto, src: t.src, dst: t.dst, sport: t.sport, dport: t.dport, ttl: 64, len: 60 };
        const hit = ctLookup(nf, reply, 1)!;
        expect(hit.dir).toBe('reply');
        ctTranslateDst(reply, hit);
        ctTranslateSrc(reply, hit);
        expect(tupleOf(reply)).toEqual(invertTuple(tupleOf(original)));
        // The sender's next packet of the flow is translated like the first.
        const again: Packet = { ...original };
        const hit2 = ctLookup(nf, again, 2)!;
        expect(hit2.dir).toBe('orig');
        ctTranslateDst(again, hit2);
        ctTranslateSrc(again, hit2);
        expect(tupleOf(again)).toEqual(tupleOf(final));
      }),
    );
  });
});
