// nslookup: BIND 9.18's on Ubuntu, BusyBox's in alpine. Asks one DNS server (the first of resolv.conf, or the
// one named) directly over the emulated network; /etc/hosts is not consulted.
import type { CommandContext, Program } from '../../types';
import { etcFile, parseResolvConf, ptrName, queryDns, resolve, type DnsAnswer } from '../../../core/dns';
import { parseIpv4 } from '../../../core/net/ipv4';
import { busyboxNslookup } from './busybox';

const USAGE = `Usage: nslookup [-opt ...]             # interactive mode using default server
       nslookup [-opt ...] - server    # interactive mode using 'server'
       nslookup [-opt ...] host        # just look up 'host' using default server
       nslookup [-opt ...] host server # just look up 'host' using 'server'
`;

function answerLines(name: string, a: DnsAnswer, ptr: boolean): string {
  let out = a.authoritative ? '' : 'Non-authoritative answer:\n';
  for (const r of a.answers) {
    if (ptr && r.type === 'PTR') out += `${name}\tname = ${r.value}.\n`;
    else if (r.type === 'CNAME') out += `${r.name}\tcanonical name = ${r.value}.\n`;
    else if (r.type === 'A') out += `Name:\t${r.name}\nAddress: ${r.value}\n`;
  }
  return out;
}

/** BIND 9.18: A first; unless it failed, the AAAA lookup follows (printed without a header; no AAAA records here). */
async function run(ctx: CommandContext): Promise<number> {
  if (ctx.env.flavor === 'busybox') return busyboxNslookup(ctx);
  const args = ctx.argv.slice(1);
  if (args.some((a) => a === '-h' || a === '--help' || a === '-help')) {
    ctx.out(USAGE);
    return 0;
  }
  const bad = args.find((a) => a.startsWith('-') && a !== '-' && !/^-(type|query|q|debug|timeout|retry|port)(=|$)/.test(a));
  if (bad) ctx.err(`*** Invalid option: ${bad.slice(1)}\n`);
  const words = args.filter((a) => !a.startsWith('-'));
  const [host, serverArg] = words;
  if (host === undefined) {
    ctx.err(USAGE);
    return 1;
  }
  const where = { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot };
  let server = serverArg ?? parseResolvConf(etcFile(ctx.world, where, 'resolv.conf')).nameservers[0];
  if (parseIpv4(server) === null) {
    const r = resolve(ctx.world, where, server);
    if (!r.addresses.length) {
      ctx.err(`;; Got recursion not available from ${server}\n;; couldn't get address for '${server}': not found\n`);
      return 1;
    }
    server = r.addresses[0];
  }
  const ptr = parseIpv4(host) !== null;
  const qname = ptr ? ptrName(host) : host.replace(/\.$/, '');
  const head = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  for (let i = 0; i < 3; i++) {
    const q = queryDns(ctx.world, ctx.env.netns, server, { name: qname, type: ptr ? 'PTR' : 'A' });
    if (q.answer) {
      await ctx.sleep(q.trace.rttUs ?? 0);
      const a = q.answer;
      if (a.rcode !== 'NOERROR') {
        ctx.out(`${head}** server can't find ${qname}: ${a.rcode}\n\n`);
        return 1;
      }
      let out = head + answerLines(qname, a, ptr);
      if (!ptr) {
        const six = queryDns(ctx.world, ctx.env.netns, server, { name: qname, type: 'AAAA' });
        await ctx.sleep(six.trace.rttUs ?? 0);
        if (a.answers.length === 0 && six.answer?.answers.length === 0) out += `*** Can't find ${qname}: No answer\n`;
      }
      ctx.out(out + (ptr ? '\nAuthoritative answers can be found from:\n\n' : '\n'));
      return 0;
    }
    if (q.error === 'timeout' && !(await ctx.sleep(5_000_000))) return 130;
    ctx.out(`;; communications error to ${server}#53: ${q.error === 'timeout' ? 'timed out' : q.error === 'refused' ? 'connection refused' : 'host unreachable'}\n`);
  }
  ctx.out(';; no servers could be reached\n\n');
  return 1;
}

export const nslookup: Program = { name: 'nslookup', summary: 'query Internet name servers', run };
