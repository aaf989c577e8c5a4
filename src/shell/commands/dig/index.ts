// dig and host (BIND 9.18, Ubuntu's bind9-dnsutils; also in nicolaka/netshoot): one query to one server over the
// emulated network, printed the way dig lays out a DNS message, or host's one-line answers.
import type { CommandContext, Program } from '../../types';
import { etcFile, parseResolvConf, ptrName, queryDns, resolve, type DnsAnswer, type DnsRecord } from '../../../core/dns';
import { parseIpv4 } from '../../../core/net/ipv4';
import { DAY_NAMES as DAYS, MONTH_NAMES as MONTHS } from '../../../core/sim/clock';

/** Ubuntu's build on the host; netshoot's Alpine package in a container. */
const version = (ctx: CommandContext) => (ctx.env.containerId ? '9.18.32' : '9.18.30-0ubuntu0.24.04.2-Ubuntu');

const fqdn = (name: string) => (name.endsWith('.') ? name : `${name}.`);

/** dig's column layout: the owner name padded with tabs to column 24, then TTL, class, type and data. */
function rrLine(r: DnsRecord): string {
  const name = fqdn(r.name);
  const tabs = name.length < 8 ? '\t\t\t' : name.length < 16 ? '\t\t' : '\t';
  const value = r.type === 'A' ? r.value : fqdn(r.value);
  return `${name}${tabs}${r.ttl}\tIN\t${r.type}\t${value}\n`;
}

function questionLine(name: string, type: string): string {
  const q = `;${fqdn(name)}`;
  const tabs = q.length < 8 ? '\t\t\t' : q.length < 16 ? '\t\t' : '\t';
  return `${q}${tabs}IN\t${type}\n`;
}

