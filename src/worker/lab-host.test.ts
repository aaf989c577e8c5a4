import { describe, expect, it } from 'vitest';
import { LabHost } from './lab-host';
import type { ExecEvent, LabEvent } from './protocol';
import { createNetns } from '../core/kernel/netns';
import { applyTopologyDiff } from '../core/topology/diff';
import type { PacketTrace } from '../core/sim/trace';

async function started() {
  const host = new LabHost({ defer: (fn) => fn() });
  await host.init({});
  const events: LabEvent[] = [];
  await host.subscribe((e) => events.push(e));
  return { host, events };
}

function collect() {
  let text = '';
  return { on: (e: ExecEvent) => (text += e.type === 'input-request' ? '' : e.data), text: () => text };
}

describe('LabHost', () => {
  it('sends the whole topology on subscribe, then diffs that rebuild the same model', async () => {
    const { host, events } = await started();
    expect(events.map((e) => e.type)).toEqual(['topology']);
    createNetns(host.currentWorld, 'host1/netns/red', 'host1', 'named', 'red');
    expect(events.map((e) => e.type)).toEqual(['topology', 'topology-diff']);
    const [first, second] = events as [Extract<LabEvent, { type: 'topology' }>, Extract<LabEvent, { type: 'topology-diff' }>];
    expect(second.diff.upserts.map((u) => u.key)).toEqual(['netns:host1/netns/red']);
    expect(applyTopologyDiff(first.model, second.diff)).toEqual(await host.topology());
  });

  it('forwards walker traces as packet paths, after the topology they cross', async () => {
    const { host, events } = await started();
    const trace: PacketTrace = {
      id: 1,
      request: { from: 'host1', proto: 'icmp', dst: '10.10.0.1', dport: null },
      hops: [],
      outcome: 'replied',
      reason: 'echo reply',
      rttUs: 100,
      replyTtl: 64,
      replyFrom: '10.10.0.1',
      srcIp: '10.10.0.11',
    };
    host.currentWorld.emit({ type: 'packet', trace });
    const packet = events.find((e) => e.type === 'packet');
    expect(packet && packet.type === 'packet' && packet.path?.summary).toBe('ICMP 10.10.0.11 > 10.10.0.1');
  });

  it('leaves the login shell on Ctrl-D as bash does, without adding to history', async () => {
    const { host } = await started();
    const s = await host.openSession('host1');
    await host.exec(s.id, 'echo hi', () => {});
    const out = collect();
    const done = await host.endOfInput(s.id, out.on);
    expect(out.text()).toBe('exit\n');
    expect(done.closed).toBe(true);
    expect(await host.history(s.id)).toEqual(['echo hi']);
  });

  it('takes history restored by the browser, so `history` agrees with the Up arrow', async () => {
    const { host } = await started();
    const s = await host.openSession('host1');
    await host.setHistory(s.id, ['docker network ls', 'ip addr']);
    const out = collect();
    await host.exec(s.id, 'history', out.on);
    expect(out.text()).toBe('    1  docker network ls\n    2  ip addr\n    3  history\n');
  });

  it('resolves a command only after the UI took its last output (comlink replies can overtake each other)', async () => {
    const { host } = await started();
    const s = await host.openSession('host1');
    const log: string[] = [];
    const slowUi = (e: ExecEvent) => new Promise<void>((r) => setTimeout(() => (log.push(e.type === 'input-request' ? '?' : e.data), r()), 20));
    await host.exec(s.id, 'echo one', slowUi as unknown as (e: ExecEvent) => void);
    log.push('done');
    expect(log).toEqual(['one\n', 'done']);
  });

  it('gives each session its own shell on the same host', async () => {
    const { host } = await started();
    const a = await host.openSession('host1');
    const b = await host.openSession('host1');
    expect(a.id).not.toBe(b.id);
    await host.exec(a.id, 'cd /tmp', () => {});
    const out = collect();
    await host.exec(b.id, 'pwd', out.on);
    expect(out.text()).toBe('/home/learner\n');
  });

  it('runs nothing for a line that needs more (PS2), then runs the lines together as one history entry', async () => {
    const { host } = await started();
    const s = await host.openSession('host1');
    const out = collect();
    expect(await host.exec(s.id, 'docker network ls -q |', out.on)).toMatchObject({ continuation: '> ', prompt: 'learner@host1:~$ ' });
    expect(out.text()).toBe('');
    expect(await host.commandLog()).toEqual([]);
    const done = await host.exec(s.id, 'docker network ls -q |\nwc -l', out.on);
    expect(done).toMatchObject({ exitCode: 0, history: 'docker network ls -q | wc -l' });
    expect(done.continuation).toBeUndefined();
    expect(out.text()).toBe('3\n');
    expect(await host.history(s.id)).toEqual(['docker network ls -q | wc -l']);
    // Ctrl-D at PS2: the shell reads end of input inside the quote.
    const eof = collect();
    expect((await host.exec(s.id, 'echo "open', eof.on, { eof: true })).exitCode).toBe(2);
    expect(eof.text()).toBe("bash: unexpected EOF while looking for matching `\"'\n");
  });

  it('describes a host and an unknown key in the details panel', async () => {
    const { host } = await started();
    expect((await host.details('network:nope')).sections[0].output).toBe('This object no longer exists.');
    const d = await host.details('host:host1');
    expect(d.title).toBe('Host host1');
    expect(d.sections.length).toBeGreaterThan(0);
  });
});
