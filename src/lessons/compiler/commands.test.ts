import { describe, expect, it } from 'vitest';
import { lineProblems } from './commands';

describe('lineProblems', () => {
  it('accepts lines the lab can run, with pipes, sudo, substitutions and comments', () => {
    for (const line of [
      'docker network ls',
      'docker network ls -q | wc -l',
      'docker -D network ls --filter driver=bridge',
      'docker --config /tmp network ls',
      'sudo ip netns add red',
      'echo "$(docker network ls -q | head -n 1)"',
      'ping -c 1 10.10.0.1   # ^C after 3s',
      'X=1 echo $X',
      'docker --version',
    ]) {
      expect(lineProblems(line), line).toEqual([]);
    }
  });

  it('names unknown programs, also after sudo and inside $(...)', () => {
    expect(lineProblems('dockr ps')).toEqual(['unknown command `dockr` (the lab has no such program; type `help` in the lab for the list)']);
    expect(lineProblems('sudo -i frob')).toEqual(['unknown command `frob` (the lab has no such program; type `help` in the lab for the list)']);
    expect(lineProblems('echo $(nope)')).toEqual(['unknown command `nope` (the lab has no such program; type `help` in the lab for the list)']);
  });

  it('walks the docker command tree past global flags and their values', () => {
    expect(lineProblems('docker netwrk ls')).toEqual(['unknown command `docker netwrk`']);
    expect(lineProblems('docker -H unix:///x network lss')).toEqual(['unknown command `docker network lss`']);
  });

  it('reports lines the shell cannot parse', () => {
    expect(lineProblems('echo "open')).toEqual(['incomplete command (" is never closed)']);
    expect(lineProblems('ls |')[0]).toMatch(/^incomplete command/);
  });
});
