// `ip link` (iplink.c): show, add (veth, bridge, vxlan, macvlan, ipvlan, vlan, dummy), set (up/down, master,
// nomaster, netns, name, mtu, address) and delete.
import type { Link, LinkKind, Netns } from '../../../core/kernel/types';
import { addLink, announceLink, deleteLink, findLink, moveLink, setLinkUp, setMaster } from '../../../core/kernel/links';
import { refreshConnectedRoutes } from '../../../core/kernel/addresses';
import { parseIpv4 } from '../../../core/net/ipv4';
import { isValidMac } from '../../../core/net/mac';
import { fail, garbage, matches, namedNetns, needLink, nextArg, requireRoot, IpFailure, type IpCtx } from './common';
import { briefLink, linkHeader, linkStats } from './link-print';
import { linkJson, printJson } from './json';
import { parseLinkFilter, selectLinks } from './addr';
import { ipUsage } from './usage';

const KINDS: Record<string, LinkKind> = { veth: 'veth', bridge: 'bridge', vxlan: 'vxlan', macvlan: 'macvlan', ipvlan: 'ipvlan', vlan: 'vlan', dummy: 'dummy' };

/** Link types iproute2 6.1 and Ubuntu's kernel know but the lab has no model of: said so, not faked. */
const UNMODELLED = new Set(
  ('amt bareudp batadv bond bond_slave bridge_slave can dsa erspan geneve gre gretap gtp hsr ifb ip6erspan ip6gre ip6gretap ' +
    'ip6tnl ipip ipoib ipvtap lowpan macsec macvtap netdevsim netkit nlmon rmnet sit team team_slave vcan vrf vti vti6 vxcan ' +
    'wwan xfrm virt_wifi').split(' '),
);

function notModelled(ip: IpCtx, what: string): never {
  fail(ip, `cnlab: ip link: ${what} not modelled in this lab (it models bridge, dummy, ipvlan, macvlan, veth, vlan and vxlan devices)`, 2);
}

/** `type bridge` options the lab models: stp_state (shown by -d and brctl) and ageing_time (FDB ageing, centiseconds). */
function bridgeOptions(ip: IpCtx, args: [string, string][]): { stp?: boolean; ageingTimeSec?: number } {
  const out: { stp?: boolean; ageingTimeSec?: number } = {};
  for (const [key, value] of args) {
    if (key === 'stp_state' && /^\d+$/.test(value)) out.stp = Number(value) !== 0;
    else if (key === 'ageing_time' && /^\d+$/.test(value)) out.ageingTimeSec = Number(value) / 100;
    else if (key === 'stp_state' || key === 'ageing_time') fail(ip, `Error: argument "${value}" is wrong: invalid ${key}`, 255);
    else notModelled(ip, `the bridge option "${key}" is`);
  }
  return out;
}

/** The driver's own parse errors (iplink_macvlan.c, iplink_ipvlan.c, iplink_vxlan.c), before anything reaches the kernel. */
function checkTypeArgs(ip: IpCtx, kind: LinkKind, typeArgs: Record<string, string>): void {
  const mode = typeArgs.mode;
  if (kind === 'macvlan' && mode !== undefined && !['private', 'vepa', 'bridge', 'passthru', 'source'].includes(mode)) {
    fail(ip, `Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "${mode}"`, 255);
  }
  if (kind === 'ipvlan' && mode !== undefined && !['l2', 'l3', 'l3s'].includes(mode)) fail(ip, 'Error: argument of "mode" must be either "l2", "l3" or "l3s"', 255);
  const vni = typeArgs.id ?? typeArgs.vni;
  if (kind === 'vxlan' && vni !== undefined && !(/^\d+$/.test(vni) && Number(vni) < 2 ** 24)) fail(ip, `Error: argument "${vni}" is wrong: invalid id`, 255);
}

function checkName(ip: IpCtx, name: string): void {
  if (name.length > 15 || name.includes('/') || /\s/.test(name)) fail(ip, `Error: argument "${name}" is wrong: "name" not a valid ifname`);
}

