// The process table (/proc/<pid>) of an Ubuntu 24.04 host running Docker: systemd and its daemons, the kernel
// threads, containerd's shims and every running container's processes (with their host PIDs), docker-proxy per
// published port, and the learner's login session. Computed from the world state each time, never stored.
import type { World } from '../world';
import type { Container, DockerEngineState } from '../docker/types';
import { catalogById } from '../docker/image-catalog';
import { effectiveArgv } from '../docker/main-process';
import { formatIpv4 } from '../net/ipv4';
import { WORLD_EPOCH_US } from '../sim/clock';
import { RESOLVED_PID, SSHD_PID } from '../presets/host-files';
import { hostUserName, imageUserName } from './users';

/** One process as ps reads it from /proc/<pid>/{stat,status,cmdline}. */
export interface Proc {
  pid: number;
  ppid: number;
  uid: number;
  /** The user name in the reader's /etc/passwd, or the number when it has none. */
  user: string;
  startUs: number;
  /** Controlling terminal (`pts/0`, `tty1`) or null (`?`). */
  tty: string | null;
  /** State and flags as ps's STAT shows them (`Ss`, `Ssl`, `S+`, `I<`). */
  stat: string;
  /** /proc/<pid>/comm (at most 15 characters). */
  comm: string;
  /** The command line; kernel threads have none (ps shows `[comm]`). */
  args: string;
  /** CPU seconds used. */
  cpuS: number;
  /** Virtual and resident size in KiB. */
  vsz: number;
  rss: number;
  /** Process group and session (for `ps` without options: the caller's terminal). */
  sid: number;
  /** Set for a container's processes: its full ID and the PID inside its namespace. */
  containerId?: string;
  nsPid?: number;
  nsPpid?: number;
}

/** MemTotal of the lab's hosts in KiB (a 4 GB VM), for %MEM. */
export const HOST_MEM_KIB = 4_005_604;
export const DOCKERD_PID = 912;
export const CONTAINERD_PID = 690;
/** The learner's SSH login: sshd's privileged and user halves, systemd --user, and the login shell on pts/0. */
export const LOGIN_PIDS = { priv: 958, user: 961, sdpam: 962, sshd: 975, bash: 976 } as const;

type Spec = [pid: number, ppid: number, uid: number, stat: string, comm: string, args: string, vsz: number, rss: number, cpuS?: number, tty?: string];

const KTHREADS: [number, string, string][] = [
  [3, 'pool_workqueue_release', 'S'], [4, 'kworker/R-rcu_g', 'I<'], [5, 'kworker/R-rcu_p', 'I<'], [6, 'kworker/R-slub_', 'I<'],
  [7, 'kworker/R-netns', 'I<'], [13, 'ksoftirqd/0', 'S'], [14, 'rcu_preempt', 'I'], [15, 'migration/0', 'S'], [16, 'idle_inject/0', 'S'],
  [17, 'cpuhp/0', 'S'], [18, 'cpuhp/1', 'S'], [19, 'idle_inject/1', 'S'], [20, 'migration/1', 'S'], [21, 'ksoftirqd/1', 'S'],
  [24, 'kdevtmpfs', 'S'], [26, 'kauditd', 'S'], [29, 'khungtaskd', 'S'], [30, 'oom_reaper', 'S'], [34, 'kswapd0', 'S'],
];

