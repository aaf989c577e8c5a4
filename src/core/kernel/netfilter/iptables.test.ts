import { describe, expect, it } from 'vitest';
import { World } from '../../world';
import { createNetns } from '../netns';
import { iptables } from './iptables';
import { iptablesSave } from './save';

function fresh() {
  const world = World.empty(1, 'test');
  createNetns(world, 'h', 'h', 'root');
  const run = (line: string) => iptables(world, 'h', line.split(' '));
  return { world, run };
}

/** Docker 27's rules for one published port, as dockerd runs them. */
const DOCKER_RULES = [
  '-N DOCKER',
  '-N DOCKER-ISOLATION-STAGE-1',
  '-N DOCKER-ISOLATION-STAGE-2',
  '-N DOCKER-USER',
  '-P FORWARD DROP',
  '-A FORWARD -j DOCKER-USER',
  '-A FORWARD -j DOCKER-ISOLATION-STAGE-1',
  '-A FORWARD -o docker0 -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
  '-A FORWARD -o docker0 -j DOCKER',
  '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT',
  '-A FORWARD -i docker0 -o docker0 -j ACCEPT',
  '-A DOCKER -d 172.17.0.2 ! -i docker0 -o docker0 -p tcp --dport 80 -j ACCEPT',
  '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
  '-A DOCKER-ISOLATION-STAGE-1 -j RETURN',
  '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
  '-A DOCKER-ISOLATION-STAGE-2 -j RETURN',
  '-A DOCKER-USER -j RETURN',
  '-t nat -N DOCKER',
  '-t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
  '-t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
  '-t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
  '-t nat -A DOCKER -i docker0 -j RETURN',
  '-t nat -A DOCKER ! -i docker0 -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
];

describe('iptables API', () => {
  it('canonicalises rules as iptables -S prints them (Docker 27 rule set)', () => {
    const { run } = fresh();
    for (const r of DOCKER_RULES) expect(run(r)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run('-S').stdout).toBe(
      [
        '-P INPUT ACCEPT',
        '-P FORWARD DROP',
        '-P OUTPUT ACCEPT',
        '-N DOCKER',
        '-N DOCKER-ISOLATION-STAGE-1',
        '-N DOCKER-ISOLATION-STAGE-2',
        '-N DOCKER-USER',
        '-A FORWARD -j DOCKER-USER',
        '-A FORWARD -j DOCKER-ISOLATION-STAGE-1',
        '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
        '-A FORWARD -o docker0 -j DOCKER',
        '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT',
        '-A FORWARD -i docker0 -o docker0 -j ACCEPT',
        '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
        '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
        '-A DOCKER-ISOLATION-STAGE-1 -j RETURN',
        '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
        '-A DOCKER-ISOLATION-STAGE-2 -j RETURN',
        '-A DOCKER-USER -j RETURN',
        '',
      ].join('\n'),
    );
    expect(run('-t nat -S').stdout).toBe(
      [
        '-P PREROUTING ACCEPT',
        '-P INPUT ACCEPT',
        '-P OUTPUT ACCEPT',
        '-P POSTROUTING ACCEPT',
        '-N DOCKER',
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
        '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
        '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
        '-A DOCKER -i docker0 -j RETURN',
        '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
        '',
      ].join('\n'),
    );
  });

  it('lists the nat table with -L -n as iptables prints it', () => {
    const { run } = fresh();
    for (const r of DOCKER_RULES) run(r);
    const out = run('-t nat -L -n').stdout;
    expect(out).toContain(
      'Chain POSTROUTING (policy ACCEPT)\n' +
        'target     prot opt source               destination         \n' +
        'MASQUERADE  all  --  172.17.0.0/16        0.0.0.0/0           \n',
    );
    expect(out).toContain(
      'Chain DOCKER (2 references)\n' +
        'target     prot opt source               destination         \n' +
        'RETURN     all  --  0.0.0.0/0            0.0.0.0/0           \n' +
        'DNAT       tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.17.0.2:80\n',
    );
  });

  it('shows counters, interfaces and line numbers with -v --line-numbers', () => {
    const { run } = fresh();
    run('-A FORWARD -i docker0 ! -o docker0 -j ACCEPT');
    expect(run('-L FORWARD -v -n --line-numbers').stdout).toBe(
      'Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)\n' +
        'num   pkts bytes target     prot opt in     out     source               destination         \n' +
        '1        0     0 ACCEPT     all  --  docker0 !docker0  0.0.0.0/0            0.0.0.0/0           \n',
    );
  });

  it('deletes by spec and by number, checks with -C, and reports iptables errors', () => {
    const { run } = fresh();
    run('-A INPUT -p tcp --dport 22 -j ACCEPT');
    expect(run('-C INPUT -p tcp -m tcp --dport 22 -j ACCEPT').exitCode).toBe(0);
    expect(run('-D INPUT -p tcp --dport 23 -j ACCEPT')).toEqual({
      stdout: '',
      stderr: 'iptables: Bad rule (does a matching rule exist in that chain?).\n',
      exitCode: 1,
    });
    expect(run('-D INPUT 1').exitCode).toBe(0);
    expect(run('-D INPUT 1').stderr).toBe('iptables: Index of deletion too big.\n');
    expect(run('-A INPUT -j NOPE').stderr).toBe(
      "iptables v1.8.10 (nf_tables): Chain 'NOPE' does not exist\nTry `iptables -h' or 'iptables --help' for more information.\n",
    );
    expect(run('-A INPUT --dport 80 -j ACCEPT').stderr).toContain('unknown option "--dport"');
    expect(run('-t foo -L').exitCode).toBe(3);
    expect(run('-N X').exitCode).toBe(0);
    expect(run('-N X').stderr).toBe('iptables: Chain already exists.\n');
    expect(run('-A INPUT -j X').exitCode).toBe(0);
    expect(run('-X X').stderr).toBe('iptables v1.8.10 (nf_tables):  CHAIN_USER_DEL failed (Device or resource busy): chain X\n');
    expect(run('-L NOPE').stderr).toBe('iptables: No chain/target/match by that name.\n');
    expect(run('').stderr).toContain('no command specified');
  });

  it('dumps tables in use with iptables-save', () => {
    const { world, run } = fresh();
    run('-t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE');
    expect(iptablesSave(world.state.netns.h.netfilter, Date.UTC(2025, 2, 3, 9, 30) * 1000)).toBe(
      '# Generated by iptables-save v1.8.10 (nf_tables) on Mon Mar  3 09:30:00 2025\n' +
        '*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n' +
        '-A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE\nCOMMIT\n# Completed on Mon Mar  3 09:30:00 2025\n',
    );
  });

  it('quotes comments like xtables_save_string', () => {
    const { run } = fresh();
    run('-A INPUT -m comment --comment hello -j ACCEPT');
    const { world } = fresh();
    iptables(world, 'h', ['-A', 'INPUT', '-m', 'comment', '--comment', 'two words', '-j', 'DROP']);
    expect(iptables(world, 'h', ['-S', 'INPUT']).stdout).toBe('-P INPUT ACCEPT\n-A INPUT -m comment --comment "two words" -j DROP\n');
    expect(run('-S INPUT').stdout).toBe('-P INPUT ACCEPT\n-A INPUT -m comment --comment hello -j ACCEPT\n');
  });
});
