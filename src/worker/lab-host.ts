// The worker's side of the lab: one World, its shell sessions, and the LabApi the UI calls (testable without a Worker).
import { createWorld } from '../core/presets';
import { World, type WorldEvent, type WorldSnapshot } from '../core/world';
import { projectTopology } from '../core/topology/project';
import { diffTopology, isEmptyDiff } from '../core/topology/diff';
import { packetPath } from '../core/topology/packet-path';
import type { PacketTrace } from '../core/sim/trace';
import type { TopologyModel } from '../core/topology/model';
import { Session } from '../shell/session';
import { RealTimeFollower } from './real-time';
import { ManualInterrupt } from '../shell/interrupts';
import { completeLine } from '../shell/completion';
import { PS2, historyEntry, needsMore } from '../shell/continuation';
import type { CommandIO } from '../shell/types';
import { detailsFor } from './details';
import { LessonSupport } from '../lessons/lab-support';
import type { LogEntry } from '../lessons/log';
import type { CheckSpec, CheckState, Completion, Details, ExecDone, ExecEvent, ExecOptions, LabApi, LabEvent, LabInfo, LessonWorldSpec, LoadedWorld, SessionInfo, WorldSpec } from './protocol';

interface LiveSession {
  session: Session;
  running: ManualInterrupt | null;
  answer: ((line: string | null) => void) | null;
}

export interface LabHostOptions {
  /** Real-time pacing of simulated sleeps (the browser waits; tests do not). */
  pace?: (ms: number) => Promise<void>;
  /** How a topology publish is deferred so a burst of changes goes out as one diff (default: a macrotask). */
  defer?: (fn: () => void) => void;
  /** Real milliseconds; when given, simulated time follows the learner's real time between commands. */
  realTime?: () => number;
}

/**
 * Output reaches the UI through a comlink callback, whose messages travel on their own port: the command's result
 * could overtake its last output. Each callback returns a promise there, so the result waits for the last one.
 */
function ordered(onEvent: (e: ExecEvent) => void): { send: (e: ExecEvent) => void; flushed: () => Promise<void> } {
  let last: Promise<unknown> = Promise.resolve();
  return {
    send(e) {
      const r = onEvent(e) as unknown;
      if (r instanceof Promise) last = r;
    },
    flushed: () => last.then(
      () => undefined,
      () => undefined,
    ),
  };
}

export class LabHost implements LabApi {
  private world: World = createWorld();
  private sessions = new Map<string, LiveSession>();
  private subscribers: ((e: LabEvent) => void)[] = [];
  private nextSession = 1;
  private publishedVersion = -1;
  private published: TopologyModel | null = null;
  private publishScheduled = false;
  private unlisten: (() => void) | null = null;
  /** Lessons: the command log, Undo snapshots, check evaluation. */
  private readonly lessons = new LessonSupport();
  private readonly follower: RealTimeFollower | null;
  /** With a real clock, time between commands is the learner's; otherwise a scripted pause. */
  private readonly thinkTime: (() => number) | undefined;

  constructor(private readonly options: LabHostOptions = {}) {
    const follower = options.realTime ? new RealTimeFollower(options.realTime) : null;
    this.follower = follower;
    this.thinkTime = follower ? () => follower.thinkTimeUs(this.world) : undefined;
    this.listen();
  }

  /** The world this host runs (for in-process drivers: tests, benchmarks). */
  get currentWorld(): World {
    return this.world;
  }

  async init(spec: WorldSpec): Promise<LabInfo> {
    this.world = spec.snapshot ? World.restore(JSON.parse(spec.snapshot) as WorldSnapshot) : createWorld({ seed: spec.seed, preset: spec.preset });
    this.follower?.reset();
    for (const live of this.sessions.values()) {
      live.running?.fire();
      live.session.jobs.hangUp();
    }
    this.sessions.clear();
    this.listen();
    this.publishFull();
    return { preset: this.world.state.preset, seed: this.world.state.seed, hosts: this.world.hostNames() };
  }

