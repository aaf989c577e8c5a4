import { describe, expect, it } from 'vitest';
import { iptables } from '../kernel/netfilter/iptables';
import { startContainer } from './container-start';
import { stopContainer } from './container-stop';
import { newContainer, newNetwork, testEngine } from './test-support';
import { addHost } from '../presets/host';
import { walk } from '../sim/walker';

describe('the rules dockerd 27 programs', () => {
  it('gives a fresh daemon its chains, the docker0 rules and FORWARD DROP', () => {
    const { world } = testEngine();
    expect(iptables(world, 'host1', ['-S']).stdout).toBe(
      [
        '-P INPUT ACCEPT', '-P FORWARD DROP', '-P OUTPUT ACCEPT',
        '-N DOCKER', '-N DOCKER-ISOLATION-STAGE-1', '-N DOCKER-ISOLATION-STAGE-2', '-N DOCKER-USER',
        '-A FORWARD -j DOCKER-USER', '-A FORWARD -j DOCKER-ISOLATION-STAGE-1',
        '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT', '-A FORWARD -o docker0 -j DOCKER',
        '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT', '-A FORWARD -i docker0 -o docker0 -j ACCEPT',
        '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2', '-A DOCKER-ISOLATION-STAGE-1 -j RETURN',
        '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP', '-A DOCKER-ISOLATION-STAGE-2 -j RETURN', '-A DOCKER-USER -j RETURN', '',
      ].join('\n'),
    );
  });

  it('puts a new network above docker0 and publishes a port with DNAT, ACCEPT and hairpin MASQUERADE', () => {
    const { world, engine } = testEngine();
    const n = newNetwork(world, engine, 'app');
    const c = newContainer(world, engine, { name: 'web', image: 'nginx', networkMode: 'app', exposedPorts: ['80/tcp'], portBindings: { '80/tcp': [{ hostIp: '', hostPort: '8080' }] } });
    startContainer(world, engine, c);
    const br = n.bridgeName!;
    expect(iptables(world, 'host1', ['-t', 'nat', '-S']).stdout.split('\n').slice(7)).toEqual([
      `-A POSTROUTING -s 172.18.0.0/16 ! -o ${br} -j MASQUERADE`,
      '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      '-A POSTROUTING -s 172.18.0.2/32 -d 172.18.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE',
      `-A DOCKER -i ${br} -j RETURN`,
      '-A DOCKER -i docker0 -j RETURN',
      `-A DOCKER ! -i ${br} -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:80`,
      '',
    ]);
    expect(iptables(world, 'host1', ['-S', 'DOCKER']).stdout).toBe(`-N DOCKER\n-A DOCKER -d 172.18.0.2/32 ! -i ${br} -o ${br} -p tcp -m tcp --dport 80 -j ACCEPT\n`);
    stopContainer(world, engine, c);
    expect(iptables(world, 'host1', ['-S', 'DOCKER']).stdout).toBe('-N DOCKER\n');
  });

  it('gives an internal network the two isolation DROP rules instead of NAT and forwarding', () => {
    const { world, engine } = testEngine();
    const n = newNetwork(world, engine, 'secret', { internal: true });
    const br = n.bridgeName!;
    const stage1 = iptables(world, 'host1', ['-S', 'DOCKER-ISOLATION-STAGE-1']).stdout;
    expect(stage1).toContain(`-A DOCKER-ISOLATION-STAGE-1 ! -s 172.18.0.0/16 -o ${br} -j DROP\n-A DOCKER-ISOLATION-STAGE-1 ! -d 172.18.0.0/16 -i ${br} -j DROP\n`);
    expect(iptables(world, 'host1', ['-t', 'nat', '-S']).stdout).not.toContain(br);
    // No jump to STAGE-2 and no STAGE-2 DROP for it (isolateNetwork returns early for internal networks).
    expect(stage1).not.toContain(`-i ${br} ! -o ${br} -j DOCKER-ISOLATION-STAGE-2`);
    expect(iptables(world, 'host1', ['-S', 'DOCKER-ISOLATION-STAGE-2']).stdout).not.toContain(br);
  });

  it('lets DOCKER-USER rules see the flow as it was before DNAT (conntrack --ctorigdstport) and filter by source range', () => {
    const { world, engine } = testEngine();
    addHost(world, 'client', 'lan0', '10.10.0.50');
    const c = newContainer(world, engine, { name: 'web', image: 'nginx', exposedPorts: ['80/tcp'], portBindings: { '80/tcp': [{ hostIp: '', hostPort: '8080' }] } });
    startContainer(world, engine, c);
    const fromLan = () => walk(world, { from: 'client', proto: 'tcp', dst: '10.10.0.11', dport: 8080 }).outcome;
    expect(fromLan()).toBe('replied');
    // After DNAT the packet is for port 80; only the original tuple still says 8080.
    iptables(world, 'host1', ['-I', 'DOCKER-USER', '-p', 'tcp', '-m', 'conntrack', '--ctorigdstport', '8080', '-j', 'DROP']);
    expect(fromLan()).toBe('dropped');
    iptables(world, 'host1', ['-R', 'DOCKER-USER', '1', '-p', 'tcp', '-m', 'conntrack', '--ctorigdstport', '80', '-j', 'DROP']);
    expect(fromLan()).toBe('replied');
    // --ctdir: the rule sees the request (ORIGINAL) or only the answer (REPLY).
    iptables(world, 'host1', ['-R', 'DOCKER-USER', '1', '-p', 'tcp', '-m', 'conntrack', '--ctorigdstport', '8080', '--ctdir', 'REPLY', '-j', 'DROP']);
    expect(fromLan()).toBe('reply-dropped');
    iptables(world, 'host1', ['-R', 'DOCKER-USER', '1', '-p', 'tcp', '-m', 'conntrack', '--ctorigdstport', '8080', '--ctdir', 'ORIGINAL', '-j', 'DROP']);
    expect(fromLan()).toBe('dropped');
    iptables(world, 'host1', ['-R', 'DOCKER-USER', '1', '-i', 'eth0', '-m', 'iprange', '!', '--src-range', '10.10.0.40-10.10.0.49', '-j', 'DROP']);
    expect(fromLan()).toBe('dropped');
    iptables(world, 'host1', ['-R', 'DOCKER-USER', '1', '-i', 'eth0', '-m', 'iprange', '!', '--src-range', '10.10.0.40-10.10.0.59', '-j', 'DROP']);
    expect(fromLan()).toBe('replied');
  });
});
