// Linux predicates over the kernel model: a named namespace, a link (kind, state, bridge port, address), a route,
// and an iptables rule or chain (compared in the canonical form `iptables -S` prints).
import type { IptablesArgs, LinkArgs, NetnsArgs, RouteArgs } from '../schema/predicates';
import type { Netns } from '../../core/kernel/types';
import { iptables } from '../../core/kernel/netfilter/iptables';
import { canonical, formatCidr, parseCidr } from '../../core/net/cidr';
import { formatIpv4, parseIpv4 } from '../../core/net/ipv4';
import { roughWords } from '../../shell/parser';
import { resolvePlace } from './place';
import { fail, pass, type CheckEnv, type CheckOutcome } from './types';
import { netnsByName } from '../../core/kernel/netns-names';

function namespaceAt(env: CheckEnv, spec: string | undefined): Netns | string {
  const place = resolvePlace(env.world, spec);
  if ('error' in place) return place.error;
  return env.world.state.netns[place.netns] ?? `no namespace for ${place.label}`;
}

export function evalNetns(a: NetnsArgs, env: CheckEnv): CheckOutcome {
  const host = a.host ?? env.world.hostNames()[0];
  const found = !!netnsByName(env.world, host, a.name);
  return found ? pass() : fail(`${host} has no namespace ${a.name}`);
}

export function evalLink(a: LinkArgs, env: CheckEnv): CheckOutcome {
  const ns = namespaceAt(env, a.in);
  if (typeof ns === 'string') return fail(ns);
  const link = ns.links.find((l) => l.name === a.name);
  const where = a.in ? ` in ${a.in}` : '';
  if (!link) return fail(`there is no interface ${a.name}${where}`);
  const problems: string[] = [];
  if (a.kind !== undefined && link.kind !== a.kind) problems.push(`it is a ${link.kind}`);
  if (a.up !== undefined && link.up !== a.up) problems.push(link.up ? 'it is up' : 'it is down');
  if (a.master !== undefined) {
    const master = link.master === null ? null : ns.links.find((l) => l.ifindex === link.master)?.name;
    if (master !== a.master) problems.push(master ? `it is attached to ${master}` : 'it is not attached to a bridge');
  }
  if (a.address !== undefined) {
    const [ip, len] = a.address.split('/');
    const has = link.addrs.some((x) => formatIpv4(x.ip) === ip && (len === undefined || String(x.prefixLen) === len));
    if (!has) problems.push(link.addrs.length ? `its addresses are ${link.addrs.map((x) => `${formatIpv4(x.ip)}/${x.prefixLen}`).join(', ')}` : 'it has no address');
  }
  return problems.length ? fail(`${a.name}${where} exists, but ${problems.join('; ')}`) : pass();
}

export function evalRoute(a: RouteArgs, env: CheckEnv): CheckOutcome {
  const ns = namespaceAt(env, a.in);
  if (typeof ns === 'string') return fail(ns);
  const want = a.to === 'default' ? { ip: 0, len: 0 } : parseCidr(a.to, true);
  if (!want) return fail(`\`${a.to}\` is not a prefix`);
  const dst = canonical(want);
  const gw = a.via !== undefined ? parseIpv4(a.via) : undefined;
  const devIndex = a.dev !== undefined ? ns.links.find((l) => l.name === a.dev)?.ifindex : undefined;
  const candidates = ns.routes.filter((r) => r.dst === dst.ip && r.dstLen === dst.len);
  const match = candidates.find((r) => (gw === undefined || r.gateway === gw) && (a.dev === undefined || (devIndex !== undefined && r.dev === devIndex)));
  if (match) return pass();
  return fail(candidates.length ? `the route to ${a.to === 'default' ? 'default' : formatCidr(dst)} goes elsewhere` : `no route to ${a.to}`);
}

/**
 * What the chain holds instead of a missing rule, so a lesson's author (and the learner) can see the difference: its
 * rules with the same target (`-j`), else all of them, at most three.
 */
function nearRules(listing: string, chain: string, table: string, tokens: string[]): string {
  const rules = listing.split('\n').filter((l) => l.startsWith(`-A ${chain} `));
  if (!rules.length) return `the ${chain} chain of the ${table} table has no rules`;
  const j = tokens.indexOf('-j');
  const target = j >= 0 ? tokens[j + 1] : undefined;
  const same = target ? rules.filter((l) => l.split(' ').some((w, i, ws) => w === '-j' && ws[i + 1] === target)) : [];
  const shown = same.length ? same : rules;
  const kind = same.length ? `${target} rules` : 'rules';
  const list = shown.slice(0, 3).map((l) => `\`${l}\``).join('; ');
  const more = shown.length > 3 ? ` and ${shown.length - 3} more` : '';
  return `no such rule; the ${chain} chain of the ${table} table has these ${kind}: ${list}${more}`;
}

export function evalIptables(a: IptablesArgs, env: CheckEnv): CheckOutcome {
  const place = resolvePlace(env.world, a.in);
  if ('error' in place) return fail(place.error);
  const table = a.table ?? 'filter';
  if (a.rule !== undefined) {
    let tokens = roughWords(a.rule);
    let chain = a.chain;
    if (tokens[0] === '-A') {
      chain = tokens[1];
      tokens = tokens.slice(2);
    }
    const r = iptables(env.world, place.netns, ['-t', table, '-C', chain!, ...tokens]);
    if (r.exitCode === 0) return pass();
    if (!r.stderr.includes('does a matching rule exist')) {
      const chainListing = iptables(env.world, place.netns, ['-t', table, '-S', chain!]);
      return fail(chainListing.exitCode !== 0 ? `there is no chain ${chain} in the ${table} table` : r.stderr.trim().split('\n')[0]);
    }
    return fail(nearRules(iptables(env.world, place.netns, ['-t', table, '-S', chain!]).stdout, chain!, table, tokens));
  }
  const listing = iptables(env.world, place.netns, ['-t', table, '-S', ...(a.chain ? [a.chain] : [])]);
  if (listing.exitCode !== 0) return fail(a.chain ? `there is no chain ${a.chain} in the ${table} table` : listing.stderr.trim());
  if (a.matches === undefined) return pass();
  const re = new RegExp(a.matches, 'm');
  return listing.stdout.split('\n').some((l) => re.test(l)) ? pass() : fail(`no line of \`iptables -t ${table} -S${a.chain ? ` ${a.chain}` : ''}\` matches ${a.matches}`);
}
