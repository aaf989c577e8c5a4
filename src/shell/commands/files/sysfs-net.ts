// /sys/class/net: one directory per network device of the reader's namespace (sysfs is mounted per netns), with the
// attributes tutorials read — ifindex and iflink (a veth's peer index: how a container's eth0 is matched to its
// host-side veth), address, mtu, operstate, carrier, flags, type, tx_queue_len — and a bridge's brif/ port list.
import type { World } from '../../../core/world';
import type { Link, Netns } from '../../../core/kernel/types';
import { hasCarrier, linkByIndex } from '../../../core/kernel/links';
import { operState } from '../../../core/kernel/link-state';
import { registerFileFamily } from '../../vfs';
import type { ProcessEnv } from '../../types';

const ROOT = '/sys/class/net/';
const ATTRS = ['addr_len', 'address', 'broadcast', 'carrier', 'flags', 'ifindex', 'iflink', 'mtu', 'operstate', 'tx_queue_len', 'type'];

/** dev->flags as sysfs prints them: IFF_UP 0x1, BROADCAST 0x2, LOOPBACK 0x8, NOARP 0x80, MULTICAST 0x1000. */
function flags(link: Link): string {
  let f = link.up ? 0x1 : 0;
  if (link.kind === 'loopback') f |= 0x8;
  else f |= 0x2 | (link.kind === 'dummy' ? 0x80 : 0x1000);
  return `0x${f.toString(16)}`;
}

/** One attribute file, or null (no such file; `carrier` of a down device reads as EINVAL, shown here as absent). */
function attr(world: World, ns: Netns, link: Link, name: string): string | null {
  switch (name) {
    case 'addr_len':
      return '6';
    case 'address':
      return link.kind === 'loopback' ? '00:00:00:00:00:00' : link.mac;
    case 'broadcast':
      return link.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
    case 'carrier':
      return link.up ? (hasCarrier(world, ns, link) ? '1' : '0') : null;
    case 'flags':
      return flags(link);
    case 'ifindex':
      return String(link.ifindex);
    case 'iflink':
      return String(link.peer?.ifindex ?? link.lower?.parent.ifindex ?? link.ifindex);
    case 'mtu':
      return String(link.mtu);
    case 'operstate':
      return operState(world, ns, link).toLowerCase();
    case 'tx_queue_len':
      return String(link.txqlen);
    case 'type':
      return link.kind === 'loopback' ? '772' : '1';
    default:
      return null;
  }
}

function nsOf(world: World, env: ProcessEnv): Netns | undefined {
  return world.state.netns[env.netns];
}

registerFileFamily({
  prefix: ROOT,
  paths(world, env) {
    const ns = nsOf(world, env);
    if (!ns) return [];
    const out: string[] = [];
    for (const link of ns.links) {
      for (const a of ATTRS) if (attr(world, ns, link, a) !== null) out.push(`${ROOT}${link.name}/${a}`);
      if (link.kind === 'bridge') {
        for (const port of ns.links.filter((l) => l.master === link.ifindex)) out.push(`${ROOT}${link.name}/brif/${port.name}/port_no`);
      }
    }
    return out;
  },
  read(world, env, path) {
    const ns = nsOf(world, env);
    const m = /^\/sys\/class\/net\/([^/]+)\/(.+)$/.exec(path);
    if (!ns || !m) return null;
    const link = ns.links.find((l) => l.name === m[1]);
    if (!link) return null;
    const port = /^brif\/([^/]+)\/port_no$/.exec(m[2]);
    if (port) {
      const ports = ns.links.filter((l) => l.master === link.ifindex);
      const i = ports.findIndex((l) => l.name === port[1]);
      return i < 0 || !linkByIndex(ns, ports[i].ifindex) ? null : `0x${(i + 1).toString(16)}\n`;
    }
    const value = attr(world, ns, link, m[2]);
    return value === null ? null : `${value}\n`;
  },
});