function show(ip: IpCtx, argv: string[]): void {
  if (ip.opts.json) {
    printJson(ip, selectLinks(ip, parseLinkFilter(ip, argv)).map((l) => linkJson(ip, l, true)));
    return;
  }
  for (const link of selectLinks(ip, parseLinkFilter(ip, argv))) {
    if (ip.opts.brief) {
      ip.ctx.out(briefLink(ip, link));
      continue;
    }
    const record = linkHeader(ip, link, true) + (ip.opts.stats && !ip.busybox ? linkStats(link) : '');
    // -oneline: the record's inner line breaks become `\` (_SL_), one line per link.
    ip.ctx.out(ip.opts.oneline ? record.replace(/\n(?!$)/g, '\\') : record);
  }
}

function targetNs(ip: IpCtx, name: string) {
  const ns = namedNetns(ip.world, ip.ns.host, name);
  if (!ns) fail(ip, `Cannot open network namespace "${name}": No such file or directory`, 255);
  return ns;
}

function add(ip: IpCtx, argv: string[]): void {
  let name: string | undefined;
  let type: string | undefined;
  let parent: string | undefined;
  let peer: string | undefined;
  let peerNetns: string | undefined;
  let peerMac: string | undefined;
  let netns: string | undefined;
  let mtu: number | undefined;
  let mac: string | undefined;
  const typeArgs: Record<string, string> = {};
  const flagsSeen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (type !== undefined) {
      if (a === 'peer') {
        // The peer takes its own link options: `peer [name] NAME [netns NS] [address MAC] [mtu N]`.
        for (i++; i < argv.length; i++) {
          const o = argv[i];
          if (o === 'name') peer = nextArg(ip, argv, i++);
          else if (o === 'netns') peerNetns = nextArg(ip, argv, i++);
          else if (o === 'address') peerMac = nextArg(ip, argv, i++);
          else if (o === 'mtu' || o === 'txqueuelen') i++;
          else if (peer === undefined) peer = o;
          else garbage(ip, 'dev', o);
        }
      } else if (['nolearning', 'learning', 'bridge', 'private', 'vepa'].includes(a)) flagsSeen.add(a);
      else typeArgs[a] = nextArg(ip, argv, i++);
      continue;
    }
    if (a === 'type') type = nextArg(ip, argv, i++);
    else if (a === 'link') parent = nextArg(ip, argv, i++);
    else if (a === 'name' || a === 'dev') name = nextArg(ip, argv, i++);
    else if (a === 'netns') netns = nextArg(ip, argv, i++);
    else if (a === 'mtu') mtu = Number(nextArg(ip, argv, i++));
    else if (a === 'address') mac = nextArg(ip, argv, i++);
    else if (['txqueuelen', 'qlen', 'broadcast', 'index', 'numtxqueues', 'numrxqueues'].includes(a)) i++;
    else if (name !== undefined) garbage(ip, 'dev', a);
    else name = a;
  }
  if (type === undefined) fail(ip, 'Not enough information: "type" argument is required');
  const kind = KINDS[type];
  if (!kind && UNMODELLED.has(type)) notModelled(ip, `"${type}" devices are`);
  if (!kind) fail(ip, 'Error: Unknown device type.', 2);
  checkTypeArgs(ip, kind, typeArgs);
  const bridgeOpts = kind === 'bridge' ? bridgeOptions(ip, Object.entries(typeArgs)) : {};
  if (name === undefined) fail(ip, 'Not enough information: "dev" argument is required.');
  checkName(ip, name);
  if (peer !== undefined) checkName(ip, peer);
  if (mac !== undefined && !isValidMac(mac)) fail(ip, `Error: "${mac}" is not a valid link address`);
  if (peerMac !== undefined && !isValidMac(peerMac)) fail(ip, `Error: "${peerMac}" is not a valid link address`);
  const parentLink = parent !== undefined ? needLink(ip, parent) : undefined;
  if ((kind === 'macvlan' || kind === 'ipvlan') && !parentLink) fail(ip, 'Error: Link not found', 2);
  // iproute2 parses the id (get_u16) before anything reaches the kernel.
  if (kind === 'vlan' && typeArgs.id !== undefined && !(/^\d+$/.test(typeArgs.id) && Number(typeArgs.id) <= 65535)) {
    fail(ip, `Error: argument "${typeArgs.id}" is wrong: id is invalid`, 255);
  }
  const vniText = typeArgs.id ?? typeArgs.vni;
  if (kind === 'vxlan' && vniText === undefined) fail(ip, 'vxlan: missing virtual network identifier', 255);
  const target = netns !== undefined ? targetNs(ip, netns) : ip.ns;
  const peerTarget = peerNetns !== undefined ? targetNs(ip, peerNetns) : ip.ns;
  requireRoot(ip);
  // Each end is registered in its own namespace, so a name only clashes with links there.
  if (kind === 'vlan' && (typeArgs.id === undefined || Number(typeArgs.id) >= 4095)) {
    fail(ip, typeArgs.id === undefined ? 'Error: 8021q: VLAN properties not specified.' : 'Error: 8021q: Invalid VLAN id.', 2);
  }
  if (findLink(target, name) || (peer !== undefined && findLink(peerTarget, peer))) fail(ip, 'RTNETLINK answers: File exists', 2);
  if (kind === 'vxlan' && ip.ns.links.some((l) => l.vxlan?.vni === Number(vniText) && l.vxlan.dstport === (Number(typeArgs.dstport ?? 8472) || 8472))) {
    fail(ip, 'Error: A VXLAN device with the specified VNI already exists.', 2);
  }
  const vlanId = kind === 'vlan' ? checkVlan(ip, parentLink, Number(typeArgs.id)) : undefined;
  let link: Link;
  if (kind === 'veth') {
    // veth_newlink registers the peer first, each end directly in its own namespace (so when both share one, the
    // peer has the lower ifindex), and then ties the two together.
    const peerName = peer ?? nextVethName(peerTarget);
    if (peerTarget === target && peerName === name) fail(ip, 'RTNETLINK answers: File exists', 2);
    const peerLink = addLink(ip.world, peerTarget, peerName, 'veth');
    link = addLink(ip.world, target, name, 'veth');
    link.peer = { netns: peerTarget.id, ifindex: peerLink.ifindex };
    peerLink.peer = { netns: target.id, ifindex: link.ifindex };
    if (peerMac !== undefined) peerLink.mac = peerMac.toLowerCase();
  } else if (kind === 'vxlan') {
    if (typeArgs.dstport === undefined) {
      ip.ctx.err('vxlan: destination port not specified\nWill use Linux kernel default (non-standard value)\nUse \'dstport 4789\' to get the IANA assigned value\nUse \'dstport 0\' to get default and quiet this message\n');
    }
    const dev = typeArgs.dev !== undefined ? needLink(ip, typeArgs.dev) : undefined;
    // vxlan_config_apply: with a `dev` the MTU leaves room for the 50 bytes of outer IPv4, UDP and VXLAN headers
    // (without one it stays ether_setup's 1500); qlen stays 1000.
    link = addLink(ip.world, ip.ns, name, 'vxlan', {
      mtu: dev ? Math.max(68, dev.mtu - 50) : 1500,
      txqlen: 1000,
      vxlan: {
        vni: Number(vniText), local: typeArgs.local ? parseIpv4(typeArgs.local) : null, remote: typeArgs.remote ? parseIpv4(typeArgs.remote) : null,
        group: typeArgs.group ? parseIpv4(typeArgs.group) : null, dstport: Number(typeArgs.dstport ?? 8472) || 8472, dev: dev?.ifindex ?? null,
        learning: !flagsSeen.has('nolearning'), fdb: [],
      },
    });
  } else if (kind === 'vlan') {
    // vlan_newlink: the sub-interface starts with its trunk's MAC and MTU.
    link = addLink(ip.world, ip.ns, name, 'vlan', { lower: { parent: { netns: ip.ns.id, ifindex: parentLink!.ifindex }, mode: '802.1Q' }, vlanId, mac: parentLink!.mac, mtu: parentLink!.mtu });
  } else if (kind === 'macvlan' || kind === 'ipvlan') {
    const mode = typeArgs.mode ?? (kind === 'macvlan' ? 'vepa' : 'l3');
    link = addLink(ip.world, ip.ns, name, kind, { lower: { parent: { netns: ip.ns.id, ifindex: parentLink!.ifindex }, mode } });
    if (kind === 'ipvlan') link.mac = parentLink!.mac;
  } else {
    link = addLink(ip.world, ip.ns, name, kind);
    if (kind === 'bridge') Object.assign(link.bridge!, bridgeOpts);
  }
  if (mtu !== undefined) link.mtu = mtu;
  if (mac !== undefined) link.mac = mac.toLowerCase();
  if (target !== ip.ns && kind !== 'veth') moveLink(ip.world, ip.ns, name, target, undefined, { created: true });
  // The new device is announced where it lives, with the id of the namespace its peer or parent is in.
  announceLink(ip.world, target, link);
}