/** `date`'s format in dig's WHEN line (the lab's clock is UTC). */
function when(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

interface Lookup {
  server: string;
  answer: DnsAnswer | null;
  error: string | null;
  rttUs: number;
}

/** The server a lookup goes to (`@server`, else resolv.conf's first), and the query over the network. */
async function lookup(ctx: CommandContext, name: string, type: 'A' | 'PTR', serverArg: string | undefined): Promise<Lookup | string> {
  const where = { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot };
  let server = serverArg ?? parseResolvConf(etcFile(ctx.world, where, 'resolv.conf')).nameservers[0] ?? '127.0.0.1';
  if (parseIpv4(server) === null) {
    const r = resolve(ctx.world, where, server);
    if (!r.addresses.length) return `couldn't get address for '${server}': not found`;
    server = r.addresses[0];
  }
  const q = queryDns(ctx.world, ctx.env.netns, server, { name, type });
  const rttUs = q.trace.rttUs ?? 0;
  await ctx.sleep(q.answer ? rttUs : 5_000_000);
  return { server, answer: q.answer, error: q.error, rttUs };
}

async function dig(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args.includes('-h') || args.includes('--help')) {
    ctx.out(`Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n`);
    return 0;
  }
  const short = args.includes('+short');
  const answerOnly = args.includes('+noall') && args.includes('+answer');
  const reverse = args.indexOf('-x');
  const server = args.find((a) => a.startsWith('@'))?.slice(1);
  const plain = args.filter((a, i) => !a.startsWith('+') && !a.startsWith('@') && !a.startsWith('-') && args[i - 1] !== '-x');
  const type = plain.find((a) => /^(A|AAAA|MX|NS|TXT|CNAME|PTR|SOA|ANY)$/i.test(a))?.toUpperCase() ?? (reverse >= 0 ? 'PTR' : 'A');
  let name = reverse >= 0 ? args[reverse + 1] : (plain.find((a) => !/^(A|AAAA|MX|NS|TXT|CNAME|PTR|SOA|ANY|IN)$/i.test(a)) ?? '.');
  if (reverse >= 0) {
    if (name === undefined || parseIpv4(name) === null) {
      ctx.err(`Invalid IP address ${name ?? ''}\n`);
      return 1;
    }
    name = ptrName(name);
  }
  const qname = name.replace(/\.$/, '');
  const r = await lookup(ctx, qname, type === 'PTR' ? 'PTR' : 'A', server);
  if (typeof r === 'string') {
    ctx.err(`dig: ${r}\n`);
    return 10;
  }
  // Only A and PTR records exist in the lab's DNS: other types get the same status with an empty answer.
  const answer = r.answer && (type === 'A' || type === 'PTR') ? r.answer : r.answer && { ...r.answer, answers: [] };
  if (!answer) {
    const why = r.error === 'refused' ? 'connection refused' : r.error === 'timeout' ? 'timed out' : 'host unreachable';
    ctx.out(`;; communications error to ${r.server}#53: ${why}\n`.repeat(3) + `\n; <<>> DiG ${version(ctx)} <<>> ${args.join(' ')}\n;; global options: +cmd\n;; no servers could be reached\n`);
    return 9;
  }
  if (short) {
    for (const rec of answer.answers) ctx.out(`${rec.type === 'A' ? rec.value : fqdn(rec.value)}\n`);
    return 0;
  }
  if (answerOnly) {
    for (const rec of answer.answers) ctx.out(rrLine(rec));
    return 0;
  }
  const id = (Math.imul(Math.floor(ctx.world.clock.now() / 1000) | 0, 0x9e3779b1) >>> 16) & 0xffff;
  const flags = `qr${answer.authoritative ? ' aa' : ''} rd ra`;
  let out = `\n; <<>> DiG ${version(ctx)} <<>> ${args.join(' ')}\n;; global options: +cmd\n;; Got answer:\n`;
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${answer.rcode}, id: ${id}\n`;
  out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${answer.answers.length}, AUTHORITY: 0, ADDITIONAL: 1\n\n`;
  out += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${r.server === '127.0.0.53' ? 65494 : 1232}\n`;
  out += `;; QUESTION SECTION:\n${questionLine(qname, type)}\n`;
  if (answer.answers.length) out += `;; ANSWER SECTION:\n${answer.answers.map(rrLine).join('')}\n`;
  const size = 12 + qname.length + 2 + 4 + 11 + answer.answers.reduce((n, rec) => n + 12 + (rec.type === 'A' ? 4 : rec.value.length + 2), 0);
  out += `;; Query time: ${Math.max(0, Math.round(r.rttUs / 1000))} msec\n;; SERVER: ${r.server}#53(${r.server}) (UDP)\n;; WHEN: ${when(ctx.world.clock.now())}\n;; MSG SIZE  rcvd: ${size}\n\n`;
  ctx.out(out);
  return 0;
}

async function host(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [name, server] = args;
  if (name === undefined) {
    ctx.err('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
    return 1;
  }
  const ptr = parseIpv4(name) !== null;
  const qname = ptr ? ptrName(name) : name.replace(/\.$/, '');
  const r = await lookup(ctx, qname, ptr ? 'PTR' : 'A', server);
  if (typeof r === 'string' || !r.answer) {
    ctx.out(`;; connection timed out; no servers could be reached\n`);
    return 1;
  }
  if (server !== undefined) ctx.out(`Using domain server:\nName: ${server}\nAddress: ${r.server}#53\nAliases: \n\n`);
  if (r.answer.rcode !== 'NOERROR') {
    ctx.out(`Host ${qname} not found: ${r.answer.rcode === 'NXDOMAIN' ? '3(NXDOMAIN)' : '2(SERVFAIL)'}\n`);
    return 1;
  }
  for (const rec of r.answer.answers) {
    if (rec.type === 'A') ctx.out(`${rec.name} has address ${rec.value}\n`);
    else if (rec.type === 'CNAME') ctx.out(`${rec.name} is an alias for ${fqdn(rec.value)}\n`);
    else ctx.out(`${qname} domain name pointer ${fqdn(rec.value)}\n`);
  }
  return 0;
}

export const digProgram: Program = { name: 'dig', summary: 'DNS lookup utility', flavors: ['ubuntu', 'debian'], run: dig };
export const hostProgram: Program = { name: 'host', summary: 'DNS lookup utility', flavors: ['ubuntu', 'debian'], run: host };
