// The worker's side of the lab: one World, its shell sessions, and the LabApi the UI calls (testable without a Worker).
import { createWorld } from '../core/presets';
import { World, type WorldSnapshot } from '../core/world';
import { projectTopology } from '../core/topology/project';
import { Session } from '../shell/session';
import { ManualInterrupt } from '../shell/interrupts';
import { completeLine } from '../shell/completion';
import type { CommandIO } from '../shell/types';
import type { Completion, ExecDone, ExecEvent, LabApi, LabEvent, LabInfo, SessionInfo, WorldSpec } from './protocol';

interface LiveSession {
  session: Session;
  running: ManualInterrupt | null;
  answer: ((line: string | null) => void) | null;
}

export interface LabHostOptions {
  /** Real-time pacing of simulated sleeps (the browser waits; tests do not). */
  pace?: (ms: number) => Promise<void>;
}

export class LabHost implements LabApi {
  private world: World = createWorld();
  private sessions = new Map<string, LiveSession>();
  private subscribers: ((e: LabEvent) => void)[] = [];
  private nextSession = 1;
  private publishedVersion = -1;

  constructor(private readonly options: LabHostOptions = {}) {}

  async init(spec: WorldSpec): Promise<LabInfo> {
    this.world = spec.snapshot ? World.restore(JSON.parse(spec.snapshot) as WorldSnapshot) : createWorld({ seed: spec.seed, preset: spec.preset });
    this.sessions.clear();
    this.publishedVersion = -1;
    this.publish();
    return { preset: this.world.state.preset, seed: this.world.state.seed, hosts: this.world.hostNames() };
  }

  async openSession(host: string): Promise<SessionInfo> {
    const id = `s${this.nextSession++}`;
    const session = new Session(this.world, host, { pace: this.options.pace });
    this.sessions.set(id, { session, running: null, answer: null });
    return { id, host, prompt: session.prompt() };
  }

  async closeSession(id: string): Promise<void> {
    this.sessions.get(id)?.running?.fire();
    this.sessions.delete(id);
  }

  private live(id: string): LiveSession {
    const s = this.sessions.get(id);
    if (!s) throw new Error(`no session ${id}`);
    return s;
  }

  async exec(sessionId: string, line: string, onEvent: (e: ExecEvent) => void): Promise<ExecDone> {
    const live = this.live(sessionId);
    const interrupt = new ManualInterrupt();
    live.running = interrupt;
    const io: CommandIO = {
      out: (data) => onEvent({ type: 'stdout', data }),
      err: (data) => onEvent({ type: 'stderr', data }),
      readLine: () =>
        new Promise((resolve) => {
          live.answer = resolve;
          onEvent({ type: 'input-request' });
        }),
    };
    try {
      const exitCode = await live.session.run(line, io, interrupt);
      return { exitCode, prompt: live.session.prompt(), closed: live.session.closed };
    } finally {
      live.running = null;
      live.answer = null;
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

  async history(sessionId: string): Promise<string[]> {
    return [...this.live(sessionId).session.history];
  }

  async topology() {
    return projectTopology(this.world);
  }

  async subscribe(onEvent: (e: LabEvent) => void): Promise<void> {
    this.subscribers.push(onEvent);
    onEvent({ type: 'topology', model: projectTopology(this.world), version: this.world.changeCount });
  }

  async snapshot(): Promise<string> {
    return JSON.stringify(this.world.snapshot());
  }

  /** Sends the topology to subscribers if the world changed since the last time. */
  private publish(): void {
    if (this.world.changeCount === this.publishedVersion || this.subscribers.length === 0) return;
    this.publishedVersion = this.world.changeCount;
    const model = projectTopology(this.world);
    for (const s of this.subscribers) s({ type: 'topology', model, version: this.publishedVersion });
  }
}