  /** Follows the current world: changes are published as diffs, walker traces are forwarded as they happen. */
  private listen(): void {
    this.unlisten?.();
    this.unlisten = this.world.on((e: WorldEvent) => {
      if (e.type === 'packet') this.forwardPacket(e.trace as PacketTrace);
      else this.schedulePublish();
    });
  }

  async openSession(host: string): Promise<SessionInfo> {
    this.world.host(host);
    const id = `s${this.nextSession++}`;
    const session = new Session(this.world, host, { pace: this.options.pace, thinkTimeUs: this.thinkTime, backgroundSink: (data) => this.send({ type: 'background', session: id, data }) });
    this.sessions.set(id, { session, running: null, answer: null });
    return { id, host, prompt: session.prompt() };
  }

  async closeSession(id: string): Promise<void> {
    this.sessions.get(id)?.running?.fire();
    this.sessions.get(id)?.session.jobs.hangUp();
    this.sessions.delete(id);
  }

  private live(id: string): LiveSession {
    const s = this.sessions.get(id);
    if (!s) throw new Error(`no session ${id}`);
    return s;
  }

  private io(live: LiveSession, onEvent: (e: ExecEvent) => void): CommandIO {
    return {
      out: (data) => onEvent({ type: 'stdout', data }),
      err: (data) => onEvent({ type: 'stderr', data }),
      readLine: () =>
        new Promise((resolve) => {
          live.answer = resolve;
          onEvent({ type: 'input-request' });
        }),
    };
  }

  async exec(sessionId: string, line: string, onEvent: (e: ExecEvent) => void, options: ExecOptions = {}): Promise<ExecDone> {
    const live = this.live(sessionId);
    const attached = () => !!live.session.env.containerId;
    // bash shows PS2 and reads on before running a line that ends inside quotes or after `|`, `&&`, `||`, `\`.
    if (!options.eof && needsMore(line)) return { exitCode: live.session.lastExit, prompt: live.session.prompt(), closed: false, attached: attached(), continuation: PS2 };
    const interrupt = new ManualInterrupt();
    live.running = interrupt;
    const stream = ordered(onEvent);
    try {
      const entry = await this.lessons.run(this.world, live.session, line, this.io(live, stream.send), interrupt);
      this.send({ type: 'command', entry, canUndo: this.lessons.canUndo });
      (this.options.defer ?? ((fn) => setTimeout(fn, 0)))(() => this.lessons.idle(this.world));
      await stream.flushed();
      return { exitCode: entry.exitCode, prompt: live.session.prompt(), closed: live.session.closed, attached: attached(), history: historyEntry(line) };
    } finally {
      live.running = null;
      live.answer = null;
      this.publish();
    }
  }

  async endOfInput(sessionId: string, onEvent: (e: ExecEvent) => void): Promise<ExecDone> {
    const live = this.live(sessionId);
    const { session } = live;
    const stream = ordered(onEvent);
    // bash's `exit` builtin prints "exit"; ash says nothing, but its EOF handling ends the line.
    if (session.env.shell !== 'bash') stream.send({ type: 'stdout', data: '\n' });
    const kept = session.history.length;
    try {
      const exitCode = await session.run('exit', this.io(live, stream.send));
      await stream.flushed();
      return { exitCode, prompt: session.prompt(), closed: session.closed, attached: !!session.env.containerId };
    } finally {
      session.history.length = kept;
      this.publish();
    }
  }

  async interrupt(sessionId: string): Promise<void> {
    const live = this.sessions.get(sessionId);
    live?.running?.fire();
    live?.answer?.(null);
  }

  async provideInput(sessionId: string, line: string | null): Promise<void> {
    const live = this.live(sessionId);
    const answer = live.answer;
    live.answer = null;
    answer?.(line);
  }

  async complete(sessionId: string, line: string, cursor: number): Promise<Completion> {
    const live = this.live(sessionId);
    return completeLine(live.session, line, cursor);
  }

