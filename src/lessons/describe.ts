// Plain-words labels for check predicates (markdown), so a learner sees every rule a step checks: no hidden goals.
import type { Predicate } from './schema/predicates';

const c = (s: string | number) => '`' + String(s).replace(/`/g, "'") + '`';
const list = (xs: string[]) => xs.map(c).join(', ');

function where(place: string | undefined): string {
  return place ? ` in ${c(place)}` : '';
}

/** Describes `pred`; `neg` phrases it as the condition not holding. */
export function describePredicate(pred: Predicate, neg = false): string {
  switch (pred.kind) {
    case 'not':
      return describePredicate(pred.pred, !neg);
    case 'ran': {
      const a = pred.args;
      const what = a.command !== undefined ? c(a.command) : `a command matching ${c(a.pattern!)}`;
      const out = a.contains !== undefined ? `, and its output contains ${c(a.contains)}` : a.matches !== undefined ? `, and its output matches ${c(a.matches)}` : '';
      const status = a.exit === 'any' ? '' : a.exit !== undefined && a.exit !== 0 ? ` (exit status ${a.exit})` : '';
      return `${neg ? 'You have not run' : 'You ran'} ${what}${where(a.in)}${status}${out}`;
    }
    case 'network': {
      const a = pred.args;
      const props: string[] = [];
      if (a.driver) props.push(`driver ${c(a.driver)}`);
      if (a.subnet) props.push(`subnet ${c(a.subnet)}`);
      if (a.gateway) props.push(`gateway ${c(a.gateway)}`);
      if (a.ipRange) props.push(`IP range ${c(a.ipRange)}`);
      for (const [k, v] of Object.entries(a.options ?? {})) props.push(`option ${c(`${k}=${v}`)}`);
      for (const [k, v] of Object.entries(a.labels ?? {})) props.push(`label ${c(`${k}=${v}`)}`);
      const flags = [a.internal === true ? 'internal' : a.internal === false ? 'not internal' : '', a.attachable ? 'attachable' : ''].filter(Boolean);
      const subject = `${flags.length ? `An ${flags.join(', ')} network` : 'Network'} ${c(a.name)}`.replace(/^An not/, 'A not');
      return `${subject} ${neg ? 'does not exist' : 'exists'}${props.length ? ` with ${props.join(', ')}` : ''}`;
    }
    case 'container': {
      const a = pred.args;
      const nets = a.network === undefined ? [] : Array.isArray(a.network) ? a.network : [a.network];
      const netWord = nets.length > 1 ? 'networks' : 'network';
      const pos: string[] = [];
      const negs: string[] = [];
      if (a.image) {
        pos.push(`from image ${c(a.image)}`);
        negs.push(`was not created from image ${c(a.image)}`);
      }
      if (nets.length) {
        pos.push(`on ${netWord} ${list(nets)}`);
        negs.push(`is not on ${netWord} ${list(nets)}`);
      }
      if (a.networkMode) {
        pos.push(`with network mode ${c(a.networkMode)}`);
        negs.push(`does not have network mode ${c(a.networkMode)}`);
      }
      if (a.ip) {
        pos.push(a.ip.includes('/') ? `with an address in ${c(a.ip)}` : `with address ${c(a.ip)}`);
        negs.push(a.ip.includes('/') ? `has no address in ${c(a.ip)}` : `does not have address ${c(a.ip)}`);
      }
      if (a.hostname) {
        pos.push(`with hostname ${c(a.hostname)}`);
        negs.push(`does not have hostname ${c(a.hostname)}`);
      }
      const subject = `Container ${c(a.name)}`;
      if (neg) {
        if (a.running === true) negs.unshift('is not running');
        return `${subject} ${negs.length ? negs.join(' or ') : 'does not exist'}`;
      }
      const state = a.running === true ? 'is running' : a.running === false ? 'exists and is stopped' : 'exists';
      return `${subject} ${state}${pos.length ? ` ${pos.join(' ')}` : ''}`;
    }
    case 'endpoints': {
      const a = pred.args;
      const n = a.count !== undefined ? `exactly ${a.count}` : a.min !== undefined && a.max !== undefined ? `${a.min} to ${a.max}` : a.min !== undefined ? `at least ${a.min}` : `at most ${a.max}`;
      const one = a.count === 1 || (a.count === undefined && a.min === 1 && a.max === undefined);
      return `Network ${c(a.network)} ${neg ? 'does not have' : 'has'} ${n} ${one ? 'endpoint' : 'endpoints'}`;
    }
    case 'reachable': {
      const a = pred.args;
      const port = a.port !== undefined ? `, port ${a.port}` : '';
      const proto = a.proto ? ` over ${a.proto.toUpperCase()}` : '';
      const how = a.via === 'dns' ? ' by name' : '';
      return `${c(a.from)} ${neg ? 'cannot reach' : 'can reach'} ${c(a.to)}${how}${port}${proto}`;
    }
    case 'resolves': {
      const a = pred.args;
      return `The name ${c(a.name)} ${neg ? 'does not resolve' : 'resolves'}${a.to ? ` to ${c(a.to)}` : ''} from ${c(a.from)}`;
    }
    case 'iptables': {
      const a = pred.args;
      const table = `the ${c(a.table ?? 'filter')} table${where(a.in)}`;
      if (a.rule) return `iptables rule ${c(a.rule)} ${neg ? 'is not' : 'is'} in ${table}`;
      if (a.matches) return `${neg ? 'No' : 'A'} rule in ${table}${a.chain ? `, chain ${c(a.chain)},` : ''} matches ${c(a.matches)}`;
      return `Chain ${c(a.chain!)} ${neg ? 'does not exist' : 'exists'} in ${table}`;
    }
    case 'output': {
      const a = pred.args;
      const parts: string[] = [];
      if (a.contains !== undefined) parts.push(`${neg ? 'does not print' : 'prints'} ${c(a.contains)}`);
      if (a.matches !== undefined) parts.push(`${neg ? 'does not print' : 'prints'} something matching ${c(a.matches)}`);
      if (a.equals !== undefined) parts.push(`${neg ? 'does not print exactly' : 'prints exactly'} ${c(a.equals.trim())}`);
      if (a.exit !== undefined) parts.push(`${neg ? 'does not exit' : 'exits'} with status ${a.exit}`);
      return `${c(a.command)}${where(a.in)} ${parts.join(neg ? ' or ' : ' and ')}`;
    }
    case 'netns':
      return `Network namespace ${c(pred.args.name)} ${neg ? 'does not exist' : 'exists'}`;
    case 'link': {
      const a = pred.args;
      const props: string[] = [];
      if (a.kind) props.push(`of type ${c(a.kind)}`);
      if (a.master) props.push(`attached to ${c(a.master)}`);
      if (a.address) props.push(`with address ${c(a.address)}`);
      if (a.up !== undefined) props.push(a.up ? 'and up' : 'and down');
      return `Interface ${c(a.name)}${where(a.in)} ${neg ? 'does not exist' : 'exists'}${props.length ? ` ${props.join(' ')}` : ''}`;
    }
    case 'route': {
      const a = pred.args;
      const via = a.via ? ` via ${c(a.via)}` : '';
      const dev = a.dev ? ` dev ${c(a.dev)}` : '';
      return `${neg ? 'No route' : 'A route'} to ${c(a.to)}${via}${dev}${where(a.in)}${neg ? '' : ' exists'}`;
    }
  }
}
