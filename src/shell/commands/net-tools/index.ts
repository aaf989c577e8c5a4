// BusyBox's net-tools applets in alpine and busybox images: `ifconfig` (interfaces with their counters) and
// `route` / `netstat -r` (the kernel routing table), read from the container's namespace. (Ubuntu does not install
// net-tools, so the host has neither.)
import type { CommandContext, Program } from '../../types';
import type { Link, Netns } from '../../../core/kernel/types';
import { hasCarrier, linkByIndex } from '../../../core/kernel/links';
import { visibleAddrs } from '../../../core/kernel/link-state';
import { formatIpv4, prefixMask } from '../../../core/net/ipv4';
import { dumpOrder } from '../ip/route';

/** BusyBox's make_human_readable_str as ifconfig uses it: `876.0 B`, `1.0 KiB`. */
function human(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

function ifconfigBlock(ctx: CommandContext, ns: Netns, link: Link): string {
  const lo = link.kind === 'loopback';
  const pad = link.name.padEnd(10);
  let s = lo ? `${pad}Link encap:Local Loopback  \n` : `${pad}Link encap:Ethernet  HWaddr ${link.mac.toUpperCase()}  \n`;
  const a = visibleAddrs(link)[0];
  if (a) {
    const mask = formatIpv4(prefixMask(a.prefixLen));
    s += lo || a.brd === null ? `          inet addr:${formatIpv4(a.ip)}  Mask:${mask}\n` : `          inet addr:${formatIpv4(a.ip)}  Bcast:${formatIpv4(a.brd)}  Mask:${mask}\n`;
  }
  for (const a6 of link.addrs6 ?? []) s += `          inet6 addr: ${a6.ip}/${a6.prefixLen} Scope:${a6.scope === 'host' ? 'Host' : a6.scope === 'link' ? 'Link' : 'Global'}\n`;
  const flags = [link.up ? 'UP' : '', lo ? 'LOOPBACK' : 'BROADCAST', link.up && hasCarrier(ctx.world, ns, link) ? 'RUNNING' : '', lo ? '' : 'MULTICAST'].filter(Boolean);
  s += `          ${flags.join(' ')}  MTU:${link.mtu}  Metric:1\n`;
  const st = link.stats ?? { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 };
  s += `          RX packets:${st.rxPackets} errors:0 dropped:0 overruns:0 frame:0\n`;
  s += `          TX packets:${st.txPackets} errors:0 dropped:0 overruns:0 carrier:0\n`;
  s += `          collisions:0 txqueuelen:${lo ? 1000 : link.txqlen} \n`;
  s += `          RX bytes:${st.rxBytes} (${human(st.rxBytes)})  TX bytes:${st.txBytes} (${human(st.txBytes)})\n\n`;
  return s;
}

async function ifconfig(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const ns = ctx.world.state.netns[ctx.env.netns];
  const all = args.includes('-a');
  const name = args.find((a) => !a.startsWith('-'));
  if (name !== undefined) {
    if (args.filter((a) => !a.startsWith('-')).length > 1) {
      ctx.err('ifconfig: SIOCSIFADDR: Operation not permitted\n');
      return 1;
    }
    const link = ns.links.find((l) => l.name === name);
    if (!link) {
      ctx.err(`ifconfig: ${name}: error fetching interface information: Device not found\n`);
      return 1;
    }
    ctx.out(ifconfigBlock(ctx, ns, link));
    return 0;
  }
  // BusyBox keeps its interface list sorted by name.
  const links = ns.links.filter((l) => all || l.up).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  ctx.out(links.map((l) => ifconfigBlock(ctx, ns, l)).join(''));
  return 0;
}

/** The routing table as BusyBox's route (and netstat -r) print it. */
function routeTable(ctx: CommandContext, numeric: boolean): string {
  const ns = ctx.world.state.netns[ctx.env.netns];
  let out = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
  for (const r of dumpOrder(ns.routes)) {
    if (r.type !== 'unicast' || r.dev === null) continue;
    const dev = linkByIndex(ns, r.dev);
    const dst = r.dstLen === 0 && !numeric ? 'default' : formatIpv4(r.dst);
    const gw = r.gateway === null ? (numeric ? '0.0.0.0' : '*') : formatIpv4(r.gateway);
    const flags = `U${r.gateway !== null ? 'G' : ''}${r.dstLen === 32 ? 'H' : ''}`;
    out += `${dst.slice(0, 15).padEnd(15)} ${gw.slice(0, 15).padEnd(15)} ${formatIpv4(prefixMask(r.dstLen)).padEnd(16)}${flags.padEnd(6)}${String(r.metric ?? 0).padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${dev?.name ?? ''}\n`;
  }
  return out;
}

async function route(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args.some((a) => !a.startsWith('-'))) {
    ctx.err('route: SIOCADDRT: Operation not permitted\n');
    return 1;
  }
  ctx.out(routeTable(ctx, args.some((a) => a.includes('n'))));
  return 0;
}

async function netstat(ctx: CommandContext): Promise<number> {
  const opts = ctx.argv.slice(1).join('');
  if (opts.includes('r')) {
    ctx.out(routeTable(ctx, opts.includes('n')));
    return 0;
  }
  ctx.err('cnlab: this lab\'s netstat shows the routing table (netstat -rn); use ss for sockets\n');
  return 1;
}

export const ifconfigProgram: Program = { name: 'ifconfig', summary: 'configure a network interface', flavors: ['busybox'], run: ifconfig };
export const routeProgram: Program = { name: 'route', summary: 'show the IP routing table', flavors: ['busybox'], run: route };
export const netstatProgram: Program = { name: 'netstat', summary: 'display networking information', flavors: ['busybox'], run: netstat };
