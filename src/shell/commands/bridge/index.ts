// bridge (iproute2 6.1): `bridge link` (ports of Linux bridges) and `bridge fdb` (forwarding databases of
// bridges and vxlan devices; add/append/del for static and VTEP entries).
import type { Program } from '../../types';
import type { Link } from '../../../core/kernel/types';
import { findLink, hasCarrier, linkByIndex } from '../../../core/kernel/links';
import { iproute2Flags, peerName } from '../../../core/kernel/link-state';
import { fdbRows } from '../../../core/kernel/bridge-fdb';
import { formatIpv4, parseIpv4 } from '../../../core/net/ipv4';
import { isValidMac } from '../../../core/net/mac';
import { IpFailure, hasNetAdmin, matches } from '../ip/common';

const USAGE = `Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | vlan | vni | monitor }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                    -o[neline] | -t[imestamp] | -n[etns] name |
                    -com[pressvlans] -c[olor] -p[retty] -j[son] }
`;

const FDB_USAGE = `Usage: bridge fdb { add | append | del | replace } ADDR dev DEV
              [ self ] [ master ] [ use ] [ router ] [ extern_learn ]
              [ sticky ] [ local | static | dynamic ] [ vlan VID ]
              { [ dst IPADDR ] [ port PORT] [ vni VNI ] | [ nhid NHID ] }
	       [ via DEV ] [ src_vni VNI ]
       bridge fdb [ show [ br BRDEV ] [ brport DEV ] [ vlan VID ]
              [ state STATE ] [ dynamic ] ]
       bridge fdb get [ to ] LLADDR [ br BRDEV ] { brport | dev } DEV
              [ vlan VID ] [ vni VNI ] [ self ] [ master ] [ dynamic ]
       bridge fdb flush dev DEV [ brport DEV ] [ vlan VID ]
              [ self ] [ master ] [ [no]permanent | [no]static | [no]dynamic ]
              [ [no]added_by_user ] [ [no]extern_learn ] [ [no]sticky ]
              [ [no]offloaded ]
`;

function fail(text: string, code = 1): never {
  throw new IpFailure(text.endsWith('\n') ? text : text + '\n', code);
}

function named(argv: string[], key: string): string | undefined {
  const i = argv.indexOf(key);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** bridge.c's option loop: `--x` is `-x`, each option matched by prefix in bridge.c's order; some take a value. */
const OPTIONS: [string, boolean][] = [
  ['-help', false], ['-Version', false], ['-stats', false], ['-details', false], ['-oneline', false], ['-timestamp', false],
  ['-family', true], ['-4', false], ['-6', false], ['-netns', true], ['-color', false], ['-compressvlans', false],
  ['-force', false], ['-json', false], ['-pretty', false], ['-batch', true],
];

function parseOptions(argv: string[]): { rest: string[]; help: boolean; version: boolean; unknown?: string } {
  const out = { rest: argv, help: false, version: false } as { rest: string[]; help: boolean; version: boolean; unknown?: string };
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    const opt = argv[i].startsWith('--') ? argv[i].slice(1) : argv[i];
    const hit = OPTIONS.find(([name]) => opt.length > 1 && name.startsWith(opt));
    if (!hit) {
      out.unknown = opt;
      break;
    }
    if (hit[0] === '-help') out.help = true;
    if (hit[0] === '-Version') out.version = true;
    if (hit[1]) i++;
  }
  out.rest = argv.slice(i);
  return out;
}

