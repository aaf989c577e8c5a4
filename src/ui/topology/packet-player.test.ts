// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PacketPlayer, type PacketRecord } from './packet-player';
import type { Anchor } from './layout';
import type { PacketPath, PacketStep } from '../../worker/protocol';

const anchors: Record<string, Anchor> = {
  'ctr:eth0': { x: 10, y: 100, on: 'endpoint:1', buses: {} },
  'host1:veth1': { x: 10, y: 60, on: 'endpoint:1', buses: {} },
  'host1:docker0': { x: 10, y: 40, on: 'network:br', buses: {} },
};

function step(at: string, extra: Partial<PacketStep> = {}): PacketStep {
  return { at, kind: 'tx', direction: 'request', atUs: 0, text: `at ${at}`, packet: '172.17.0.2 > 172.18.0.2: ICMP echo request, seq 1', ...extra };
}

const dropped: PacketPath = {
  id: 7,
  summary: 'ICMP 172.17.0.2 > 172.18.0.2',
  outcome: 'dropped',
  reason: 'dropped in filter/FORWARD by rule 1 of DOCKER-ISOLATION-STAGE-2 in host1',
  steps: [step('ctr:eth0'), step('host1:veth1', { kind: 'rx' }), step('ns:host1', { kind: 'netfilter' }), step('host1:docker0', { kind: 'drop', drop: true })],
};

function player() {
  const layer = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  const seen: { hop: number; total: number }[] = [];
  const done: PacketRecord[] = [];
  const p = new PacketPlayer(layer, { onStep: (s, _p, i, n) => s && seen.push({ hop: i, total: n }), onDone: (r) => done.push(r) }, true);
  p.setAnchors(anchors);
  return { p, layer, seen, done };
}

describe('PacketPlayer', () => {
  it('holds a walk at each hop in step mode, goes back and forth, and reports it when stepped past the end', () => {
    const { p, layer, seen, done } = player();
    p.setStepMode(true);
    p.enqueue(dropped);
    expect(layer.querySelector('g.packet')?.getAttribute('data-at')).toBe('ctr:eth0');
    p.next();
    p.next();
    p.prev();
    expect(seen.map((s) => s.hop)).toEqual([0, 1, 2, 1]);
    expect(layer.querySelector('g.packet')?.getAttribute('data-at')).toBe('host1:veth1');
    p.next();
    p.next();
    expect(layer.querySelector('g.drop title')?.textContent).toBe(`Dropped: ${dropped.reason}`);
    expect(layer.querySelector('g.drop')?.getAttribute('transform')).toBe('translate(10,40)');
    expect(done).toEqual([]);
    p.next();
    expect(done).toEqual([{ id: 7, summary: dropped.summary, outcome: 'dropped', reason: dropped.reason, visited: ['ctr:eth0', 'host1:veth1', 'host1:docker0'], on: ['endpoint:1', 'network:br'], dropAt: 'host1:docker0' }]);
  });

  it('plays a walk to its end by itself outside step mode', async () => {
    const { p, done } = player();
    p.enqueue(dropped);
    await expect.poll(() => done.length).toBe(1);
    expect(done[0].dropAt).toBe('host1:docker0');
  });

  it('keeps only the newest walks waiting when they arrive faster than they play', async () => {
    const { p, done } = player();
    for (let i = 0; i < 6; i++) p.enqueue({ ...dropped, id: i });
    await expect.poll(() => done.length).toBe(3);
    expect(done.map((r) => r.id)).toEqual([0, 4, 5]);
  });
});