  async sessionInfo(sessionId: string): Promise<SessionInfo> {
    const { session } = this.live(sessionId);
    return { id: sessionId, host: session.envStack[0].host, prompt: session.prompt() };
  }

  async history(sessionId: string): Promise<string[]> {
    return [...this.live(sessionId).session.history];
  }

  async setHistory(sessionId: string, entries: string[]): Promise<void> {
    const h = this.live(sessionId).session.history;
    h.splice(0, h.length, ...entries.filter((e) => typeof e === 'string'));
  }

  async details(key: string): Promise<Details> {
    return detailsFor(this.world, key);
  }

  async topology() {
    return projectTopology(this.world);
  }

  async subscribe(onEvent: (e: LabEvent) => void): Promise<void> {
    this.subscribers.push(onEvent);
    this.published ??= projectTopology(this.world);
    this.publishedVersion = this.world.changeCount;
    onEvent({ type: 'topology', model: this.published, version: this.publishedVersion });
  }

  async snapshot(): Promise<string> {
    return JSON.stringify(this.world.snapshot());
  }

  async loadWorld(spec: LessonWorldSpec): Promise<LoadedWorld> {
    const { world, failures } = await this.lessons.build(spec);
    this.lessons.reset(world, spec.log ?? []);
    this.adopt(world, 'load');
    return { preset: world.state.preset, seed: world.state.seed, hosts: world.hostNames(), nextSeq: this.lessons.nextSeq, setupFailures: failures };
  }

  async evaluateChecks(checks: CheckSpec[], fromSeq: number): Promise<CheckState[]> {
    return this.lessons.evaluate(this.world, checks, fromSeq);
  }

  async commandLog(fromSeq = 0): Promise<LogEntry[]> {
    return this.lessons.log.filter((e) => e.seq >= fromSeq);
  }

  async undo(): Promise<boolean> {
    const world = this.lessons.undo();
    if (!world) return false;
    this.adopt(world, 'undo');
    return true;
  }

  /** Makes `world` current: open sessions restart on it (same ids and history), views get the whole new model. */
  private adopt(world: World, reason: 'load' | 'undo'): void {
    this.world = world;
    this.follower?.reset();
    for (const live of this.sessions.values()) {
      live.running?.fire();
      live.session.jobs.hangUp();
      const old = live.session;
      const host = world.state.hosts[old.envStack[0].host] ? old.envStack[0].host : world.hostNames()[0];
      live.session = new Session(world, host, old.options);
      live.session.history.push(...old.history);
    }
    this.listen();
    this.publishFull();
    this.send({ type: 'world', reason, canUndo: this.lessons.canUndo });
  }

  private send(e: LabEvent): void {
    for (const s of this.subscribers) s(e);
  }

  private publishFull(): void {
    this.published = projectTopology(this.world);
    this.publishedVersion = this.world.changeCount;
    this.send({ type: 'topology', model: this.published, version: this.publishedVersion });
  }

  private schedulePublish(): void {
    if (this.publishScheduled || this.subscribers.length === 0) return;
    this.publishScheduled = true;
    (this.options.defer ?? ((fn) => setTimeout(fn, 0)))(() => {
      this.publishScheduled = false;
      this.publish();
    });
  }

  /** Sends what changed since the last publish, if anything visible did. */
  private publish(): void {
    if (this.world.changeCount === this.publishedVersion || this.subscribers.length === 0) return;
    this.publishedVersion = this.world.changeCount;
    const next = projectTopology(this.world);
    const diff = diffTopology(this.published ?? next, next);
    this.published = next;
    if (!isEmptyDiff(diff)) this.send({ type: 'topology-diff', diff, version: this.publishedVersion });
  }

  private forwardPacket(trace: PacketTrace): void {
    if (this.subscribers.length === 0) return;
    // The view must know every object the packet crosses before it animates.
    this.publish();
    this.send({ type: 'packet', trace, path: packetPath(trace) });
  }
}
