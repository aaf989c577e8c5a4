// The World: every emulated host, namespace and daemon as one plain-data state, plus its RNG, clock and change events.
import { Rng, type RngState } from './sim/rng';
import { type ClockState, SimClock, WORLD_EPOCH_US } from './sim/clock';
import type { Netns, NetnsId } from './kernel/types';
import type { DockerEngineState } from './docker/types';

/** A physical L2 segment outside every host (the lab's LAN), with the router that leads to the internet. */
export interface Segment {
  name: string;
  cidr: string;
  /** The LAN router: default gateway and DNS server for hosts. */
  gateway: string;
  dns: string;
}

/** One emulated machine. Its network state is the namespace `rootNs`; its daemon, if any, is `docker[name]`. */
export interface HostState {
  name: string;
  rootNs: NetnsId;
  /** Lines of the host's /etc/resolv.conf nameservers and search domains. */
  resolv: { nameservers: string[]; search: string[] };
  /** The operating system, which decides tool flavours (iputils ping on Ubuntu hosts). */
  os: 'ubuntu';
  /** The kernel's ping_port_rover: the last ICMP echo identifier it gave a ping socket (see kernel/ping-socket.ts). */
  pingPortRover?: number;
  /** Packages installed beyond the base system (`sudo apt install jq`). */
  packages?: string[];
}

export interface WorldState {
  version: 1;
  seed: number;
  preset: string;
  rng: RngState;
  clock: ClockState;
  nextPid: number;
  segments: Record<string, Segment>;
  hosts: Record<string, HostState>;
  netns: Record<NetnsId, Netns>;
  docker: Record<string, DockerEngineState>;
  /** Files users wrote, keyed `<fsRoot>:<absolute path>` (fsRoot is a host name or `ctr:<id>`). */
  files: Record<string, string>;
  /** Redis servers' key spaces, by `<netns>:<port>` of their listening socket. */
  redis?: Record<string, Record<string, string>>;
  /** Inode data for files and directories made by the shell's file commands (same keys as `files`): owner, mode, mtime. */
  fsMeta?: Record<string, FileMeta>;
  /**
   * Names in a host's /run/netns that point at a namespace made elsewhere (`ip netns attach`, `ln -s /proc/PID/ns/net`),
   * keyed `<host>:<name>`, oldest first; `ip netns add` namespaces are named by their own `name`.
   */
  netnsLinks?: Record<string, NetnsId>;
  /** The packet walker's count of walks at the current simulated instant (it seeds their jitter). */
  walker?: { us: number; n: number };
}

/** What `ls -l` shows of a file or directory the learner made (the rest of the tree has fixed metadata). */
export interface FileMeta {
  dir?: boolean;
  /** Permission bits, e.g. 0o644. */
  mode: number;
  owner: string;
  mtimeUs: number;
}

/** A serialised world: restoring it gives back an identical world. */
export type WorldSnapshot = WorldState;

/** What changed: emitted by every mutation so views can refresh; `packet` carries a walker trace. */
export type WorldEvent =
  | { type: 'changed'; topic: string; id: string }
  | { type: 'packet'; trace: unknown };

export type WorldListener = (event: WorldEvent) => void;

export class World {
  readonly rng: Rng;
  readonly clock: SimClock;
  private listeners = new Set<WorldListener>();
  private version = 0;

  constructor(readonly state: WorldState) {
    this.rng = new Rng(state.rng);
    this.clock = new SimClock(state.clock);
  }

  /** An empty world (no hosts); presets fill it. */
  static empty(seed: number, preset: string): World {
    return new World({
      version: 1,
      seed,
      preset,
      rng: Rng.seedState(seed),
      clock: { us: WORLD_EPOCH_US },
      nextPid: 1000,
      segments: {},
      hosts: {},
      netns: {},
      docker: {},
      files: {},
    });
  }

  /** A deep copy of the whole state (RNG and clock included). */
  snapshot(): WorldSnapshot {
    return structuredClone(this.state);
  }

  static restore(snapshot: WorldSnapshot): World {
    return new World(structuredClone(snapshot));
  }

  /** Increases on every change; cheap "did anything change" checks compare it. */
  get changeCount(): number {
    return this.version;
  }

  on(listener: WorldListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: WorldEvent): void {
    for (const l of this.listeners) l(event);
  }

  /** Records a mutation of `topic` (netns, link, addr, route, docker, ...) and tells listeners. */
  changed(topic: string, id: string): void {
    this.version++;
    if (this.listeners.size) this.emit({ type: 'changed', topic, id });
  }

  /** A fresh process id on this world. */
  nextPid(): number {
    return this.state.nextPid++;
  }

  host(name: string): HostState {
    const h = this.state.hosts[name];
    if (!h) throw new Error(`no host ${name}`);
    return h;
  }

  hostNames(): string[] {
    return Object.keys(this.state.hosts).sort();
  }
}
