// LabClient: the one object in the UI that owns the lab worker and speaks its protocol.
import { proxy, wrap, type Remote } from 'comlink';
import type { CheckSpec, CheckState, LessonWorldSpec, LoadedWorld, LogEntry } from './protocol';
import type { Completion, Details, ExecDone, ExecEvent, ExecOptions, LabApi, LabEvent, LabInfo, PacketPath, SessionInfo, TopologyModel, WorldSpec } from './protocol';
import { applyTopologyDiff } from '../core/topology/diff';

/** What a topology watcher receives: the whole current model, the keys that just changed, and packet walks. */
export interface TopologyWatcher {
  onModel(model: TopologyModel, changed: readonly string[], version: number): void;
  onPacket?(path: PacketPath): void;
}

export class LabClient {
  private readonly worker: Worker;
  private readonly api: Remote<LabApi>;

  constructor() {
    this.worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'cnlab-emulator' });
    this.api = wrap<LabApi>(this.worker);
  }

  init(spec: WorldSpec = {}): Promise<LabInfo> {
    return this.api.init(spec);
  }

  openSession(host: string): Promise<SessionInfo> {
    return this.api.openSession(host);
  }

  closeSession(id: string): Promise<void> {
    return this.api.closeSession(id);
  }

  /** Runs a line; `onEvent` receives output chunks as they are produced. An incomplete line returns `continuation`. */
  exec(sessionId: string, line: string, onEvent: (e: ExecEvent) => void, options?: ExecOptions): Promise<ExecDone> {
    return this.api.exec(sessionId, line, proxy(onEvent), options);
  }

  interrupt(sessionId: string): Promise<void> {
    return this.api.interrupt(sessionId);
  }

  provideInput(sessionId: string, line: string | null): Promise<void> {
    return this.api.provideInput(sessionId, line);
  }

  complete(sessionId: string, line: string, cursor: number): Promise<Completion> {
    return this.api.complete(sessionId, line, cursor);
  }

  subscribe(onEvent: (e: LabEvent) => void): Promise<void> {
    return this.api.subscribe(proxy(onEvent));
  }

  /** Keeps a model current by applying the worker's diffs; `changed` lists the keys a diff touched (empty at first). */
  watchTopology(watcher: TopologyWatcher): Promise<void> {
    let model: TopologyModel | null = null;
    return this.subscribe((e) => {
      if (e.type === 'topology') {
        model = e.model;
        watcher.onModel(model, [], e.version);
      } else if (e.type === 'topology-diff' && model) {
        model = applyTopologyDiff(model, e.diff);
        watcher.onModel(model, [...e.diff.upserts.map((u) => u.key), ...e.diff.removed], e.version);
      } else if (e.type === 'packet' && e.path) {
        watcher.onPacket?.(e.path);
      }
    });
  }

  sessionInfo(sessionId: string): Promise<SessionInfo> {
    return this.api.sessionInfo(sessionId);
  }

  setHistory(sessionId: string, entries: string[]): Promise<void> {
    return this.api.setHistory(sessionId, entries);
  }

  /** Ctrl-D on an empty line. */
  endOfInput(sessionId: string, onEvent: (e: ExecEvent) => void): Promise<ExecDone> {
    return this.api.endOfInput(sessionId, proxy(onEvent));
  }

  details(key: string): Promise<Details> {
    return this.api.details(key);
  }

  snapshot(): Promise<string> {
    return this.api.snapshot();
  }

  /** Lessons: replaces the world (sessions stay open), resetting the command log and Undo. */
  loadWorld(spec: LessonWorldSpec): Promise<LoadedWorld> {
    return this.api.loadWorld(spec);
  }

  /** Lessons: evaluates conditions against the world and the commands logged since `fromSeq`. */
  evaluateChecks(checks: CheckSpec[], fromSeq: number): Promise<CheckState[]> {
    return this.api.evaluateChecks(checks, fromSeq);
  }

  commandLog(fromSeq?: number): Promise<LogEntry[]> {
    return this.api.commandLog(fromSeq);
  }

  /** Restores the world before the last change; false when there is nothing to undo. */
  undo(): Promise<boolean> {
    return this.api.undo();
  }

  dispose(): void {
    this.worker.terminate();
  }
}
