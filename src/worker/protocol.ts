// The typed contract between the UI thread and the lab worker: the API the worker exposes and the events it sends.
// The UI imports only this file's types and the client; never core or shell.
import type { TopologyModel } from '../core/topology/model';
import type { TopologyDiff } from '../core/topology/diff';
import type { PacketPath } from '../core/topology/packet-path';
import type { LogEntry } from '../lessons/log';
import type { Predicate } from '../lessons/types';

export type { TopologyModel, TopologyDiff, PacketPath };
export type { LogEntry };
export type { PacketStep } from '../core/topology/packet-path';
export type {
  TopoSegment,
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
  /** The shell is a container's, reached through the docker client: Ctrl-P Ctrl-Q detaches. */
  attached?: boolean;
  /**
   * Set when the line is not complete (an open quote, a trailing `|`, `&&`, `||` or backslash), so nothing ran: the
   * secondary prompt (PS2) to show. Send the lines again, joined by `\n`, with the next one appended.
   */
  continuation?: string;
  /** The history entry the shell recorded for the line (its lines joined as bash's cmdhist does). */
  history?: string;
}

/** Options of one `exec`. */
export interface ExecOptions {
  /** Input ended at the secondary prompt (Ctrl-D): run what was typed, and let the shell report what is missing. */
  eof?: boolean;
}

/** The line a terminal submits when Ctrl-P Ctrl-Q is typed in an attached container shell (docker's detach keys). */
export const DETACH_KEYS_LINE = '\x10\x11';

/** Pushed to subscribers whenever the world changes. */
export type LabEvent =
  /** The whole model: first on subscribe, and after `init` starts a new world. */
  | { type: 'topology'; model: TopologyModel; version: number }
  /** What changed since the previous topology event (apply with `applyTopologyDiff`). */
  | { type: 'topology-diff'; diff: TopologyDiff; version: number }
  /** A packet walker trace (`trace` is the raw `PacketTrace`; `path` is what the view animates). */
  | { type: 'packet'; trace: unknown; path?: PacketPath }
  /** A typed line finished (lessons re-evaluate their checks on this). */
  | { type: 'command'; entry: LogEntry; canUndo: boolean }
  /** Output of a background job (`CMD &`) while no command runs in its session: the terminal shows it at the prompt. */
  | { type: 'background'; session: string; data: string }
  /** The whole world was replaced (`loadWorld`, `undo`); sessions restart at their host's prompt. */
  | { type: 'world'; reason: 'load' | 'undo'; canUndo: boolean };

/** A lesson's world: a saved snapshot, or a preset + seed + setup commands; plus the command log to continue. */
export interface LessonWorldSpec {
  preset?: string;
  seed?: number;
  /** Commands run silently on the first host before the learner starts. */
  setup?: string[];
  snapshot?: string;
  log?: LogEntry[];
}

export interface LoadedWorld extends LabInfo {
  /** Sequence number the next logged command gets (a step starting now counts commands from it). */
  nextSeq: number;
  /** Setup commands that failed (a lesson bug worth showing). */
  setupFailures: { command: string; exitCode: number; output: string }[];
}

/** One lesson condition to evaluate. */
export interface CheckSpec {
  id: string;
  pred: Predicate;
}

/** Whether a condition holds now, and what was found when it does not. */
export interface CheckState {
  id: string;
  ok: boolean;
  detail?: string;
}

/** What the details panel shows for a clicked object: the commands a learner would type, with their real output. */
export interface Details {
  key: string;
  title: string;
  sections: { command: string; output: string }[];
}

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
  /** Runs a typed line (several lines typed at PS2 joined by `\n`); an incomplete one runs nothing (`continuation`). */
  exec(sessionId: string, line: string, onEvent: (e: ExecEvent) => void, options?: ExecOptions): Promise<ExecDone>;
  /** Ctrl-C for the command running in a session. */
  interrupt(sessionId: string): Promise<void>;
  provideInput(sessionId: string, line: string | null): Promise<void>;
  complete(sessionId: string, line: string, cursor: number): Promise<Completion>;
  history(sessionId: string): Promise<string[]>;
  /** A session's host and current prompt (after a world reload the shell restarts at its host's prompt). */
  sessionInfo(sessionId: string): Promise<SessionInfo>;
  /** Replaces a session's history (restored from the browser), so `history` agrees with the Up arrow. */
  setHistory(sessionId: string, entries: string[]): Promise<void>;
  /** Ctrl-D on an empty line: leaves the innermost shell as EOF does (bash prints `exit`, ash a newline). */
  endOfInput(sessionId: string, onEvent: (e: ExecEvent) => void): Promise<ExecDone>;
  /** What `docker network inspect`, `docker inspect` or `ip addr` show for a topology object (`network:<id>`, ...). */
  details(key: string): Promise<Details>;
  topology(): Promise<TopologyModel>;
  subscribe(onEvent: (e: LabEvent) => void): Promise<void>;
  /** The whole world as a string, for persistence, undo and share links. */
  snapshot(): Promise<string>;
  /** Replaces the world (sessions stay open and restart at their host's prompt); resets the log and Undo. */
  loadWorld(spec: LessonWorldSpec): Promise<LoadedWorld>;
  /** Evaluates conditions against the world and the commands logged since `fromSeq`. */
  evaluateChecks(checks: CheckSpec[], fromSeq: number): Promise<CheckState[]>;
  /** Logged commands since `fromSeq` (all when omitted). */
  commandLog(fromSeq?: number): Promise<LogEntry[]>;
  /** Restores the world as it was before the last change; false when there is nothing to undo. */
  undo(): Promise<boolean>;
}
