// The inputs and results of evaluating a lesson check.
import type { World } from '../../core/world';
import type { LogEntry } from '../log';

export interface CheckEnv {
  /** The learner's world. Predicates must not change it: the ones that send packets or run commands work on `scratch()`. */
  world: World;
  /** A disposable copy of `world` (one per evaluation), for predicates that send packets or run commands. */
  scratch(): World;
  /** The commands typed in the current step, oldest first. */
  log: readonly LogEntry[];
}

/** Whether a condition holds, and in plain words what was found when it does not. */
export interface CheckOutcome {
  ok: boolean;
  detail?: string;
}

export const pass = (detail?: string): CheckOutcome => ({ ok: true, detail });
export const fail = (detail?: string): CheckOutcome => ({ ok: false, detail });
