// The worker side of lessons: the command log, Undo, loading a lesson's world, and check evaluation, through LabHost.
import { describe, expect, it } from 'vitest';
import { LabHost } from '../../src/worker/lab-host';
import type { LabEvent } from '../../src/worker/protocol';

async function lab() {
  const host = new LabHost({ defer: (fn) => fn() });
  const events: LabEvent[] = [];
  await host.subscribe((e) => events.push(e));
  const { id } = await host.openSession('host1');
  const run = async (line: string) => {
    let out = '';
    const done = await host.exec(id, line, (e) => (out += e.type === 'input-request' ? '' : e.data));
    return { out, code: done.exitCode, prompt: done.prompt };
  };
  return { host, events, id, run };
}

const commands = (events: LabEvent[]) => events.flatMap((e) => (e.type === 'command' ? [[e.entry.seq, e.entry.line, e.entry.exitCode, e.canUndo] as const] : []));

describe('LabHost lessons support', () => {
  it('logs every command with its output and announces it', async () => {
    const { host, events, run } = await lab();
    await run('docker network ls -q | wc -l');
    await run('docker network ls --filter nope=1');
    expect(commands(events)).toEqual([
      [1, 'docker network ls -q | wc -l', 0, false],
      [2, 'docker network ls --filter nope=1', 1, false],
    ]);
    const log = await host.commandLog();
    expect(log[0]).toMatchObject({ seq: 1, output: '3\n', host: 'host1', netns: 'host1', user: 'learner' });
    expect(await host.commandLog(2)).toHaveLength(1);
  });

  it('undoes the last change to the world, not commands that changed nothing', async () => {
    const { host, events, run } = await lab();
    await run('sudo ip netns add red');
    await run('ip netns list');
    await run('sudo ip netns add blue');
    expect((await run('ip netns list')).out).toBe('blue\nred\n');
    expect(commands(events).map((c) => c[3])).toEqual([true, true, true, true]);
    expect(await host.undo()).toBe(true);
    expect(events[events.length - 1]).toEqual({ type: 'world', reason: 'undo', canUndo: true });
    expect((await run('ip netns list')).out).toBe('red\n');
    expect(await host.undo()).toBe(true);
    expect((await run('ip netns list')).out).toBe('');
    expect(await host.undo()).toBe(false);
  });

  it('loads a lesson world with its setup; open sessions carry on in it', async () => {
    const { host, id, run } = await lab();
    await run('echo before');
    const loaded = await host.loadWorld({ preset: 'single-host', seed: 1, setup: ['sudo ip netns add red', 'sudo ip link set nosuch up'] });
    expect(loaded).toMatchObject({ preset: 'single-host', seed: 1, hosts: ['host1'], nextSeq: 1 });
    expect(loaded.setupFailures).toEqual([{ command: 'sudo ip link set nosuch up', exitCode: 1, output: 'Cannot find device "nosuch"\n' }]);
    expect((await run('ip netns list')).out).toBe('red\n');
    expect(await host.history(id)).toEqual(['echo before', 'ip netns list']);
    expect(await host.commandLog()).toHaveLength(1);
  });

  it('restores a saved world and continues its log', async () => {
    const a = await lab();
    await a.run('sudo ip netns add red');
    const snapshot = await a.host.snapshot();
    const log = await a.host.commandLog();
    const b = await lab();
    const loaded = await b.host.loadWorld({ snapshot, log });
    expect(loaded.nextSeq).toBe(2);
    await b.run('ip netns list');
    expect(commands(b.events)).toEqual([[2, 'ip netns list', 0, false]]);
  });

  it('evaluates checks against the world and the commands since a step began', async () => {
    const { host, run } = await lab();
    await run('docker network ls');
    const checks = [
      { id: 'a', pred: { kind: 'ran', args: { command: 'docker network ls' } } as const },
      { id: 'b', pred: { kind: 'netns', args: { name: 'red' } } as const },
    ];
    expect(await host.evaluateChecks(checks, 1)).toEqual([{ id: 'a', ok: true }, { id: 'b', ok: false, detail: 'host1 has no namespace red' }]);
    await run('sudo ip netns add red');
    expect(await host.evaluateChecks(checks, 2)).toEqual([{ id: 'a', ok: false }, { id: 'b', ok: true }]);
  });
});
