// What a command sees when it runs (like a process: argv, stdin, stdout/stderr, its namespace) and what it returns.
import type { World } from '../core/world';
import type { NetnsId } from '../core/kernel/types';
import type { Session } from './session';

/** Every command's result: the contract between shell, worker, tests and lessons. */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Which userland a process has: GNU/iproute2/iputils on the Ubuntu host, BusyBox in alpine/busybox, GNU in debian images. */
export type Flavor = 'ubuntu' | 'busybox' | 'debian';

/** Where and as whom a process runs: the host, its network namespace, its userland and identity. */
export interface ProcessEnv {
  host: string;
  netns: NetnsId;
  flavor: Flavor;
  hostname: string;
  user: string;
  /** Working directory as shown in the prompt (`~` is the user's home). */
  cwd: string;
  /** The interactive shell's name, used in its error messages (`bash`, `sh`). */
  shell: string;
  /** Set when this process lives in a container (docker exec / attach). */
  containerId?: string;
  /** Root of the file namespace for the VFS: the host name, or `ctr:<id>` for a container. */
  fsRoot: string;
  vars: Record<string, string>;
  /** Names of `vars` in the environment of the programs it runs (`export`, or `NAME=value cmd`); the rest are shell variables. */
  exported?: string[];
  /** A shell process started in the session (bash in `ip netns exec`, `sh -c`): its PID, drawn when `$$` first needs it. */
  newShell?: boolean;
  shellPid?: number;
}

/** Ctrl-C as the command sees it. */
export interface Interrupt {
  readonly interrupted: boolean;
  /** Which signal ended the wait, when it is known: Ctrl-C (INT) or `kill` (TERM). */
  readonly signal?: 'INT' | 'TERM' | null;
  /** The pid of the background job this belongs to (`[1] PID`); absent in the foreground. */
  readonly pid?: number;
  /** Registers a callback run once when Ctrl-C arrives. */
  onInterrupt(cb: () => void): void;
  /** Told when the line starts running (after the pause before it), for interrupts timed from that moment. */
  begin?(): void;
}

/** The streams a command writes to and reads from. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** The next line the user types (a prompt's answer); null at end of input. */
  readLine(): Promise<string | null>;
  /** stdout is a pipe or a file, not the terminal (isatty(1) is false): `ls` then prints one name per line. */
  stdoutNotTty?: boolean;
}

export interface CommandContext {
  world: World;
  session: Session;
  env: ProcessEnv;
  /** argv[0] is the command name as typed. */
  argv: string[];
  /** Piped or redirected input; null when reading from the terminal. */
  stdin: string | null;
  out(text: string): void;
  err(text: string): void;
  readLine(): Promise<string | null>;
  /** stdout is a pipe or a file, not the terminal. */
  stdoutNotTty?: boolean;
  interrupt: Interrupt;
  /** Lets simulated time pass (one ping interval, a timeout). Resolves false if interrupted meanwhile. */
  sleep(us: number): Promise<boolean>;
  /**
   * Lets real time catch up with `us` of simulated time that an operation already used (a daemon stopping a
   * container for 10 s): the browser waits, scripted runs do not. Resolves false if interrupted meanwhile.
   */
  catchUp(us: number): Promise<boolean>;
  /** Runs another program in `env` with this context's streams (`docker exec`, `ip netns exec`, `sudo`). */
  spawn(argv: string[], env: ProcessEnv): Promise<number>;
}

/** A program on the PATH: one per tool (`docker`, `ip`, `grep`, ...). */
export interface Program {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** Userlands that have this program; absent means all. */
  flavors?: Flavor[];
  run(ctx: CommandContext): Promise<number>;
}
