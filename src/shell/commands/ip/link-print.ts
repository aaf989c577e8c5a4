// print_linkinfo: the first two lines of every `ip link` / `ip addr` entry, and `ip -br link`, in iproute2's
// layout (items separated by trailing spaces) or BusyBox's (`M-DOWN` when the peer is not visible).
import type { Link } from '../../../core/kernel/types';
import { iproute2Flags, linkFlags, linkType, masterName, operState, peerName, peerNsId, qdiscOf, visibleAddrs } from '../../../core/kernel/link-state';
import type { IpCtx } from './common';
import { linkDetails } from './link-details';

/** `veth0@if7` / `veth0@veth1` / `lo`. */
export function displayName(ip: IpCtx, link: Link): string {
  const p = peerName(ip.world, ip.ns, link);
  return p ? `${link.name}@${p.suffix}` : link.name;
}

/**
 * IFLA_LINK_NETNSID of a veth whose peer (or a macvlan/ipvlan whose parent) is in another namespace: the dump gives
 * that namespace an id if it had none; iproute2 prints `link-netns red` when the id belongs to a namespace under
 * /var/run/netns (netns_map_init), `link-netnsid N` otherwise.
 */
function linkNetns(ip: IpCtx, link: Link): string {
  const p = peerName(ip.world, ip.ns, link);
  if (!p?.otherNs) return '';
  const id = peerNsId(ip.world, ip.ns, p.otherNs);
  if (p.otherNs.kind === 'named' && p.otherNs.host === ip.ns.host) return ` link-netns ${p.otherNs.name}`;
  return ` link-netnsid ${id}`;
}

/** The `N: name: <FLAGS> mtu ...` line and the `link/ether ...` line. */
export function linkHeader(ip: IpCtx, link: Link, forLinkCmd: boolean): string {
  const { world, ns } = ip;
  const master = masterName(ns, link);
  if (ip.busybox) {
    const p = peerName(world, ns, link);
    const flags = linkFlags(world, ns, link);
    if (p && (p.otherNs || !p.peer?.up)) flags.push('M-DOWN');
    let s = `${link.ifindex}: ${displayName(ip, link)}: <${flags.join(',')}> mtu ${link.mtu} qdisc ${qdiscOf(link)}`;
    if (master) s += ` master ${master}`;
    s += ` state ${operState(world, ns, link)}`;
    if (link.txqlen) s += ` qlen ${link.txqlen}`;
    return `${s}\n    link/${linkType(link)} ${link.mac} brd ${link.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}\n`;
  }
  let s = `${link.ifindex}: ${displayName(ip, link)}: <${iproute2Flags(world, ns, link).join(',')}> mtu ${link.mtu} qdisc ${qdiscOf(link)} `;
  if (master) s += `master ${master} `;
  s += `state ${operState(world, ns, link)} `;
  if (forLinkCmd) s += 'mode DEFAULT ';
  s += 'group default ';
  if (link.txqlen) s += `qlen ${link.txqlen}`;
  s += `\n    link/${linkType(link)} ${link.mac} brd ${link.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}${linkNetns(ip, link)}`;
  if (ip.opts.details) s += linkDetails(ip, link, forLinkCmd, operState(world, ns, link) !== 'DOWN');
  return s + '\n';
}

/** `ip -br link`: name, state, MAC, flags. */
export function briefLink(ip: IpCtx, link: Link): string {
  const name = displayName(ip, link).padEnd(16);
  const state = operState(ip.world, ip.ns, link).padEnd(14);
  return `${name} ${state} ${link.mac} <${iproute2Flags(ip.world, ip.ns, link).join(',')}> \n`;
}

/** `ip -br addr`: name, state, addresses. */
export function briefAddr(ip: IpCtx, link: Link): string {
  const name = displayName(ip, link).padEnd(16);
  const state = operState(ip.world, ip.ns, link).padEnd(14);
  const v4 = ip.opts.family === 'inet6' ? [] : visibleAddrs(link).map((a) => `${fmtIp(a.ip)}/${a.prefixLen} `);
  const v6 = ip.opts.family === 'inet' ? [] : (link.addrs6 ?? []).map((a) => `${a.ip}/${a.prefixLen} `);
  return `${name} ${state} ${[...v4, ...v6].join('')}\n`;
}

function fmtIp(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** `ip -s`: rtnl_link_stats64 as iproute2 6.1 prints it, columns widened to fit the numbers (size_columns). */
export function linkStats(link: Link): string {
  const st = link.stats ?? { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 };
  const cols = ['*X errors:'.length, 'packets'.length, 'errors'.length, 'dropped'.length, 'heartbt'.length, 'overrun'.length, 'compressed'.length];
  const rx = [st.rxBytes, st.rxPackets, 0, 0, 0, 0];
  const tx = [st.txBytes, st.txPackets, 0, 0, 0, 0];
  for (const v of [rx, tx]) v.forEach((n, i) => (cols[i] = Math.max(cols[i], String(n).length)));
  const head = (dir: string, names: string[]) =>
    `    ${dir}: ${'bytes'.padStart(cols[0] - 4)} ${names.map((n, i) => n.padStart(cols[i + 1])).join(' ')} ${''.padStart(cols[6])}\n`;
  const row = (v: number[]) => `    ${v.map((n, i) => `${String(n).padStart(cols[i])} `).join('')}\n`;
  return head('RX', ['packets', 'errors', 'dropped', 'missed', 'mcast']) + row(rx) + head('TX', ['packets', 'errors', 'dropped', 'carrier', 'collsns']) + row(tx);
}
