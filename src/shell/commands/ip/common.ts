// What every `ip` object handler shares: the namespace it works in, global options, iproute2's and BusyBox's
// error wording, the root check rtnetlink does, and iproute2's keyword matching (`matches`, `get_prefix`).
import type { World } from '../../../core/world';
import type { Link, Netns } from '../../../core/kernel/types';
import type { CommandContext } from '../../types';
import { findLink } from '../../../core/kernel/links';
import { netnsByName } from '../../../core/kernel/netns-names';

export interface IpOptions {
  brief: boolean;
  details: boolean;
  oneline: boolean;
  stats: boolean;
  family: 'inet' | 'inet6' | 'link' | null;
  /** `-j`: JSON instead of text; `-p` pretty-prints it. */
  json?: boolean;
  /** `-all`: `ip -all netns exec|delete` act on every named namespace. */
  all?: boolean;
  pretty?: boolean;
}

export interface IpCtx {
  ctx: CommandContext;
  world: World;
  ns: Netns;
  busybox: boolean;
  opts: IpOptions;
}

/** Thrown by handlers: the text goes to stderr as is, with the exit status. */
export class IpFailure extends Error {
  constructor(
    readonly text: string,
    readonly code: number,
  ) {
    super(text);
  }
}

export function fail(ip: IpCtx, text: string, code = 1): never {
  throw new IpFailure(ip.busybox ? `ip: ${text.replace(/\.$/, '')}\n` : `${text}\n`, ip.busybox ? 1 : code);
}

/**
 * CAP_NET_ADMIN: root on the host; inside a container only when it runs `--privileged` (Docker drops
 * NET_ADMIN from a container's bounding set by default).
 */
export function hasNetAdmin(world: World, env: CommandContext['env']): boolean {
  if (env.user !== 'root') return false;
  if (!env.containerId) return true;
  for (const engine of Object.values(world.state.docker)) {
    const c = engine.containers?.[env.containerId];
    if (c) return c.hostConfig.privileged;
  }
  return false;
}

/** rtnetlink refuses changes from processes without CAP_NET_ADMIN. */
export function requireRoot(ip: IpCtx): void {
  if (!hasNetAdmin(ip.world, ip.ctx.env)) fail(ip, 'RTNETLINK answers: Operation not permitted', 2);
}

/** iproute2's matches(): `arg` is a non-empty prefix of `word`. */
export function matches(arg: string | undefined, word: string): boolean {
  return arg !== undefined && arg.length > 0 && word.startsWith(arg);
}

/** `Cannot find device "eth9"` (iproute2) / `can't find device 'eth9'` (BusyBox). */
export function needLink(ip: IpCtx, name: string): Link {
  const link = findLink(ip.ns, name);
  if (!link) {
    if (ip.busybox) throw new IpFailure(`ip: can't find device '${name}'\n`, 1);
    throw new IpFailure(`Cannot find device "${name}"\n`, 1);
  }
  return link;
}

/** duparg2(): `Error: either "dev" is duplicate, or "x" is a garbage.` */
export function garbage(ip: IpCtx, key: string, arg: string): never {
  if (ip.busybox) throw new IpFailure(`ip: either "${key}" is duplicate, or "${arg}" is garbage\n`, 1);
  throw new IpFailure(`Error: either "${key}" is duplicate, or "${arg}" is a garbage.\n`, 255);
}

/** Tokens after a keyword: `dev X`, `via Y`; complains when the value is missing. */
export function nextArg(ip: IpCtx, argv: string[], i: number): string {
  if (i + 1 >= argv.length) {
    if (ip.busybox) throw new IpFailure('ip: command line is not complete. Try option "help"\n', 1);
    throw new IpFailure('Command line is not complete. Try option "help"\n', 255);
  }
  return argv[i + 1];
}

/** The world's named namespace `name` on this host (`ip netns add`). */
export function namedNetns(world: World, host: string, name: string): Netns | undefined {
  return netnsByName(world, host, name);
}
