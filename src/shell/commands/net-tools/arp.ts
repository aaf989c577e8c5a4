// BusyBox arp: the kernel's ARP cache (/proc/net/arp) as `? (IP) at MAC [ether]  on DEV`, names from a reverse
// lookup unless -n; entries still resolving (or failed) show `<incomplete>`.
import type { CommandContext, Program } from '../../types';
import { linkByIndex } from '../../../core/kernel/links';
import { formatIpv4 } from '../../../core/net/ipv4';
import { reverseLookup } from '../../../core/dns';

async function arp(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const flags = args.filter((a) => a.startsWith('-')).join('');
  if (args.some((a) => !a.startsWith('-')) || /[sd]/.test(flags)) {
    ctx.err('arp: SIOCSARP: Operation not permitted\n');
    return 1;
  }
  const numeric = flags.includes('n');
  const ns = ctx.world.state.netns[ctx.env.netns];
  let out = '';
  // /proc/net/arp lists the newest entry first (the neighbour hash walks buckets; the lab keeps creation order reversed).
  for (const n of [...(ns?.neigh ?? [])].reverse()) {
    const dev = linkByIndex(ns, n.dev);
    if (!dev || n.state === 'NOARP') continue;
    const ip = formatIpv4(n.ip);
    const name = numeric ? '?' : (reverseLookup(ctx.world, { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot }, ip)?.replace(/\.$/, '') ?? '?');
    const hw = n.mac && n.state !== 'FAILED' && n.state !== 'INCOMPLETE' ? `${n.mac} [ether] ` : '<incomplete> ';
    out += `${name} (${ip}) at ${hw}${n.state === 'PERMANENT' ? 'PERM' : ''} on ${dev.name}\n`;
  }
  ctx.out(out);
  return 0;
}

export const arpProgram: Program = { name: 'arp', summary: 'manipulate the ARP cache', flavors: ['busybox'], run: arp };
