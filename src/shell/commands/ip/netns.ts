// `ip netns` (ipnetns.c): named namespaces under /var/run/netns: list, add, attach, delete, exec, identify, pids.
import { createNetns, deleteNetns, setPeerNsId } from '../../../core/kernel/netns';
import { linkNetnsName, netnsNames, netnsNameTaken, unlinkNetnsName } from '../../../core/kernel/netns-names';
import { findProcess } from '../nsenter/target';
import { fail, matches, namedNetns, IpFailure, type IpCtx } from './common';
import { ipUsage } from './usage';
import { onPath } from '../../path';

function list(ip: IpCtx): void {
  for (const n of netnsNames(ip.world, ip.ns.host)) {
    const id = n.ns ? ip.ns.nsids?.[n.ns.id] : undefined;
    ip.ctx.out(id === undefined ? `${n.name}\n` : `${n.name} (id: ${id})\n`);
  }
}

/** `ip netns list-id`: the ids this namespace gave others, with their names (RTM_GETNSID dump, ascending). */
function listId(ip: IpCtx): void {
  const names = netnsNames(ip.world, ip.ns.host);
  const ids = Object.entries(ip.ns.nsids ?? {}).sort((a, b) => a[1] - b[1]);
  for (const [nsId, id] of ids) {
    const n = names.find((x) => x.ns?.id === nsId);
    ip.ctx.out(n ? `nsid ${id} (iproute2 netns name: ${n.name})\n` : `nsid ${id} \n`);
  }
}

/** `ip netns set NAME NETNSID|auto`: the id this namespace gives NAME (RTM_NEWNSID). */
function setId(ip: IpCtx, name: string | undefined, idText: string | undefined): void {
  if (name === undefined) fail(ip, 'No netns name specified', 1);
  if (idText === undefined) fail(ip, 'No nsid specified', 1);
  let nsid = -1;
  if (idText !== 'auto') {
    if (!/^[+-]?\d+$/.test(idText)) fail(ip, `Error: argument "${idText}" is wrong: Invalid "netnsid" value`, 255);
    nsid = Number(idText);
    if (nsid < 0) fail(ip, `Error: argument "${idText}" is wrong: "netnsid" value should be >= 0`, 255);
  }
  const ns = namedNetns(ip.world, ip.ns.host, name);
  if (!ns) fail(ip, `Cannot open network namespace "${name}": No such file or directory`, 1);
  if (ip.ctx.env.user !== 'root') fail(ip, 'RTNETLINK answers: Operation not permitted', 2);
  const r = setPeerNsId(ip.world, ip.ns, ns, nsid);
  if (r === 'peer-has-id') fail(ip, 'Error: Peer netns already has a nsid assigned.', 2);
  if (r === 'id-used') fail(ip, 'Error: The specified nsid is already used.', 2);
}

/** `ip netns attach NAME PID`: names the network namespace of process PID (a bind mount in /run/netns). */
function attach(ip: IpCtx, name: string | undefined, pidText: string | undefined): void {
  if (name === undefined || pidText === undefined) fail(ip, 'No netns name and PID specified', 1);
  if (!/^\d+$/.test(pidText)) fail(ip, `Invalid PID: ${pidText}`, 1);
  if (ip.ctx.env.user !== 'root') {
    if (netnsNames(ip.world, ip.ns.host).length === 0) fail(ip, 'mkdir /var/run/netns failed: Permission denied', 1);
    fail(ip, `Cannot create namespace file "/var/run/netns/${name}": Permission denied`, 1);
  }
  if (netnsNameTaken(ip.world, ip.ns.host, name)) fail(ip, `Cannot create namespace file "/var/run/netns/${name}": File exists`, 1);
  const proc = findProcess(ip.world, ip.ctx.env, Number(pidText));
  if (!proc) fail(ip, `Cannot open network namespace of pid ${pidText}: No such file or directory`, 1);
  linkNetnsName(ip.world, ip.ns.host, name, proc.netns);
}

/** `ip netns pids NAME`: the processes whose network namespace it is (a container's main process). */
function pids(ip: IpCtx, name: string | undefined): void {
  if (name === undefined) fail(ip, 'No netns name specified', 1);
  const ns = namedNetns(ip.world, ip.ns.host, name);
  if (!ns) fail(ip, 'Cannot open network namespace: No such file or directory', 1);
  if (ip.ctx.env.user !== 'root') fail(ip, 'Cannot open network namespace: Permission denied', 1);
  for (const engine of Object.values(ip.world.state.docker)) {
    for (const c of Object.values(engine.containers ?? {})) {
      const sb = Object.values(engine.sandboxes).find((s) => s.containerId === c.id);
      if (c.state.status === 'running' && c.state.pid && sb?.netns === ns.id) ip.ctx.out(`${c.state.pid}\n`);
    }
  }
}