/** vlan_newlink / vlan_check_real_dev (after vlan_validate): a parent, and one sub-interface per id on it. */
function checkVlan(ip: IpCtx, parent: Link | undefined, id: number): number {
  if (!parent) fail(ip, 'Error: 8021q: link not specified.', 2);
  if (ip.ns.links.some((l) => l.kind === 'vlan' && l.vlanId === id && l.lower?.parent.ifindex === parent.ifindex && l.lower.parent.netns === ip.ns.id)) {
    fail(ip, 'Error: 8021q: VLAN device already exists.', 2);
  }
  return id;
}

/** The kernel's default peer name for `ip link add X type veth` without `peer`: veth0, veth1, ... in the peer's namespace. */
function nextVethName(ns: Netns): string {
  for (let i = 0; ; i++) if (!findLink(ns, `veth${i}`)) return `veth${i}`;
}

/**
 * `ip link set DEV type KIND ARGS` (rtnl_changelink): KIND must be the device's own kind when options follow
 * (else EOPNOTSUPP); the lab changes a bridge's stp_state and ageing_time and says so for anything else.
 */
function changelink(ip: IpCtx, link: Link, typeName: string, args: [string, string][]): { stp?: boolean; ageingTimeSec?: number } {
  const kind = KINDS[typeName];
  if (!kind && UNMODELLED.has(typeName)) notModelled(ip, `"${typeName}" devices are`);
  if (args.length === 0) return {};
  if (kind !== link.kind) fail(ip, 'RTNETLINK answers: Operation not supported', 2);
  if (kind !== 'bridge') notModelled(ip, `changing ${kind} options is`);
  return bridgeOptions(ip, args);
}

