// What nsenter opens: /proc/<pid>/ns/* of the processes a host runs (systemd and its daemons, docker-proxy, each
// running container's main process) and the namespace files bind-mounted by `ip netns add` and by dockerd.
import type { World } from '../../../core/world';
import type { Container, DockerEngineState } from '../../../core/docker/types';
import type { Flavor, ProcessEnv } from '../../types';
import { catalogById } from '../../../core/docker/image-catalog';
import { containerNetns } from '../../../core/docker/container-start';
import { reapContainers } from '../../../core/docker/container-stop';
import { fsRootOf } from '../../../core/docker/etc-files';
import { hostProcesses, namespaceProcesses } from '../../../core/proc/process-table';
import { readFile } from '../../vfs';
import { netnsByName } from '../../../core/kernel/netns-names';

/** The namespaces of a process, as far as the lab models them: network, UTS (hostname) and mount (its files). */
export interface ProcessNs {
  netns: string;
  hostname: string;
  fsRoot: string;
  flavor: Flavor;
  /** Set when these are a container's namespaces. */
  container?: Container;
}

/** Namespace file names under /proc/<pid>/ns (nsenter's `ns/net` ...). */
export const NS_TYPES = ['user', 'cgroup', 'ipc', 'uts', 'net', 'pid', 'mnt', 'time'] as const;
export type NsType = (typeof NS_TYPES)[number];

function hostNs(world: World, host: string): ProcessNs {
  return { netns: world.host(host).rootNs, hostname: host, fsRoot: host, flavor: 'ubuntu' };
}

function containerNs(world: World, engine: DockerEngineState, c: Container): ProcessNs {
  const hostMode = c.hostConfig.networkMode === 'host';
  return {
    netns: containerNetns(world, engine, c) ?? world.host(engine.host).rootNs,
    hostname: hostMode ? engine.host : c.config.hostname,
    fsRoot: fsRootOf(c),
    flavor: catalogById(c.imageId)?.flavor ?? 'busybox',
    container: c,
  };
}

/** /proc/<pid> as `env` sees it (its PID namespace), or null when there is no such process. */
export function findProcess(world: World, env: ProcessEnv, pid: number): ProcessNs | null {
  const engine = world.state.docker[env.host];
  if (env.containerId) {
    // A container sees only its own PID namespace: PID 1, its children, its exec'd processes.
    const c = engine?.containers?.[env.containerId];
    return engine && c && namespaceProcesses(world, engine, c).some((p) => p.pid === pid) ? containerNs(world, engine, c) : null;
  }
  // The shell that asks (`ip netns identify $$` in bash started by `ip netns exec`) is in the namespaces it runs in.
  if (env.shellPid === pid) return { netns: env.netns, hostname: env.hostname, fsRoot: env.fsRoot, flavor: env.flavor };
  if (engine) reapContainers(world, engine);
  const p = hostProcesses(world, env.host).find((x) => x.pid === pid);
  const c = p?.containerId ? engine?.containers?.[p.containerId] : undefined;
  if (engine && c) return containerNs(world, engine, c);
  // systemd, its daemons, docker-proxy, the shims: the host's namespaces.
  if (p || world.state.netns[world.host(env.host).rootNs]?.sockets.some((s) => s.pid === pid)) return hostNs(world, env.host);
  return null;
}

export type OpenResult = { ok: true; ns: ProcessNs; type: NsType } | { ok: false; errno: 'ENOENT' | 'EACCES' | 'EINVAL' };

/**
 * open(2) on a namespace file: `/proc/<pid>/ns/<type>` (or `/proc/self/...`), `/run/netns/NAME` from `ip netns add`,
 * `/run/docker/netns/<key>` (a container's SandboxKey). Any other readable file opens but is no namespace (EINVAL
 * at setns).
 */
export function openNsFile(world: World, env: ProcessEnv, path: string, current: ProcessNs): OpenResult {
  const p = path.replace(/^\/var\/run\//, '/run/');
  const proc = /^\/proc\/(self|\d+)\/ns\/([a-z_]+)$/.exec(p);
  if (proc) {
    const type = proc[2].replace(/_for_children$/, '') as NsType;
    if (!(NS_TYPES as readonly string[]).includes(type)) return { ok: false, errno: 'ENOENT' };
    if (proc[1] === 'self') return { ok: true, ns: current, type };
    const target = findProcess(world, env, Number(proc[1]));
    if (!target) return { ok: false, errno: 'ENOENT' };
    if (env.user !== 'root') return { ok: false, errno: 'EACCES' };
    return { ok: true, ns: target, type };
  }
  const named = /^\/run\/netns\/([^/]+)$/.exec(p);
  if (named && !env.containerId) {
    const ns = netnsByName(world, env.host, named[1]);
    if (ns) return { ok: true, ns: { ...current, netns: ns.id }, type: 'net' };
  }
  const docker = /^\/run\/docker\/netns\/([^/]+)$/.exec(p);
  const engine = world.state.docker[env.host];
  if (docker && engine && !env.containerId) {
    if (docker[1] === 'default') return { ok: true, ns: { ...current, netns: world.host(env.host).rootNs }, type: 'net' };
    const sb = Object.values(engine.sandboxes).find((s) => s.key === `/var/run/docker/netns/${docker[1]}`);
    if (sb) return { ok: true, ns: { ...current, netns: sb.netns }, type: 'net' };
  }
  const file = readFile(world, env, path);
  return file.ok || file.error === 'EISDIR' ? { ok: false, errno: 'EINVAL' } : { ok: false, errno: 'ENOENT' };
}

/** The namespaces the calling process is in. */
export function currentNs(env: ProcessEnv): ProcessNs {
  return { netns: env.netns, hostname: env.hostname, fsRoot: env.fsRoot, flavor: env.flavor };
}
