// What the lab worker keeps for lessons: the command log, undo snapshots, and check evaluation. Undo snapshots are
// taken after a command has answered (off the Enter-to-output path) and kept only when the command changed the world.
import { World, type WorldSnapshot } from '../core/world';
import type { Session } from '../shell/session';
import type { CommandIO, Interrupt } from '../shell/types';
import { runLogged, logSince, type LogEntry } from './log';
import { evaluateChecks, type CheckState } from './checks/evaluate';
import { buildLessonWorld, type SetupFailure } from './world';
import type { Predicate } from './schema/predicates';

/** How many changes Undo can take back. */
export const UNDO_DEPTH = 30;
/** Log entries kept (older ones cannot matter to a step in progress). */
export const LOG_LIMIT = 500;

/** A world to load: a saved snapshot, or a preset + seed + setup commands. */
export interface LoadSpec {
  preset?: string;
  seed?: number;
  setup?: string[];
  snapshot?: string;
  /** The command log to continue (restored progress). */
  log?: LogEntry[];
}

export class LessonSupport {
  log: LogEntry[] = [];
  private undoStack: WorldSnapshot[] = [];
  /** The world as it was after the last command (null until taken). */
  private settled: WorldSnapshot | null = null;
  private settledVersion = -1;

  get nextSeq(): number {
    return (this.log[this.log.length - 1]?.seq ?? 0) + 1;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** Builds the world for `spec`; setup failures are returned for the caller to show. */
  async build(spec: LoadSpec): Promise<{ world: World; failures: SetupFailure[] }> {
    if (spec.snapshot) return { world: World.restore(JSON.parse(spec.snapshot) as WorldSnapshot), failures: [] };
    return buildLessonWorld({ preset: spec.preset ?? 'single-host', seed: spec.seed ?? 1, setup: spec.setup ?? [] });
  }

  /** Starts over on `world` with `log` (empty for a fresh lesson). */
  reset(world: World, log: LogEntry[] = []): void {
    this.log = log.slice(-LOG_LIMIT);
    this.undoStack = [];
    this.settle(world);
  }

  /** Records the settled state of `world`. */
  settle(world: World): void {
    this.settled = world.snapshot();
    this.settledVersion = world.changeCount;
  }

  /** Call when idle after a command: takes the snapshot the next Undo needs, so the next command need not. */
  idle(world: World): void {
    if (!this.settled || this.settledVersion !== world.changeCount) this.settle(world);
  }

  /** Runs a typed line, logging it; remembers the previous state for Undo when the line changed the world. */
  async run(world: World, session: Session, line: string, io: CommandIO, interrupt: Interrupt): Promise<LogEntry> {
    if (this.settledVersion !== world.changeCount || !this.settled) this.settle(world);
    const before = this.settled!;
    const entry = await runLogged(session, line, io, interrupt, this.nextSeq);
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    if (world.changeCount !== this.settledVersion) {
      this.undoStack.push(before);
      if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
      this.settled = null;
    }
    return entry;
  }

  /** The world before the last change, or null when there is nothing to undo. */
  undo(): World | null {
    const snap = this.undoStack.pop();
    if (!snap) return null;
    const world = World.restore(snap);
    this.settled = snap;
    this.settledVersion = world.changeCount;
    return world;
  }

  evaluate(world: World, checks: readonly { id: string; pred: Predicate }[], fromSeq: number): Promise<CheckState[]> {
    return evaluateChecks(checks, world, logSince(this.log, fromSeq));
  }
}
