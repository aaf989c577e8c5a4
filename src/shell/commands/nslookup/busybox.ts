// BusyBox 1.37 nslookup as alpine builds it (FEATURE_NSLOOKUP_BIG, FEATURE_IPV6; networking/nslookup.c): its own
// resolver sends every query at once (A and AAAA for a name, PTR for an address), each through the search list when
// the name has no dot, and prints each reply as it comes: `** server can't find` (exit 1) or the answer block.
import type { CommandContext } from '../../types';
import { etcFile, ptrName, queryDns, resolve, type DnsAnswer, type DnsType } from '../../../core/dns';
import { parseIpv4 } from '../../../core/net/ipv4';

export const BB_USAGE = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.

Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any
`;

/** The qtypes[] table, in its order (a -type= option sets a bit; queries go out in table order). */
const QTYPES = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'PTR', 'ANY'];
const OPTIONS = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout'];

interface Query {
  name: string;
  type: string;
}

/** parse_resolvconf: every nameserver line; `search` (or `domain` before any search) sets the search list. */
function resolvConf(text: string | null, hostname: string): { servers: string[]; search: string | null } {
  const servers: string[] = [];
  let search: string | null = null;
  let haveSearch = false;
  for (const line of (text ?? '').split('\n')) {
    const m = /^[ \t]*(\S+)[ \t]+(.*)$/.exec(line);
    if (!m) continue;
    const [, key, arg] = m;
    if (key === 'domain' && !haveSearch) search = arg;
    else if (key === 'search') {
      haveSearch = true;
      search = arg;
    }
    else if (key === 'nameserver') servers.push(arg);
  }
  if (search === null && hostname.includes('.')) search = hostname.slice(hostname.indexOf('.') + 1);
  return { servers, search: search?.trim() === '.' ? null : search };
}

/** add_query_with_search: PTR and dotted names as given, other names once per search domain (and not bare). */
function withSearch(type: string, name: string, search: string | null): Query[] {
  if (type === 'PTR' || !search || name.includes('.')) return [{ name, type }];
  return search.trim().split(/\s+/).map((d) => ({ name: `${name}.${d}`, type }));
}

/** parse_reply: the header line unless authoritative, then A / CNAME / PTR records (names without a final dot). */
function replyText(a: DnsAnswer): string {
  let out = a.authoritative ? '' : 'Non-authoritative answer:\n';
  for (const r of a.answers) {
    if (r.type === 'A') out += `Name:\t${r.name}\nAddress: ${r.value}\n`;
    else if (r.type === 'CNAME') out += `${r.name}\tcanonical name = ${r.value}\n`;
    else out += `${r.name}\tname = ${r.value}\n`;
  }
  return out;
}

/** The wire question for a query type the lab's servers know (A, AAAA, PTR); others are asked as A and keep no records. */
function ask(ctx: CommandContext, server: string, q: Query): { answer: DnsAnswer | null; rttUs: number } {
  const type: DnsType = q.type === 'AAAA' || q.type === 'PTR' ? q.type : 'A';
  const r = queryDns(ctx.world, ctx.env.netns, server, { name: q.name.replace(/\.$/, ''), type });
  const rttUs = r.trace.rttUs ?? 0;
  if (!r.answer) return { answer: null, rttUs };
  return { answer: type === q.type ? r.answer : { ...r.answer, answers: [] }, rttUs };
}

export async function busyboxNslookup(ctx: CommandContext): Promise<number> {
  const argv = ctx.argv.slice(1);
  const fail = (text: string) => {
    ctx.err(text);
    return 1;
  };
  const usage = () => fail(BB_USAGE);
  const types = new Set<string>();
  let timeoutS = 5;
  while (argv.length && argv[0].startsWith('-')) {
    const [opt, ...rest] = argv.shift()!.slice(1).split('=');
    const val = rest.join('=');
    const i = OPTIONS.indexOf(opt);
    if (i < 0) return usage();
    if (i <= 1) {
      const t = QTYPES.find((n) => n.toLowerCase() === val.toLowerCase());
      if (!t) return fail(`nslookup: invalid query type "${val}"\n`);
      types.add(t);
    } else if (i > 4) timeoutS = Math.max(1, Number(val) || 1);
  }
  const [host, serverArg] = argv;
  if (host === undefined || argv.length > 2) return usage();
  const where = { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot };
  const conf = resolvConf(etcFile(ctx.world, where, 'resolv.conf'), ctx.env.hostname);
  const servers = serverArg !== undefined ? [serverArg] : conf.servers.length ? conf.servers : ['127.0.0.1'];
  const queries: Query[] = [];
  if (types.size === 0) {
    if (parseIpv4(host) !== null) queries.push({ name: ptrName(host), type: 'PTR' });
    else queries.push(...withSearch('A', host, conf.search), ...withSearch('AAAA', host, conf.search));
  } else for (const t of QTYPES) if (types.has(t)) queries.push(...withSearch(t, host, conf.search));

  let exit = 0;
  for (const name of servers) {
    // xhost2sockaddr: a server given by name is resolved by the C library first.
    const ip = parseIpv4(name) !== null ? name : resolve(ctx.world, where, name).addresses[0];
    if (ip === undefined) return fail(`nslookup: bad address '${name}'\n`);
    const sent = queries.map((q) => ask(ctx, ip, q));
    const replies = sent.map((r) => r.answer);
    if (replies.every((r) => r === null)) {
      if (!(await ctx.sleep(timeoutS * 1_000_000))) return 130;
      continue;
    }
    if (!(await ctx.sleep(Math.max(...sent.map((r) => r.rttUs))))) return 130;
    let out = `Server:\t\t${name}\nAddress:\t${ip}:53\n\n`;
    replies.forEach((r, i) => {
      if (!r) return;
      if (r.rcode !== 'NOERROR') exit = 1;
      out += (r.rcode !== 'NOERROR' ? `** server can't find ${queries[i].name}: ${r.rcode}\n` : replyText(r)) + '\n';
    });
    const missing = queries.filter((_, i) => replies[i] === null);
    // Unanswered queries keep the socket waiting for the whole timeout.
    if (missing.length) {
      if (!(await ctx.sleep(timeoutS * 1_000_000))) return 130;
      out += missing.map((q) => `*** Can't find ${q.name}: No answer\n`).join('') + '\n';
    }
    ctx.out(out);
    return exit;
  }
  ctx.out(';; connection timed out; no servers could be reached\n\n');
  return 1;
}
