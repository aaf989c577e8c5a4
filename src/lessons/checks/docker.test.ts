import { describe, expect, it } from 'vitest';
import { sameImage } from './docker';
import { shellWorld } from './shell-world';

describe('docker predicates', () => {
  it('network: exists with driver, IPAM and options', async () => {
    const w = await shellWorld();
    expect(await w.holds({ kind: 'network', args: { name: 'mynet' } })).toEqual({ ok: false, detail: 'there is no network mynet' });
    await w.type('docker network create --subnet 10.1.0.0/24 --ip-range 10.1.0.128/25 --gateway 10.1.0.254 -o com.docker.network.bridge.name=br-mine --label team=red mynet');
    expect((await w.holds({ kind: 'network', args: { name: 'mynet', driver: 'bridge', subnet: '10.1.0.7/24', gateway: '10.1.0.254', ipRange: '10.1.0.128/25', internal: false } })).ok).toBe(true);
    expect((await w.holds({ kind: 'network', args: { name: 'mynet', options: { 'com.docker.network.bridge.name': 'br-mine' }, labels: { team: 'red' } } })).ok).toBe(true);
    expect(await w.holds({ kind: 'network', args: { name: 'mynet', driver: 'macvlan', internal: true } })).toEqual({ ok: false, detail: 'network mynet exists, but its driver is bridge; it is not internal' });
    expect(await w.holds({ kind: 'network', args: { name: 'mynet', subnet: '10.2.0.0/24' } })).toEqual({ ok: false, detail: 'network mynet exists, but its subnets are 10.1.0.0/24' });
    expect((await w.holds({ kind: 'network', args: { name: 'none', driver: 'null' } })).ok).toBe(true);
    await w.type('docker network rm mynet');
    expect((await w.holds({ kind: 'not', pred: { kind: 'network', args: { name: 'mynet' } } })).ok).toBe(true);
  });

  it('container: exists, runs, image, networks, addresses, hostname', async () => {
    const w = await shellWorld('docker network create app', 'docker run -d --name a2 --network app --hostname db alpine sleep 1000');
    expect((await w.holds({ kind: 'container', args: { name: 'a2', running: true, image: 'alpine:latest', network: 'app', ip: '172.18.0.2', hostname: 'db' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'container', args: { name: 'a2', ip: '172.18.0.0/16' } })).ok).toBe(true);
    expect(await w.holds({ kind: 'container', args: { name: 'a2', network: ['app', 'bridge'] } })).toEqual({ ok: false, detail: 'container a2 exists, but it is on app, not bridge' });
    expect(await w.holds({ kind: 'container', args: { name: 'a3' } })).toEqual({ ok: false, detail: 'there is no container a3' });
    await w.type('docker network connect bridge a2');
    expect((await w.holds({ kind: 'container', args: { name: 'a2', network: ['app', 'bridge'], ip: '172.17.0.2' } })).ok).toBe(true);
    await w.type('docker stop a2');
    expect(await w.holds({ kind: 'container', args: { name: 'a2', running: true } })).toEqual({ ok: false, detail: 'container a2 exists, but it is not running' });
    expect(await w.holds({ kind: 'container', args: { name: 'a2', ip: '172.18.0.2' } })).toEqual({ ok: false, detail: 'container a2 exists, but it has no address' });
    expect((await w.holds({ kind: 'container', args: { name: 'a2', running: false } })).ok).toBe(true);
    expect(sameImage('docker.io/library/nginx:latest', 'nginx')).toBe(true);
    expect(sameImage('nginx:1.27', 'nginx')).toBe(false);
  });

  it('container: network modes host, none and container:NAME', async () => {
    const w = await shellWorld('docker run -d --name web nginx', 'docker run -d --name side --network container:web alpine sleep 1000', 'docker run -d --name hostc --network host nginx', 'docker run -d --name nonec --network none alpine sleep 1000');
    expect((await w.holds({ kind: 'container', args: { name: 'side', networkMode: 'container:web' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'container', args: { name: 'hostc', networkMode: 'host', network: 'host' } })).ok).toBe(true);
    expect(await w.holds({ kind: 'container', args: { name: 'nonec', networkMode: 'bridge' } })).toEqual({ ok: false, detail: 'container nonec exists, but its network mode is none' });
    // Sharing web's namespace: side reaches web's nginx on its own loopback.
    expect((await w.holds({ kind: 'reachable', args: { from: 'side', to: '127.0.0.1:80' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'output', args: { in: 'hostc', command: 'hostname', equals: 'host1' } })).ok).toBe(true);
    expect(await w.holds({ kind: 'reachable', args: { from: 'nonec', to: 'web' } })).toEqual({ ok: false, detail: 'web (172.17.0.2): no route to 172.17.0.2 in container nonec (the routing table has no matching entry)' });
  });

  it('endpoints: the number of containers attached to a network', async () => {
    const w = await shellWorld('docker network create app');
    const two = { kind: 'endpoints', args: { network: 'app', count: 2 } } as const;
    expect(await w.holds(two)).toEqual({ ok: false, detail: 'network app has 0 endpoints' });
    await w.type('docker run -d --name c1 --network app alpine sleep 1000', 'docker run -d --name c2 --network app alpine sleep 1000');
    expect(await w.holds(two)).toEqual({ ok: true, detail: 'network app has 2 endpoints' });
    expect((await w.holds({ kind: 'endpoints', args: { network: 'app', min: 1, max: 1 } })).ok).toBe(false);
  });

  it('reachable and resolves between containers: names on user-defined networks only, isolation between networks', async () => {
    const w = await shellWorld(
      'docker run -d --name alpine1 alpine sleep 1000',
      'docker run -d --name alpine2 alpine sleep 1000',
      'docker network create alpine-net',
      'docker run -d --name alpine3 --network alpine-net alpine sleep 1000',
      'docker run -d --name alpine4 --network alpine-net alpine sleep 1000',
    );
    expect((await w.holds({ kind: 'reachable', args: { from: 'alpine1', to: 'alpine2' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'reachable', args: { from: 'alpine1', to: '172.17.0.3' } })).ok).toBe(true);
    expect(await w.holds({ kind: 'reachable', args: { from: 'alpine1', to: 'alpine2', via: 'dns' } })).toMatchObject({ ok: false, detail: 'alpine2 does not resolve from alpine1' });
    expect((await w.holds({ kind: 'reachable', args: { from: 'alpine3', to: 'alpine4', via: 'dns' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'resolves', args: { from: 'alpine3', name: 'alpine4', to: 'alpine4' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'resolves', args: { from: 'alpine1', name: 'alpine2' } })).ok).toBe(false);
    const isolated = await w.holds({ kind: 'reachable', args: { from: 'alpine1', to: 'alpine3' } });
    expect(isolated.ok).toBe(false);
    expect(isolated.detail).toMatch(/DOCKER-ISOLATION/);
    await w.type('docker network connect bridge alpine4');
    expect((await w.holds({ kind: 'reachable', args: { from: 'alpine4', to: 'alpine1' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'reachable', args: { from: 'alpine4', to: 'alpine3' } })).ok).toBe(true);
  });

  it('reachable on a published port from the host, and output inside a container', async () => {
    const w = await shellWorld('docker run -d --name web -p 8080:80 nginx', 'docker run -d --name a1 alpine sleep 1000');
    expect((await w.holds({ kind: 'reachable', args: { from: 'host1', to: '127.0.0.1:8080' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'reachable', args: { from: 'a1', to: 'web:80' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'reachable', args: { from: 'a1', to: 'web:81' } })).ok).toBe(false);
    expect((await w.holds({ kind: 'iptables', args: { table: 'nat', rule: '-A DOCKER ! -i docker0 -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'output', args: { in: 'a1', command: 'cat /etc/resolv.conf', contains: 'nameserver 10.10.0.1' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'output', args: { in: 'a1', command: 'hostname', equals: w.world.state.docker.host1.containers![Object.keys(w.world.state.docker.host1.containers!)[1]].config.hostname } })).ok).toBe(true);
    expect((await w.holds({ kind: 'ran', args: { command: 'docker run', in: 'a1' } })).ok).toBe(false);
    await w.type('docker exec -it a1 sh', 'ip route', 'exit');
    expect(w.log.map((e) => [e.line, e.containerId ? 'a1' : e.host])).toEqual([
      ['docker run -d --name web -p 8080:80 nginx', 'host1'],
      ['docker run -d --name a1 alpine sleep 1000', 'host1'],
      ['docker exec -it a1 sh', 'host1'],
      ['ip route', 'a1'],
      ['exit', 'a1'],
    ]);
    expect((await w.holds({ kind: 'ran', args: { command: 'ip route', in: 'a1' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'ran', args: { command: 'ip route', in: 'host1' } })).ok).toBe(false);
  });
});
