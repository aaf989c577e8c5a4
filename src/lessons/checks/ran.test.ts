import { describe, expect, it } from 'vitest';
import { containsCommand, execTarget } from './ran';
import { BRIDGE_BY_HAND, shellWorld } from './shell-world';

describe('ran', () => {
  it('matches typed text as whole words with spaces normalised', () => {
    expect(containsCommand('docker  network ls -q', 'docker network ls')).toBe(true);
    expect(containsCommand('sudo docker network ls|wc -l', 'docker network ls')).toBe(true);
    expect(containsCommand('docker network lsx', 'docker network ls')).toBe(false);
    expect(containsCommand('mydocker network ls', 'docker network ls')).toBe(false);
  });

  it('needs a successful run by default, and says so when it failed', async () => {
    const w = await shellWorld('docker network ls --filter colour=red');
    expect(await w.holds({ kind: 'ran', args: { command: 'docker network ls' } })).toEqual({ ok: false, detail: '`docker network ls --filter colour=red` exited with status 1' });
    expect((await w.holds({ kind: 'ran', args: { command: 'docker network ls', exit: 'any' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'ran', args: { command: 'docker network ls', exit: 1 } })).ok).toBe(true);
    await w.type('docker network ls');
    expect((await w.holds({ kind: 'ran', args: { command: 'docker network ls' } })).ok).toBe(true);
  });

  it('matches by regex and on the command output', async () => {
    const w = await shellWorld('docker network ls -q | wc -l');
    expect((await w.holds({ kind: 'ran', args: { pattern: 'ls (-q|--quiet) \\| wc -l', matches: '^3$' } })).ok).toBe(true);
    expect(await w.holds({ kind: 'ran', args: { pattern: 'wc', contains: '4' } })).toEqual({ ok: false, detail: 'its output did not contain `4`' });
    expect((await w.holds({ kind: 'ran', args: { pattern: '^docker run' } })).ok).toBe(false);
  });

  it('knows where a line was typed: host or named namespace', async () => {
    const w = await shellWorld(...BRIDGE_BY_HAND, 'ip route');
    expect((await w.holds({ kind: 'ran', args: { command: 'ip route', in: 'host1' } })).ok).toBe(true);
    expect(await w.holds({ kind: 'ran', args: { command: 'ip route', in: 'red' } })).toEqual({ ok: false, detail: 'you ran it, but not in red' });
  });

  it('counts `docker exec NAME CMD` from the host as running CMD in that container', async () => {
    const w = await shellWorld('docker run -d --name box alpine sleep 1d', 'docker run -d --name other alpine sleep 1d', 'docker exec -e X=1 box cat /etc/hostname');
    expect((await w.holds({ kind: 'ran', args: { command: 'cat /etc/hostname', in: 'box' } })).ok).toBe(true);
    expect(await w.holds({ kind: 'ran', args: { command: 'cat /etc/hostname', in: 'other' } })).toEqual({ ok: false, detail: 'you ran it, but not in other' });
    expect(execTarget('sudo docker container exec -it -u root box sh')).toBe('box');
    expect(execTarget('docker exec box')).toBeNull();
    expect(execTarget('docker run box ls')).toBeNull();
  });
});
