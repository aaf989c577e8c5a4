// getent: entries from the Name Service Switch databases — `hosts` (gethostbyname: /etc/hosts, then DNS), and glibc's
// `ahosts`/`ahostsv4` (getaddrinfo) — in glibc's layout on Ubuntu and Debian, musl's (Alpine, netshoot) in containers.
import type { CommandContext, Program } from '../../types';
import { etcFile, resolve } from '../../../core/dns';
import { parseIpv4 } from '../../../core/net/ipv4';
import { distroOf } from '../../path';

interface HostEnt {
  addr: string;
  name: string;
  aliases: string[];
}

/** Alpine's getent (musl-utils) where the filesystem is Alpine's; glibc's everywhere else. */
function isMusl(ctx: CommandContext): boolean {
  return distroOf(ctx.world, ctx.env) === 'alpine';
}

/** hosts(5) lines as entries: address, canonical (first) name, the other names. */
function hostsLines(text: string | null): HostEnt[] {
  const out: HostEnt[] = [];
  for (const raw of (text ?? '').split('\n')) {
    const [addr, name, ...aliases] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (addr && name) out.push({ addr, name, aliases });
  }
  return out;
}

const isV6 = (addr: string) => addr.includes(':');

/** gethostbyname2(name, family) as far as the lab answers it: the hosts file, then (IPv4) the resolver. */
async function lookup(ctx: CommandContext, key: string, family: 4 | 6, hosts: HostEnt[]): Promise<HostEnt[] | null> {
  const want = key.toLowerCase();
  const line = hosts.find((h) => isV6(h.addr) === (family === 6) && [h.name, ...h.aliases].some((n) => n.toLowerCase() === want));
  if (line) return [{ ...line }];
  if (family === 6) return null; // no AAAA records in the lab's DNS
  if (parseIpv4(key) !== null) return [{ addr: key, name: key, aliases: [] }];
  const r = resolve(ctx.world, { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot }, key);
  if (r.elapsedUs) await ctx.sleep(r.elapsedUs);
  if (!r.addresses.length) return null;
  const name = r.canonical ?? r.answer?.answers.find((a) => a.type === 'A')?.name ?? key;
  return r.addresses.map((addr) => ({ addr, name: name.replace(/\.$/, ''), aliases: r.canonical ? [key] : [] }));
}

/** gethostbyaddr: the hosts file, then a PTR query. */
function lookupAddr(ctx: CommandContext, key: string, hosts: HostEnt[]): HostEnt | null {
  const line = hosts.find((h) => h.addr === key);
  if (line) return line;
  const r = resolve(ctx.world, { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot }, `${key.split('.').reverse().join('.')}.in-addr.arpa`, { type: 'PTR' });
  const ptr = r.answer?.rcode === 'NOERROR' ? r.answer.answers.find((a) => a.type === 'PTR') : undefined;
  return ptr ? { addr: key, name: ptr.value.replace(/\.$/, ''), aliases: [] } : null;
}

function glibcLine(h: HostEnt): string {
  return `${h.addr.padEnd(15)} ${[h.name, ...h.aliases].join(' ')}\n`;
}

/** musl's listing of a hosts line as written: address, name, then its aliases. */
function muslHostsLine(h: HostEnt): string {
  return `${h.addr.padEnd(16)}  ${h.name}${h.aliases.length ? `  ${h.aliases.join(' ')}` : ''}\n`;
}

/** musl's hostent lists the canonical name again as its first alias, then the name asked for when it differs. */
function muslLine(h: HostEnt, key: string): string {
  const aliases = [h.name, ...(key !== h.name && parseIpv4(key) === null ? [key] : [])];
  return `${h.addr.padEnd(16)}  ${h.name}  ${aliases.join(' ')}\n`;
}