function add(ip: IpCtx, name: string | undefined): void {
  if (name === undefined) fail(ip, 'No netns name specified', 1);
  if (name.includes('/') || name === '.' || name === '..') fail(ip, `Invalid netns name "${name}"`, 255);
  if (ip.ctx.env.user !== 'root') {
    if (netnsNames(ip.world, ip.ns.host).length === 0) fail(ip, 'mkdir /var/run/netns failed: Permission denied', 1);
    fail(ip, `Cannot create namespace file "/var/run/netns/${name}": Permission denied`, 1);
  }
  if (netnsNameTaken(ip.world, ip.ns.host, name)) fail(ip, `Cannot create namespace file "/var/run/netns/${name}": File exists`, 1);
  createNetns(ip.world, `${ip.ns.host}/netns/${name}`, ip.ns.host, 'named', name);
}

function del(ip: IpCtx, name: string | undefined): void {
  if (name === undefined) fail(ip, 'No netns name specified', 1);
  const exists = netnsNameTaken(ip.world, ip.ns.host, name);
  if (ip.ctx.env.user !== 'root') fail(ip, `Cannot remove namespace file "/var/run/netns/${name}": ${exists ? 'Permission denied' : 'No such file or directory'}`, 1);
  if (!exists) fail(ip, `Cannot remove namespace file "/var/run/netns/${name}": No such file or directory`, 1);
  // A name for a namespace made elsewhere only goes away; the namespace lives on with its processes.
  if (unlinkNetnsName(ip.world, ip.ns.host, name)) return;
  deleteNetns(ip.world, namedNetns(ip.world, ip.ns.host, name)!.id);
}

async function exec(ip: IpCtx, argv: string[]): Promise<number> {
  const [name, ...cmd] = argv;
  if (name === undefined) fail(ip, 'No netns name specified', 1);
  if (cmd.length === 0) fail(ip, 'No command specified', 1);
  const ns = namedNetns(ip.world, ip.ns.host, name);
  if (!ns) fail(ip, `Cannot open network namespace "${name}": No such file or directory`, 255);
  if (ip.ctx.env.user !== 'root') fail(ip, `setting the network namespace "${name}" failed: Operation not permitted`, 255);
  const env = { ...ip.ctx.env, netns: ns.id };
  if (['bash', 'sh'].includes(cmd[0]) && cmd.length === 1) {
    ip.ctx.session.pushEnv({ ...env, vars: { ...env.vars }, newShell: true, shellPid: undefined });
    return 0;
  }
  if (!onPath(ip.ctx.world, env, cmd[0])) fail(ip, `exec of "${cmd[0]}" failed: No such file or directory`, 1);
  return ip.ctx.spawn(cmd, env);
}

/** `ip -all netns exec CMD`: CMD in every named namespace, each run announced as `netns: NAME`. */
async function execAll(ip: IpCtx, cmd: string[]): Promise<number> {
  if (cmd.length === 0) fail(ip, 'No command specified', 1);
  let status = 0;
  for (const n of netnsNames(ip.world, ip.ns.host)) {
    ip.ctx.out(`\nnetns: ${n.name}\n`);
    const code = await exec(ip, [n.name, ...cmd]);
    if (code !== 0) status = code;
  }
  return status;
}

/** `ip netns identify [PID]`: every name in /run/netns for the namespace of PID (default: this process). */
function identify(ip: IpCtx, pid: string | undefined): void {
  let target = ip.ns.id;
  if (pid !== undefined) {
    const p = /^\d+$/.test(pid) ? findProcess(ip.world, ip.ctx.env, Number(pid)) : null;
    if (!p) fail(ip, 'Cannot open network namespace: No such file or directory', 1);
    // /proc/PID/ns/net of another user's process (a container's, a daemon's) needs root.
    if (p.container && ip.ctx.env.user !== 'root') fail(ip, 'Cannot open network namespace: Permission denied', 1);
    target = p.netns;
  }
  for (const n of netnsNames(ip.world, ip.ns.host)) if (n.ns?.id === target) ip.ctx.out(`${n.name}\n`);
}

/** `ip netns [list|add|delete|exec|identify|help] ...`; exec returns the command's status. */
export async function ipNetns(ip: IpCtx, argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || matches(verb, 'list') || matches(verb, 'show') || matches(verb, 'lst')) list(ip);
  else if (matches(verb, 'list-id')) listId(ip);
  else if (matches(verb, 'set')) setId(ip, rest[0], rest[1]);
  else if (matches(verb, 'add')) add(ip, rest[0]);
  else if (matches(verb, 'attach')) attach(ip, rest[0], rest[1]);
  else if (matches(verb, 'pids')) pids(ip, rest[0]);
  else if (matches(verb, 'delete') && ip.opts.all) for (const n of netnsNames(ip.world, ip.ns.host)) del(ip, n.name);
  else if (matches(verb, 'delete')) del(ip, rest[0]);
  else if (matches(verb, 'exec') && ip.opts.all) return execAll(ip, rest);
  else if (matches(verb, 'exec')) return exec(ip, rest);
  else if (matches(verb, 'identify')) identify(ip, rest[0]);
  else if (matches(verb, 'help')) throw new IpFailure(ipUsage('netns', false), 255);
  else fail(ip, `Command "${verb}" is unknown, try "ip netns help".`, 255);
  return 0;
}
