// `ip -j` / `ip -j -p`: iproute2's JSON output (json_print.c): the same records as the text output, keyed in the order
// print_linkinfo, print_addrinfo, print_route and print_neigh emit them; compact on one line, or pretty-printed.
import type { Link, Neighbour, Route } from '../../../core/kernel/types';
import { iproute2Flags, linkType, masterName, operState, peerName, peerNsId, qdiscOf, visibleAddrs } from '../../../core/kernel/link-state';
import { hasCarrier, linkByIndex } from '../../../core/kernel/links';
import { formatIpv4 } from '../../../core/net/ipv4';
import type { IpCtx } from './common';

type Json = Record<string, unknown>;
const FOREVER = 4294967295;

/** print_linkinfo's keys (`linkmode` only for `ip link`). */
export function linkJson(ip: IpCtx, link: Link, forLinkCmd: boolean): Json {
  const { world, ns } = ip;
  const o: Json = { ifindex: link.ifindex, ifname: link.name };
  const p = peerName(world, ns, link);
  if (p) {
    if (p.otherNs) o.link_index = p.peer?.ifindex ?? Number(p.suffix.replace(/^if/, ''));
    else o.link = p.suffix;
  }
  o.flags = iproute2Flags(world, ns, link);
  o.mtu = link.mtu;
  o.qdisc = qdiscOf(link);
  const master = masterName(ns, link);
  if (master) o.master = master;
  o.operstate = operState(world, ns, link);
  if (forLinkCmd) o.linkmode = 'DEFAULT';
  o.group = 'default';
  if (link.txqlen) o.txqlen = link.txqlen;
  // The link-layer part is left out when an address family filters the listing (`ip -j -4 addr`).
  if (ip.opts.family === 'inet' || ip.opts.family === 'inet6') return o;
  o.link_type = linkType(link);
  o.address = link.mac;
  o.broadcast = link.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
  if (p?.otherNs) {
    if (p.otherNs.kind === 'named' && p.otherNs.host === ns.host) o.link_netns = p.otherNs.name;
    else o.link_netnsid = peerNsId(world, ns, p.otherNs);
  }
  return o;
}

/** print_addrinfo for each address of the families asked for. */
export function addrInfoJson(ip: IpCtx, link: Link): Json[] {
  const out: Json[] = [];
  if (ip.opts.family !== 'inet6') {
    for (const a of visibleAddrs(link)) {
      const o: Json = { family: 'inet', local: formatIpv4(a.ip), prefixlen: a.prefixLen };
      if (a.brd !== null) o.broadcast = formatIpv4(a.brd);
      o.scope = a.scope;
      o.label = link.name;
      o.valid_life_time = FOREVER;
      o.preferred_life_time = FOREVER;
      out.push(o);
    }
  }
  if (ip.opts.family !== 'inet') {
    for (const a of link.addrs6 ?? []) {
      const o: Json = { family: 'inet6', local: a.ip, prefixlen: a.prefixLen, scope: a.scope };
      for (const f of a.flags) o[f] = true;
      o.valid_life_time = FOREVER;
      o.preferred_life_time = FOREVER;
      out.push(o);
    }
  }
  return out;
}

/** print_route: `dst`, gateway, dev, protocol (not boot), scope (not global), prefsrc, metric, and the flags array. */
export function routeJson(ip: IpCtx, r: Route): Json {
  const o: Json = {};
  if (r.type !== 'unicast') o.type = r.type;
  o.dst = r.dstLen === 0 ? 'default' : r.dstLen === 32 ? formatIpv4(r.dst) : `${formatIpv4(r.dst)}/${r.dstLen}`;
  if (r.gateway !== null) o.gateway = formatIpv4(r.gateway);
  const dev = r.dev !== null ? linkByIndex(ip.ns, r.dev) : undefined;
  if (dev) o.dev = dev.name;
  if (r.proto !== 'boot') o.protocol = r.proto;
  if (r.scope !== 'global') o.scope = r.scope;
  if (r.src !== null) o.prefsrc = formatIpv4(r.src);
  if (r.metric !== null) o.metric = r.metric;
  const flags: string[] = [];
  if (r.onlink) flags.push('onlink');
  if (dev && dev.up && !hasCarrier(ip.world, ip.ns, dev)) flags.push('linkdown');
  o.flags = flags;
  return o;
}

/** print_neigh: dst, dev, lladdr, and the NUD state as an array. */
export function neighJson(ip: IpCtx, n: Neighbour, state: string, withDev: boolean): Json {
  const o: Json = { dst: formatIpv4(n.ip) };
  const link = linkByIndex(ip.ns, n.dev);
  if (withDev && link) o.dev = link.name;
  if (n.mac) o.lladdr = n.mac;
  o.state = [state];
  return o;
}

/** The document as iproute2 writes it: compact, or with `-p` four-space indents and `[ ]` for an empty array. */
export function printJson(ip: IpCtx, records: Json[]): void {
  if (!ip.opts.pretty) {
    ip.ctx.out(`${JSON.stringify(records)}\n`);
    return;
  }
  ip.ctx.out(`${JSON.stringify(records, null, 4).replace(/\[\]/g, '[ ]')}\n`);
}
