// LabClient: the one object in the UI that owns the lab worker and speaks its protocol.
import { proxy, wrap, type Remote } from 'comlink';
import type { Completion, ExecDone, ExecEvent, LabApi, LabEvent, LabInfo, SessionInfo, WorldSpec } from './protocol';

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

  /** Runs a line; `onEvent` receives output chunks as they are produced. */
  exec(sessionId: string, line: string, onEvent: (e: ExecEvent) => void): Promise<ExecDone> {
    return this.api.exec(sessionId, line, proxy(onEvent));
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

  snapshot(): Promise<string> {
    return this.api.snapshot();
  }

  dispose(): void {
    this.worker.terminate();
  }
}