function set(ip: IpCtx, argv: string[]): void {
  let dev: string | undefined;
  let typeName: string | undefined;
  const typeArgs: [string, string][] = [];
  const actions: [string, string | undefined][] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === 'dev') dev = nextArg(ip, argv, i++);
    else if (a === 'up' || a === 'down' || a === 'nomaster') actions.push([a, undefined]);
    else if (['master', 'netns', 'name', 'mtu', 'address', 'promisc', 'arp', 'multicast', 'allmulticast', 'txqueuelen', 'qlen', 'alias', 'group'].includes(a)) actions.push([a, nextArg(ip, argv, i++)]);
    else if (a === 'type') {
      typeName = nextArg(ip, argv, i++);
      for (i++; i < argv.length; i += 2) typeArgs.push([argv[i], nextArg(ip, argv, i)]);
    } else if (dev !== undefined) garbage(ip, 'dev', a);
    else dev = a;
  }
  if (dev === undefined) fail(ip, 'Not enough information: "dev" argument is required.');
  const link = needLink(ip, dev);
  const bridgeOpts = typeName !== undefined ? changelink(ip, link, typeName, typeArgs) : {};
  for (const [key, value] of actions) {
    if (key === 'master') needLink(ip, value!);
    if (key === 'netns') targetNs(ip, value!);
    if (key === 'name') checkName(ip, value!);
    if (key === 'mtu' && !/^\d+$/.test(value!)) fail(ip, `Error: argument "${value}" is wrong: Invalid "mtu" value`);
    if (key === 'address' && !isValidMac(value!)) fail(ip, `Error: "${value}" is not a valid link address`);
  }
  requireRoot(ip);
  if (link.bridge) Object.assign(link.bridge, bridgeOpts);
  let current = link.name;
  for (const [key, value] of actions) {
    switch (key) {
      case 'up':
      case 'down':
        setLinkUp(ip.world, ip.ns, current, key === 'up');
        break;
      case 'master': {
        // do_set_master: only a bridge has ndo_add_slave here; br_add_if refuses lo and other bridges.
        const br = findLink(ip.ns, value!)!;
        if (br.kind !== 'bridge') fail(ip, 'RTNETLINK answers: Operation not supported', 2);
        if (link.kind === 'loopback') fail(ip, 'RTNETLINK answers: Invalid argument', 2);
        if (link.kind === 'bridge') fail(ip, 'Error: Can not enslave a bridge to a bridge.', 2);
        setMaster(ip.world, ip.ns, current, value!);
        break;
      }
      case 'nomaster':
        setMaster(ip.world, ip.ns, current, null);
        break;
      case 'netns':
        moveLink(ip.world, ip.ns, current, targetNs(ip, value!));
        return;
      case 'name':
        if (findLink(ip.ns, value!)) fail(ip, 'RTNETLINK answers: File exists', 2);
        if (link.up) fail(ip, 'RTNETLINK answers: Device or resource busy', 2);
        link.name = value!;
        current = value!;
        ip.world.changed('link', `${ip.ns.id}:${value}`);
        break;
      case 'mtu':
        link.mtu = Number(value);
        ip.world.changed('link', `${ip.ns.id}:${current}`);
        break;
      case 'address':
        link.mac = value!.toLowerCase();
        ip.world.changed('link', `${ip.ns.id}:${current}`);
        break;
      case 'txqueuelen':
      case 'qlen':
        link.txqlen = Number(value);
        break;
    }
  }
  refreshConnectedRoutes(ip.ns, link);
}

