// `ip netns` (ipnetns.c): named namespaces under /var/run/netns: list, add, delete, exec, identify.
import { createNetns, deleteNetns } from '../../../core/kernel/netns';
import type { Netns } from '../../../core/kernel/types';
import { fail, matches, namedNetns, IpFailure, type IpCtx } from './common';
import { ipUsage } from './usage';
import { findProgram } from '../../registry';

/** Named namespaces of this host, newest first (the order readdir gives on /var/run/netns). */
export function namedNamespaces(ip: IpCtx): Netns[] {
  return Object.values(ip.world.state.netns)
    .filter((n) => n.kind === 'named' && n.host === ip.ns.host)
    .reverse();
}

function list(ip: IpCtx): void {
  for (const n of namedNamespaces(ip)) {
    const id = ip.ns.nsids?.[n.id];
    ip.ctx.out(id === undefined ? `${n.name}\n` : `${n.name} (id: ${id})\n`);
  }
}

function add(ip: IpCtx, name: string | undefined): void {
  if (name === undefined) fail(ip, 'No netns name specified', 255);
  if (name.includes('/') || name === '.' || name === '..') fail(ip, `Invalid netns name "${name}"`, 255);
  if (ip.ctx.env.user !== 'root') {
    if (namedNamespaces(ip).length === 0) fail(ip, 'mkdir /var/run/netns failed: Permission denied', 1);
    fail(ip, `Cannot create namespace file "/var/run/netns/${name}": Permission denied`, 1);
  }
  if (namedNetns(ip.world, ip.ns.host, name)) fail(ip, `Cannot create namespace file "/var/run/netns/${name}": File exists`, 1);
  createNetns(ip.world, `${ip.ns.host}/netns/${name}`, ip.ns.host, 'named', name);
}

function del(ip: IpCtx, name: string | undefined): void {
  if (name === undefined) fail(ip, 'No netns name specified', 255);
  const ns = namedNetns(ip.world, ip.ns.host, name);
  if (ip.ctx.env.user !== 'root') fail(ip, `Cannot remove namespace file "/var/run/netns/${name}": ${ns ? 'Permission denied' : 'No such file or directory'}`, 1);
  if (!ns) fail(ip, `Cannot remove namespace file "/var/run/netns/${name}": No such file or directory`, 1);
  deleteNetns(ip.world, ns.id);
}

async function exec(ip: IpCtx, argv: string[]): Promise<number> {
  const [name, ...cmd] = argv;
  if (name === undefined) fail(ip, 'No netns name specified', 255);
  if (cmd.length === 0) fail(ip, 'No command specified', 255);
  const ns = namedNetns(ip.world, ip.ns.host, name);
  if (!ns) fail(ip, `Cannot open network namespace "${name}": No such file or directory`, 255);
  if (ip.ctx.env.user !== 'root') fail(ip, `setting the network namespace "${name}" failed: Operation not permitted`, 255);
  const env = { ...ip.ctx.env, netns: ns.id };
  if (['bash', 'sh'].includes(cmd[0]) && cmd.length === 1) {
    ip.ctx.session.pushEnv({ ...env, vars: { ...env.vars } });
    return 0;
  }
  if (!findProgram(cmd[0], env.flavor)) fail(ip, `exec of "${cmd[0]}" failed: No such file or directory`, 255);
  return ip.ctx.spawn(cmd, env);
}

function identify(ip: IpCtx): void {
  if (ip.ns.kind === 'named') ip.ctx.out(`${ip.ns.name}\n`);
}

/** `ip netns [list|add|delete|exec|identify|help] ...`; exec returns the command's status. */
export async function ipNetns(ip: IpCtx, argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || matches(verb, 'list') || matches(verb, 'show')) list(ip);
  else if (matches(verb, 'add')) add(ip, rest[0]);
  else if (matches(verb, 'delete')) del(ip, rest[0]);
  else if (matches(verb, 'exec')) return exec(ip, rest);
  else if (matches(verb, 'identify')) identify(ip);
  else if (matches(verb, 'help')) throw new IpFailure(ipUsage('netns', false), 255);
  else fail(ip, `Command "${verb}" is unknown, try "ip netns help".`, 255);
  return 0;
}
