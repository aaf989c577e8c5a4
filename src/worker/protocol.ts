// The typed contract between the UI thread and the lab worker: the API the worker exposes and the events it sends.
// The UI imports only this file's types and the client; never core or shell.
import type { TopologyModel } from '../core/topology/model';

export type { TopologyModel };
export type {
  TopoEndpoint,
  TopoHost,
  TopoInterface,
  TopoNamespace,
  TopoNetwork,
  TopoSandbox,
} from '../core/topology/model';

/** How to build the world a lab starts from. */
export interface WorldSpec {
  seed?: number;
  /** A named preset (`single-host`). */
  preset?: string;
  /** A saved world (from `snapshot()`), which wins over seed and preset. */
  snapshot?: string;
}

export interface LabInfo {
  preset: string;
  seed: number;
  hosts: string[];
}

export interface SessionInfo {
  id: string;
  host: string;
  prompt: string;
}

/** Streamed while a command runs, in order. */
export type ExecEvent =
  | { type: 'stdout'; data: string }
  | { type: 'stderr'; data: string }
  /** The command waits for a typed line (e.g. `[y/N]`); answer with `provideInput`. */
  | { type: 'input-request' };

/** When a command line finishes. */
export interface ExecDone {
  exitCode: number;
  /** The prompt to show next (it changes inside `docker exec -it`). */
  prompt: string;
  /** The login shell exited. */
  closed: boolean;
}

/** Pushed to subscribers whenever the world changes. */
export type LabEvent =
  | { type: 'topology'; model: TopologyModel; version: number }
  | { type: 'packet'; trace: unknown };

/** Candidates for Tab completion of `line` at `cursor`. */
export interface Completion {
  /** Start offset in `line` of the word being completed. */
  from: number;
  candidates: string[];
}

/** What the worker exposes (through comlink). Callbacks must be wrapped with comlink's `proxy`. */
export interface LabApi {
  init(spec: WorldSpec): Promise<LabInfo>;
  openSession(host: string): Promise<SessionInfo>;
  closeSession(id: string): Promise<void>;
  exec(sessionId: string, line: string, onEvent: (e: ExecEvent) => void): Promise<ExecDone>;
  /** Ctrl-C for the command running in a session. */
  interrupt(sessionId: string): Promise<void>;
  provideInput(sessionId: string, line: string | null): Promise<void>;
  complete(sessionId: string, line: string, cursor: number): Promise<Completion>;
  history(sessionId: string): Promise<string[]>;
  topology(): Promise<TopologyModel>;
  subscribe(onEvent: (e: LabEvent) => void): Promise<void>;
  /** The whole world as a string, for persistence, undo and share links. */
  snapshot(): Promise<string>;
}
