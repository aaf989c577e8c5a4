// Synthetic topology models for tests and the browser benchmark: one host with docker0, N user networks and M
// containers spread over them, shaped exactly as the worker's projection would give them.
import type { TopoEndpoint, TopoInterface, TopoNetwork, TopoSandbox, TopologyModel } from '../../worker/protocol';

function iface(key: string, name: string, kind: string, addrs: string[], extra: Partial<TopoInterface> = {}): TopoInterface {
  return { key, name, kind, mac: '02:42:00:00:00:00', up: true, addrs, master: null, peer: null, ...extra };
}

const hex = (n: number, len = 12) => n.toString(16).padStart(len, '0');

export function syntheticModel(networks: number, containers: number): TopologyModel {
  const host = 'host1';
  const model: TopologyModel = {
    segments: [{ name: 'lan0', cidr: '10.10.0.0/24', gateway: '10.10.0.1' }],
    hosts: [{ name: host, interfaces: [iface('host1:lo', 'lo', 'loopback', ['127.0.0.1/8']), iface('host1:eth0', 'eth0', 'ether', ['10.10.0.11/24']), iface('host1:docker0', 'docker0', 'bridge', ['172.17.0.1/16'])] }],
    networks: [],
    sandboxes: [],
    endpoints: [],
    namespaces: [],
  };
  const nets: TopoNetwork[] = [{ id: hex(1, 64), name: 'bridge', driver: 'bridge', scope: 'local', host, subnets: ['172.17.0.0/16'], gateways: ['172.17.0.1'], bridge: 'docker0', internal: false }];
  for (let i = 0; i < networks; i++) {
    const id = hex(100 + i, 64);
    const bridge = `br-${id.slice(-12)}`;
    nets.push({ id, name: `net${i}`, driver: 'bridge', scope: 'local', host, subnets: [`10.${100 + i}.0.0/24`], gateways: [`10.${100 + i}.0.1`], bridge, internal: false });
    model.hosts[0].interfaces.push(iface(`host1:${bridge}`, bridge, 'bridge', [`10.${100 + i}.0.1/24`]));
  }
  model.networks = nets;
  for (let c = 0; c < containers; c++) {
    const net = nets[c % nets.length];
    const id = hex(5000 + c, 64);
    const netns = `host1/ctr/${id.slice(-12)}`;
    const octets = net.subnets[0].split('.');
    const ip = `${octets[0]}.${octets[1]}.${Math.floor((c + 2) / 250)}.${((c + 2) % 250) + 2}/${net.subnets[0].split('/')[1]}`;
    const veth = `veth${hex(c, 7)}`;
    const sb: TopoSandbox = { id: hex(9000 + c, 64), host, name: `c${c}`, containerId: id, containers: [`c${c}`], mode: 'bridge', netns, interfaces: [iface(`${netns}:lo`, 'lo', 'loopback', ['127.0.0.1/8']), iface(`${netns}:eth0`, 'eth0', 'veth', [ip], { peer: `host1:${veth}` })], running: true };
    model.sandboxes.push(sb);
    model.hosts[0].interfaces.push(iface(`host1:${veth}`, veth, 'veth', [], { master: net.bridge, peer: `${netns}:eth0` }));
    const ep: TopoEndpoint = { id: hex(20000 + c, 64), host, sandboxId: sb.id, networkId: net.id, ifname: 'eth0', hostIfname: veth, ipv4: ip, mac: '02:42:00:00:00:00' };
    model.endpoints.push(ep);
  }
  return model;
}
