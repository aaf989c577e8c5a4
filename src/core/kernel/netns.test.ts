import { describe, expect, it } from 'vitest';
import { createWorld } from '../presets';
import { allocPeerNsId, createNetns, deleteNetns, getNetns } from './netns';
import { addLink, addVethPair, announceLink, moveLink, setLinkUp } from './links';

function world() {
  const w = createWorld({ seed: 1 });
  for (const name of ['red', 'blue', 'green']) createNetns(w, `host1/netns/${name}`, 'host1', 'named', name);
  return w;
}

describe('netns ids (peernet2id_alloc)', () => {
  it('are given when a device moves: the old namespace names the new one, the new one names its peer', () => {
    const w = world();
    const root = getNetns(w, 'host1');
    const red = getNetns(w, 'host1/netns/red');
    expect(root.nsids ?? {}).toEqual({});
    addVethPair(w, root, 'a', 'b');
    moveLink(w, root, 'b', red);
    expect(root.nsids).toEqual({ 'host1/netns/red': 0 });
    expect(red.nsids).toEqual({ host1: 0 });
    expect(getNetns(w, 'host1/netns/blue').nsids ?? {}).toEqual({});
  });

  it('count per viewing namespace, in order of first need, reusing the lowest id a dead namespace freed', () => {
    const w = world();
    const root = getNetns(w, 'host1');
    for (const [i, ns] of ['red', 'blue'].entries()) {
      addVethPair(w, root, `v${i}`, `p${i}`);
      moveLink(w, root, `p${i}`, getNetns(w, `host1/netns/${ns}`));
    }
    expect(root.nsids).toEqual({ 'host1/netns/red': 0, 'host1/netns/blue': 1 });
    deleteNetns(w, 'host1/netns/red');
    expect(root.nsids).toEqual({ 'host1/netns/blue': 1 });
    expect(allocPeerNsId(w, root, getNetns(w, 'host1/netns/green'))).toBe(0);
    expect(allocPeerNsId(w, root, getNetns(w, 'host1/netns/blue'))).toBe(1);
  });

  it('are given by the namespace a new device is announced in, for the namespace of its parent', () => {
    const w = world();
    const root = getNetns(w, 'host1');
    const blue = getNetns(w, 'host1/netns/blue');
    // `ip link add mv0 netns blue link eth0 type macvlan`: made directly in blue, announced there.
    addLink(w, root, 'mv0', 'macvlan', { lower: { parent: { netns: 'host1', ifindex: 2 }, mode: 'bridge' } });
    const mv = moveLink(w, root, 'mv0', blue, undefined, { created: true });
    expect(mv.ifindex).toBe(2);
    expect(root.nextIfindex).toBe(4);
    expect(root.nsids ?? {}).toEqual({});
    announceLink(w, blue, mv);
    setLinkUp(w, blue, 'mv0', true);
    expect(blue.nsids).toEqual({ host1: 0 });
    expect(root.nsids ?? {}).toEqual({});
  });
});
