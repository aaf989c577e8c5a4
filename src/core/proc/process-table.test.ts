import { describe, expect, it } from 'vitest';
import { createWorld } from '../presets';
import { hostProcesses } from './process-table';

describe('process table', () => {
  it('lists systemd, the daemons and the login shell with fixed pids', () => {
    const procs = hostProcesses(createWorld(), 'host1');
    expect(procs[0]).toMatchObject({ pid: 1, ppid: 0, user: 'root', comm: 'systemd', args: '/sbin/init' });
    expect(procs.find((p) => p.pid === 584)).toMatchObject({ user: 'systemd-resolve', comm: 'systemd-resolve' });
    expect(procs.find((p) => p.args === '-bash')).toMatchObject({ pid: 976, tty: 'pts/0', user: 'learner' });
  });
  it('is deterministic and pid-ordered', () => {
    const a = hostProcesses(createWorld(), 'host1');
    expect(hostProcesses(createWorld(), 'host1')).toEqual(a);
    expect(a.map((p) => p.pid)).toEqual([...a.map((p) => p.pid)].sort((x, y) => x - y));
  });
});