function del(ip: IpCtx, argv: string[]): void {
  let dev: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === 'dev') dev = nextArg(ip, argv, i++);
    else if (a === 'type') break;
    else if (dev !== undefined) garbage(ip, 'dev', a);
    else dev = a;
  }
  if (dev === undefined) fail(ip, 'Not enough information: "dev" argument is required.');
  const link = needLink(ip, dev);
  requireRoot(ip);
  if (link.kind === 'loopback') fail(ip, 'RTNETLINK answers: Operation not supported', 2);
  deleteLink(ip.world, ip.ns, link.name);
}

/** `ip link [show|add|set|delete|help] ...` */
export function ipLink(ip: IpCtx, argv: string[]): void {
  const [verb, ...rest] = argv;
  if (verb === undefined || matches(verb, 'show') || matches(verb, 'list') || matches(verb, 'lst')) return show(ip, verb === undefined ? [] : rest);
  if (matches(verb, 'add')) return add(ip, rest);
  if (matches(verb, 'set') || matches(verb, 'change')) return set(ip, rest);
  if (matches(verb, 'delete')) return del(ip, rest);
  if (matches(verb, 'help')) throw new IpFailure(ipUsage('link', ip.busybox), 255);
  if (ip.busybox) fail(ip, `invalid argument '${verb}' to 'ip link'`);
  fail(ip, `Command "${verb}" is unknown, try "ip link help".`, 255);
}