async function hostsDb(ctx: CommandContext, keys: string[], musl: boolean): Promise<number> {
  const hosts = hostsLines(etcFile(ctx.world, { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot }, 'hosts'));
  if (!keys.length) {
    for (const h of hosts) ctx.out(musl ? muslHostsLine(h) : glibcLine(h));
    return 0;
  }
  let status = 0;
  for (const key of keys) {
    if (parseIpv4(key) !== null) {
      const h = lookupAddr(ctx, key, hosts);
      if (h) ctx.out(musl ? muslHostsLine(h) : glibcLine(h));
      else status = 2;
      continue;
    }
    // glibc asks for IPv6 first (an ::1 line for localhost wins); musl's gethostbyname is IPv4 only.
    const found = (musl ? null : await lookup(ctx, key, 6, hosts)) ?? (await lookup(ctx, key, 4, hosts));
    if (!found) {
      status = 2;
      continue;
    }
    ctx.out(musl ? muslLine(found[0], key) : found.map(glibcLine).join(''));
  }
  return status;
}

/** getaddrinfo with AI_CANONNAME: each address as STREAM, DGRAM and RAW; the canonical name on the first line only. */
async function ahostsDb(ctx: CommandContext, keys: string[], v4only: boolean): Promise<number> {
  const hosts = hostsLines(etcFile(ctx.world, { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot }, 'hosts'));
  let status = 0;
  for (const key of keys) {
    const v6 = v4only ? null : await lookup(ctx, key, 6, hosts);
    const v4 = await lookup(ctx, key, 4, hosts);
    const all = [...(v6 ?? []), ...(v4 ?? [])];
    if (!all.length) {
      status = 2;
      continue;
    }
    let first = true;
    for (const h of all) {
      for (const type of ['STREAM', 'DGRAM', 'RAW']) {
        ctx.out(`${h.addr.padEnd(15)} ${type.padEnd(6)} ${first ? h.name : ''}\n`);
        first = false;
      }
    }
  }
  return status;
}

const GLIBC_HELP = `Usage: getent [OPTION...] database [key ...]
Get entries from administrative database.

  -i, --no-idn               disable IDN encoding
  -s, --service=CONFIG       Service configuration to be used
  -?, --help                 Give this help list
      --usage                Give a short usage message
  -V, --version              Print program version

Mandatory or optional arguments to long options are also mandatory or optional
for any corresponding short options.

Supported databases:
ahosts ahostsv4 ahostsv6 aliases ethers group gshadow hosts initgroups
netgroup networks passwd protocols rpc services shadow

For bug reporting instructions, please see:
<https://bugs.launchpad.net/ubuntu/+source/glibc/+bugs>.
`;

const DATABASES = ['ahosts', 'ahostsv4', 'ahostsv6', 'aliases', 'ethers', 'group', 'gshadow', 'hosts', 'initgroups', 'netgroup', 'networks', 'passwd', 'protocols', 'rpc', 'services', 'shadow'];

async function run(ctx: CommandContext): Promise<number> {
  const musl = isMusl(ctx);
  const args = ctx.argv.slice(1);
  if (!musl && (args[0] === '--help' || args[0] === '-?')) {
    ctx.out(GLIBC_HELP);
    return 0;
  }
  const [db, ...keys] = args;
  if (db === undefined) {
    ctx.err(musl ? 'Usage: getent [ -s sources ] database [ key ... ]\n' : "Usage: getent [OPTION...] database [key ...]\nTry `getent --help' or `getent --usage' for more information.\n");
    return 1;
  }
  if (db === 'hosts') return hostsDb(ctx, keys, musl);
  if (!musl && (db === 'ahosts' || db === 'ahostsv4') && keys.length) return ahostsDb(ctx, keys, db === 'ahostsv4');
  if (!musl && !DATABASES.includes(db)) {
    ctx.err(`Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`);
    return 1;
  }
  if (musl && !['hosts', 'passwd', 'group', 'services', 'protocols', 'networks', 'ethers', 'shadow'].includes(db)) {
    ctx.err(`Unknown database: ${db}\n`);
    return 1;
  }
  ctx.err(`cnlab: getent answers the hosts database${musl ? '' : ' (and ahosts, ahostsv4 with a key)'} in this lab\n`);
  return 1;
}

export const getent: Program = { name: 'getent', summary: 'get entries from Name Service Switch libraries', run };