export const bridge: Program = {
  name: 'bridge',
  summary: 'show / manipulate bridge addresses and devices',
  flavors: ['ubuntu', 'debian'],
  async run(ctx) {
    const parsedOpts = parseOptions(ctx.argv.slice(1));
    const argv = parsedOpts.rest;
    const [obj, verb, ...rest] = argv;
    const ns = ctx.world.state.netns[ctx.env.netns];
    const now = ctx.world.clock.now();
    const need = (name: string | undefined): Link => {
      const l = name === undefined ? undefined : findLink(ns, name);
      if (!l) fail(`Cannot find device "${name}"`);
      return l;
    };
    try {
      if (parsedOpts.unknown) fail(`Option "${parsedOpts.unknown}" is unknown, try "bridge help".`, 255);
      if (parsedOpts.version) {
        ctx.out('bridge utility, 6.1.0\n');
        return 0;
      }
      if (parsedOpts.help || obj === undefined || matches(obj, 'help')) fail(USAGE, 255);
      if (matches(obj, 'link')) {
        if (verb !== undefined && !matches(verb, 'show') && !matches(verb, 'list')) fail(`Command "${verb}" is unknown, try "bridge link help".`, 255);
        const dev = named(rest, 'dev') ?? (rest[0] !== 'dev' ? rest[0] : undefined);
        const only = dev !== undefined ? need(dev) : undefined;
        for (const l of ns.links) {
          if (l.master === null || (only && l !== only)) continue;
          const br = linkByIndex(ns, l.master)!;
          const p = peerName(ctx.world, ns, l);
          const state = !l.up || !hasCarrier(ctx.world, ns, l) ? 'disabled' : 'forwarding';
          ctx.out(`${l.ifindex}: ${l.name}${p ? `@${p.suffix}` : ''}: <${iproute2Flags(ctx.world, ns, l).join(',')}> mtu ${l.mtu} master ${br.name} state ${state} priority 32 cost 2 \n`);
        }
        return 0;
      }
      if (matches(obj, 'fdb')) {
        if (verb === undefined || matches(verb, 'show') || matches(verb, 'list')) {
          const br = named(rest, 'br');
          const dev = named(rest, 'dev') ?? named(rest, 'brport');
          const brLink = br !== undefined ? need(br) : undefined;
          const devLink = dev !== undefined ? need(dev) : undefined;
          for (const l of ns.links) {
            if (l.kind === 'bridge' && (!brLink || l === brLink)) {
              for (const row of fdbRows(ns, l, now)) {
                if (devLink && row.port !== devLink) continue;
                ctx.out(row.local ? `${row.mac} dev ${row.port.name} vlan 1 master ${l.name} permanent\n${row.mac} dev ${row.port.name} master ${l.name} permanent\n` : `${row.mac} dev ${row.port.name} master ${l.name} \n`);
              }
              if (!devLink || devLink === l) ctx.out(`${l.mac} dev ${l.name} vlan 1 master ${l.name} permanent\n${l.mac} dev ${l.name} master ${l.name} permanent\n`);
            }
            if (l.kind === 'vxlan' && !brLink && (!devLink || devLink === l)) {
              // `remote` on the device is the kernel's all-zeros default entry (with the lower device as `via`).
              const via = l.vxlan?.dev != null ? ns.links.find((x) => x.ifindex === l.vxlan!.dev)?.name : undefined;
              if (l.vxlan?.remote != null) ctx.out(`00:00:00:00:00:00 dev ${l.name} dst ${formatIpv4(l.vxlan.remote)}${via ? ` via ${via}` : ''} self permanent\n`);
              for (const e of l.vxlan?.fdb ?? []) ctx.out(`${e.mac} dev ${l.name} dst ${formatIpv4(e.dst!)} self permanent\n`);
            }
          }
          return 0;
        }
        if (matches(verb, 'help')) fail(FDB_USAGE, 255);
        if (['add', 'append', 'del', 'delete', 'replace'].some((v) => matches(verb, v))) {
          const [mac] = rest;
          if (mac === undefined || !isValidMac(mac)) fail(`Error: "${mac ?? ''}" is not a valid link address.`, 255);
          const dev = need(named(rest, 'dev'));
          if (!hasNetAdmin(ctx.world, ctx.env)) fail('RTNETLINK answers: Operation not permitted', 2);
          const dstText = named(rest, 'dst');
          const dst = dstText !== undefined ? parseIpv4(dstText) : null;
          if (dstText !== undefined && dst === null) fail(`Error: an inet address is expected rather than "${dstText}".`, 255);
          const del = verb.startsWith('d');
          if (dev.kind === 'vxlan') {
            const fdb = (dev.vxlan!.fdb ??= []);
            const same = (e: (typeof fdb)[0]) => e.mac === mac.toLowerCase() && (dst === null || e.dst === dst);
            if (del) {
              if (!fdb.some(same)) fail('RTNETLINK answers: No such file or directory', 2);
              dev.vxlan!.fdb = fdb.filter((e) => !same(e));
            } else {
              if (verb === 'add' && fdb.some((e) => e.mac === mac.toLowerCase())) fail('RTNETLINK answers: File exists', 2);
              fdb.push({ mac: mac.toLowerCase(), dst: dst ?? undefined, permanent: true, updatedUs: now });
            }
          } else {
            const br = dev.master !== null ? linkByIndex(ns, dev.master) : undefined;
            if (!br?.bridge) fail('RTNETLINK answers: Operation not supported', 2);
            const fdb = br.bridge.fdb;
            if (del) br.bridge.fdb = fdb.filter((e) => e.mac !== mac.toLowerCase());
            else fdb.push({ mac: mac.toLowerCase(), port: dev.ifindex, permanent: true, updatedUs: now });
          }
          ctx.world.changed('fdb', `${ns.id}:${dev.name}`);
          return 0;
        }
        fail(`Command "${verb}" is unknown, try "bridge fdb help".`, 255);
      }
      fail(`Object "${obj}" is unknown, try "bridge help".`, 255);
    } catch (e) {
      if (!(e instanceof IpFailure)) throw e;
      ctx.err(e.text);
      return e.code;
    }
  },
};
