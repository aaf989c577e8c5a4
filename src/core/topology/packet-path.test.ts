import { describe, expect, it } from 'vitest';
import { packetPath } from './packet-path';
import type { PacketTrace, TraceHop } from '../sim/trace';

const pkt = { proto: 'icmp' as const, src: '172.18.0.2', dst: '172.17.0.2', sport: 7, dport: 7, ttl: 64, len: 84, icmpType: 8, seq: 1 };

function hop(kind: TraceHop['kind'], netns: string, key: string | null, text: string, extra: Partial<TraceHop> = {}): TraceHop {
  return { kind, direction: 'request', atUs: 0, netns, host: 'host1', ifname: key?.split(':').pop() ?? null, key, packet: pkt, text, ...extra };
}

const dropped: PacketTrace = {
  id: 4,
  request: { from: 'host1/ctr/aaa', proto: 'icmp', dst: '172.17.0.2', dport: null },
  hops: [
    hop('tx', 'host1/ctr/aaa', 'host1/ctr/aaa:eth0', 'leaves container aaa through eth0'),
    hop('rx', 'host1', 'host1:veth1', 'arrives on veth1'),
    hop('netfilter', 'host1', null, 'filter/FORWARD jumps to DOCKER-ISOLATION-STAGE-1', { hook: 'FORWARD', table: 'filter', chain: 'DOCKER-ISOLATION-STAGE-2', rule: 1, ruleText: '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP', verdict: 'DROP' }),
    hop('drop', 'host1', null, 'dropped'),
  ],
  outcome: 'dropped',
  reason: 'dropped in filter/FORWARD by rule 1 of DOCKER-ISOLATION-STAGE-2',
  rttUs: null,
  replyTtl: null,
  replyFrom: null,
  srcIp: '172.18.0.2',
};

describe('packetPath', () => {
  it('places each hop on an interface key, or on its namespace when the hop has no interface', () => {
    expect(packetPath(dropped).steps.map((s) => s.at)).toEqual(['host1/ctr/aaa:eth0', 'host1:veth1', 'ns:host1', 'ns:host1']);
  });

  it('marks the last hop of a dropped walk and keeps the reason and the deciding rule', () => {
    const p = packetPath(dropped);
    expect(p.steps.map((s) => !!s.drop)).toEqual([false, false, false, true]);
    expect(p.reason).toBe('dropped in filter/FORWARD by rule 1 of DOCKER-ISOLATION-STAGE-2');
    expect(p.steps[2].rule).toBe('filter/DOCKER-ISOLATION-STAGE-2: -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP');
    expect(p.summary).toBe('ICMP 172.18.0.2 > 172.17.0.2');
  });

  it('describes headers as tcpdump does and places the LAN router and the internet', () => {
    const t: PacketTrace = {
      ...dropped,
      outcome: 'replied',
      hops: [
        hop('nat', 'host1', 'host1:eth0', 'masqueraded', { nat: { kind: 'MASQUERADE', from: '172.17.0.2', to: '10.10.0.11' } }),
        hop('external', 'lan0:router', null, 'the LAN router forwards it'),
        hop('external', 'internet', null, 'the internet answers'),
      ],
    };
    const p = packetPath(t);
    expect(p.steps.map((s) => s.at)).toEqual(['host1:eth0', 'router:lan0', 'internet']);
    expect(p.steps[0].nat).toBe('MASQUERADE 172.17.0.2 -> 10.10.0.11');
    expect(p.steps[0].packet).toBe('172.18.0.2 > 172.17.0.2: ICMP echo request, seq 1');
    expect(p.steps.some((s) => s.drop)).toBe(false);
  });
});
