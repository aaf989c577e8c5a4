// IPv6 address autoconfiguration (net/ipv6/addrconf.c), the part every interface shows even on an IPv4 lab:
// `::1/128` on lo once it is up, and an EUI-64 link-local `fe80::/64` address on any other device once it is up
// *and* has carrier (until then "link is not ready"). Addresses go when the device goes down; losing carrier
// keeps them. `net.ipv6.conf.<dev>.disable_ipv6` (Docker sets it on container interfaces) keeps a device bare.
import ipaddr from 'ipaddr.js';
import type { World } from '../world';
import type { Address6, Link, Netns } from './types';
import { hasCarrier, linkByIndex, resolveLinkRef } from './links';

/** fe80::/64 plus the modified EUI-64 of a MAC (the universal/local bit flipped, ff:fe in the middle). */
export function linkLocalFromMac(mac: string): string {
  const b = mac.split(':').map((h) => parseInt(h, 16));
  const bytes = [0xfe, 0x80, 0, 0, 0, 0, 0, 0, b[0] ^ 0x02, b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]];
  return ipaddr.fromByteArray(bytes).toString();
}

/** The loopback address as kernel 6.8 adds it (with IFA_F_NOPREFIXROUTE). */
const LOOPBACK6: Address6 = { ip: '::1', prefixLen: 128, scope: 'host', flags: ['noprefixroute'] };

/** Brings one device's IPv6 addresses in line with its state. */
export function addrconf(world: World, ns: Netns, link: Link): void {
  if (!link.up || link.noIpv6) {
    if (link.addrs6?.length) link.addrs6 = [];
    return;
  }
  const have = link.addrs6 ?? [];
  if (link.kind === 'loopback') {
    if (!have.some((a) => a.ip === '::1')) link.addrs6 = [{ ...LOOPBACK6, flags: [...LOOPBACK6.flags] }, ...have];
    return;
  }
  if (have.some((a) => a.scope === 'link') || !hasCarrier(world, ns, link)) return;
  link.addrs6 = [...have, { ip: linkLocalFromMac(link.mac), prefixLen: 64, scope: 'link', flags: [] }];
}

/** addrconf for a device and for those whose carrier it decides: its veth peer and the bridges either is a port of. */
export function addrconfAround(world: World, ns: Netns, link: Link): void {
  const touched: { ns: Netns; link: Link }[] = [{ ns, link }];
  const peer = link.peer && resolveLinkRef(world, link.peer);
  if (peer) touched.push(peer);
  for (const t of [...touched]) {
    const master = t.link.master !== null ? linkByIndex(t.ns, t.link.master) : undefined;
    if (master) touched.push({ ns: t.ns, link: master });
  }
  for (const t of touched) addrconf(world, t.ns, t.link);
}