const SYSTEM: Spec[] = [
  [1, 0, 0, 'Ss', 'systemd', '/sbin/init', 22_208, 13_312, 2],
  [2, 0, 0, 'S', 'kthreadd', '', 0, 0],
  ...KTHREADS.map(([pid, comm, stat]): Spec => [pid, 2, 0, stat, comm, '', 0, 0]),
  [318, 1, 0, 'Ss', 'systemd-journal', '/usr/lib/systemd/systemd-journald', 50_380, 16_128],
  [370, 1, 0, 'Ss', 'systemd-udevd', '/usr/lib/systemd/systemd-udevd', 25_380, 6_528],
  [548, 1, 998, 'Ss', 'systemd-network', '/usr/lib/systemd/systemd-networkd', 19_212, 9_344],
  [RESOLVED_PID, 1, 992, 'Ss', 'systemd-resolve', '/usr/lib/systemd/systemd-resolved', 21_456, 12_800],
  [598, 1, 996, 'Ssl', 'systemd-timesyn', '/usr/lib/systemd/systemd-timesyncd', 91_020, 7_296],
  [655, 1, 0, 'Ss', 'cron', '/usr/sbin/cron -f -P', 6_824, 2_688],
  [656, 1, 101, 'Ss', 'dbus-daemon', '@dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only', 9_580, 4_992],
  [663, 1, 0, 'Ss', 'systemd-logind', '/usr/lib/systemd/systemd-logind', 17_968, 8_192],
  [668, 1, 103, 'Ssl', 'rsyslogd', '/usr/sbin/rsyslogd -n -iNONE', 222_508, 5_888],
  [CONTAINERD_PID, 1, 0, 'Ssl', 'containerd', '/usr/bin/containerd', 1_873_848, 47_320, 1],
  [701, 1, 0, 'Ss+', 'agetty', '/sbin/agetty -o -p -- \\u --noclear - linux', 6_176, 1_920, 0, 'tty1'],
  [SSHD_PID, 1, 0, 'Ss', 'sshd', 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', 12_020, 7_936],
  [DOCKERD_PID, 1, 0, 'Ssl', 'dockerd', '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock', 2_264_396, 80_128, 1],
  [LOGIN_PIDS.priv, SSHD_PID, 0, 'Ss', 'sshd', 'sshd: learner [priv]', 14_728, 9_088],
  [LOGIN_PIDS.user, 1, 1000, 'Ss', 'systemd', '/usr/lib/systemd/systemd --user', 20_084, 11_136],
  [LOGIN_PIDS.sdpam, LOGIN_PIDS.user, 1000, 'S', '(sd-pam)', '(sd-pam)', 21_148, 3_524],
  [LOGIN_PIDS.sshd, LOGIN_PIDS.priv, 1000, 'S', 'sshd', 'sshd: learner@pts/0', 14_988, 6_880],
];

/** Seconds after boot each system process started (the host boots at the world's epoch). */
function startOffsetUs(pid: number): number {
  if (pid < 300) return 500_000;
  if (pid < CONTAINERD_PID) return 1_500_000;
  if (pid < LOGIN_PIDS.priv) return 2_000_000;
  return 3_000_000;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** A process the shell adds: the login shell's jobs, the command being run. */
export interface ExtraProc {
  pid: number;
  ppid: number;
  user: string;
  argv: string[];
  startUs: number;
  stat: string;
  tty: string | null;
}

/** What a service's master and children show as their command line and user, as the official images run them. */
function mainTitle(c: Container): { args: string; comm: string; uid: number; children?: { args: string; uid: number } } {
  const argv = effectiveArgv(c);
  const comm = basename(argv[0] ?? '').slice(0, 15);
  const image = catalogById(c.imageId);
  const uid = /^\d+$/.test(c.config.user.split(':')[0]) ? Number(c.config.user.split(':')[0]) : 0;
  if (image?.service?.binaries.includes(basename(argv[0] ?? ''))) {
    const p = image.service.process;
    if (p === 'nginx') return { args: `nginx: master process ${argv.join(' ')}`, comm, uid, children: { args: 'nginx: worker process', uid: 101 } };
    if (p === 'httpd') return { args: 'httpd -DFOREGROUND', comm: 'httpd', uid, children: { args: 'httpd -DFOREGROUND', uid: 1 } };
    if (p === 'redis-server') {
      const opt = (name: string) => { const i = argv.indexOf(`--${name}`); return i > 0 ? argv[i + 1] : undefined; };
      return { args: `redis-server ${opt('bind')?.split(' ')[0] ?? '*'}:${opt('port') ?? 6379}`, comm, uid: 999 };
    }
  }
  return { args: argv.join(' '), comm, uid };
}

const VSZ: Record<string, [number, number]> = {
  nginx: [11_404, 7_424], 'nginx: worker process': [11_868, 2_876], httpd: [5_840, 4_480], 'redis-server': [142_324, 14_208],
  sh: [1_704, 1_024], bash: [4_188, 3_328], zsh: [9_784, 5_120], sleep: [1_612, 896], nc: [1_672, 1_024],
};

function sizes(comm: string, args: string): [number, number] {
  return VSZ[args] ?? VSZ[comm] ?? [2_380, 1_408];
}

/** The processes of one running container, host view (pid, ppid on the host) and namespace view (nsPid). */
export function containerProcs(world: World, engine: DockerEngineState, c: Container): Proc[] {
  if (c.state.status !== 'running' || !c.state.pid) return [];
  const t = mainTitle(c);
  const tty = c.config.tty ? 'pts/0' : null;
  const base = { startUs: c.state.startedUs, cpuS: 0, containerId: c.id, sid: c.state.pid };
  const [vsz, rss] = sizes(t.comm, t.args);
  const procs: Proc[] = [{ ...base, pid: c.state.pid, ppid: c.state.shimPid ?? CONTAINERD_PID, nsPid: 1, nsPpid: 0, uid: t.uid, user: '', tty, stat: tty ? 'Ss+' : 'Ss', comm: t.comm, args: t.args, vsz, rss }];
  for (const ch of c.state.children ?? []) {
    const [v, r] = sizes(t.comm, t.children!.args);
    procs.push({ ...base, pid: ch.pid, ppid: c.state.pid, nsPid: ch.nsPid, nsPpid: 1, uid: t.children!.uid, user: '', tty, stat: 'S', comm: t.comm, args: t.children!.args, vsz: v, rss: r });
  }
  c.state.execs?.forEach((e, i) => {
    const comm = basename(e.argv[0]).slice(0, 15);
    const [v, r] = sizes(comm, e.argv.join(' '));
    const uid = e.user === 'root' ? 0 : /^\d+$/.test(e.user) ? Number(e.user) : 1000;
    procs.push({ ...base, pid: e.pid, ppid: c.state.shimPid ?? CONTAINERD_PID, nsPid: e.nsPid, nsPpid: 0, uid, user: '', startUs: e.startUs, tty: e.tty ? `pts/${i + (tty ? 1 : 0)}` : null, stat: 'Ss', comm, args: e.argv.join(' '), vsz: v, rss: r, sid: e.pid });
  });
  void world;
  return procs;
}

/** The shim containerd starts for a container (`docker top` does not list it: it is outside the container's cgroup). */
function shimProc(c: Container): Proc | null {
  if (c.state.status !== 'running' || c.state.shimPid === undefined) return null;
  return {
    pid: c.state.shimPid, ppid: 1, uid: 0, user: 'root', startUs: c.state.startedUs, tty: null, stat: 'Sl', comm: 'containerd-shim',
    args: `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${c.id} -address /run/containerd/containerd.sock`, cpuS: 0, vsz: 1_238_384, rss: 12_672, sid: c.state.shimPid,
  };
}

/** docker-proxy processes: one per published host address and port (and one for `::` beside each 0.0.0.0 binding). */
function proxyProcs(world: World, engine: DockerEngineState, startUs: number): Proc[] {
  const ns = world.state.netns[world.host(engine.host).rootNs];
  // A proxy starts with the container it forwards to.
  const started = (ip: string) =>
    Object.values(engine.containers ?? {}).find((c) => c.state.status === 'running' && Object.values(c.networks).some((n) => engine.endpoints[n.endpointId]?.ipv4.split('/')[0] === ip))?.state.startedUs ?? startUs;
  const out: Proc[] = [];
  for (const s of ns?.sockets ?? []) {
    if (s.process !== 'docker-proxy' || !s.proxyTo) continue;
    const args = (hostIp: string) =>
      `/usr/bin/docker-proxy -proto ${s.proto} -host-ip ${hostIp} -host-port ${s.port} -container-ip ${formatIpv4(s.proxyTo!.ip)} -container-port ${s.proxyTo!.port} -use-listen-fd`;
    const base = { ppid: DOCKERD_PID, uid: 0, user: 'root', startUs: started(formatIpv4(s.proxyTo.ip)), tty: null, stat: 'Sl', comm: 'docker-proxy', cpuS: 0, vsz: 1_745_412, rss: 4_096 };
    out.push({ ...base, pid: s.pid, args: args(formatIpv4(s.ip)), sid: s.pid });
    if (s.v6 === 'twin' && s.v6Pid !== undefined) out.push({ ...base, pid: s.v6Pid, args: args('::'), sid: s.v6Pid });
  }
  return out;
}

/**
 * Every process on `host`, by PID, with host user names. `extra` are the shell's processes (its jobs, the running
 * command); the login shell (-bash on pts/0) is always there.
 */
export function hostProcesses(world: World, host: string, extra: ExtraProc[] = []): Proc[] {
  const boot = bootUs(world);
  const procs: Proc[] = SYSTEM.map(([pid, ppid, uid, stat, comm, args, vsz, rss, cpuS = 0, tty]) => ({
    pid, ppid, uid, user: '', startUs: boot + startOffsetUs(pid), tty: tty ?? null, stat, comm, args, cpuS, vsz, rss, sid: pid,
  }));
  procs.push({ pid: LOGIN_PIDS.bash, ppid: LOGIN_PIDS.sshd, uid: 1000, user: '', startUs: boot + 3_000_000, tty: 'pts/0', stat: 'Ss', comm: 'bash', args: '-bash', cpuS: 0, vsz: 8_652, rss: 5_376, sid: LOGIN_PIDS.bash });
  const engine = world.state.docker[host];
  if (!engine) procs.splice(procs.findIndex((p) => p.pid === DOCKERD_PID), 1);
  for (const c of Object.values(engine?.containers ?? {})) {
    const shim = shimProc(c);
    if (shim) procs.push(shim);
    procs.push(...containerProcs(world, engine!, c));
    for (const e of c.state.status === 'running' ? (c.state.execs ?? []) : []) {
      if (e.cli) procs.push({ pid: e.cli.pid, ppid: LOGIN_PIDS.bash, uid: 1000, user: '', startUs: e.startUs, tty: 'pts/0', stat: 'Sl+', comm: 'docker', args: e.cli.args, cpuS: 0, vsz: 1_931_312, rss: 32_640, sid: LOGIN_PIDS.bash });
    }
  }
  if (engine) procs.push(...proxyProcs(world, engine, boot + 4_000_000));
  for (const x of extra) {
    const comm = basename(x.argv[0] ?? '').slice(0, 15);
    const [vsz, rss] = sizes(comm, x.argv.join(' '));
    procs.push({ pid: x.pid, ppid: x.ppid, uid: x.user === 'root' ? 0 : 1000, user: '', startUs: x.startUs, tty: x.tty, stat: x.stat, comm, args: x.argv.join(' '), cpuS: 0, vsz, rss, sid: LOGIN_PIDS.bash });
  }
  for (const p of procs) p.user = hostUserName(p.uid);
  return procs.sort((a, b) => a.pid - b.pid);
}

/** The processes in container `c`'s PID namespace, renumbered as it sees them, with the image's user names. */
export function namespaceProcesses(world: World, engine: DockerEngineState, c: Container, extra: ExtraProc[] = []): Proc[] {
  const procs = containerProcs(world, engine, c).map((p) => ({ ...p, pid: p.nsPid!, ppid: p.nsPpid!, sid: p.nsPid === 1 ? 1 : p.nsPid! }));
  for (const x of extra) {
    const comm = basename(x.argv[0] ?? '').slice(0, 15);
    const [vsz, rss] = sizes(comm, x.argv.join(' '));
    procs.push({ pid: x.pid, ppid: x.ppid, uid: x.user === 'root' ? 0 : 1000, user: '', startUs: x.startUs, tty: x.tty, stat: x.stat, comm, args: x.argv.join(' '), cpuS: 0, vsz, rss, sid: x.ppid });
  }
  for (const p of procs) p.user = imageUserName(catalogById(c.imageId), p.uid);
  return procs.sort((a, b) => a.pid - b.pid);
}

/** When the host booted: the world's first instant (every preset starts its hosts then). */
export function bootUs(_world: World): number {
  return WORLD_EPOCH_US;
}
