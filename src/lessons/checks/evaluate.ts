// Evaluates a step's conditions against the world and the step's command log; used by the worker after every
// command and by `cnlab lessons check`, so what the learner sees and what CI proves are the same code.
import { World } from '../../core/world';
import type { Predicate } from '../schema/predicates';
import type { LogEntry } from '../log';
import { evalRan } from './ran';
import { evalContainer, evalEndpoints, evalNetwork } from './docker';
import { evalIptables, evalLink, evalNetns, evalRoute } from './kernel';
import { evalOutput } from './output';
import { evalReachable, evalResolves } from './reachability';
import type { CheckEnv, CheckOutcome } from './types';

export type { CheckEnv, CheckOutcome };

export async function evaluatePredicate(pred: Predicate, env: CheckEnv): Promise<CheckOutcome> {
  switch (pred.kind) {
    case 'not': {
      const inner = await evaluatePredicate(pred.pred, env);
      return { ok: !inner.ok, detail: inner.detail };
    }
    case 'ran':
      return evalRan(pred.args, env);
    case 'network':
      return evalNetwork(pred.args, env);
    case 'container':
      return evalContainer(pred.args, env);
    case 'endpoints':
      return evalEndpoints(pred.args, env);
    case 'reachable':
      return evalReachable(pred.args, env);
    case 'resolves':
      return evalResolves(pred.args, env);
    case 'iptables':
      return evalIptables(pred.args, env);
    case 'output':
      return evalOutput(pred.args, env);
    case 'netns':
      return evalNetns(pred.args, env);
    case 'link':
      return evalLink(pred.args, env);
    case 'route':
      return evalRoute(pred.args, env);
  }
}

/** The state of one condition, as the lesson view shows it. */
export interface CheckState {
  id: string;
  ok: boolean;
  detail?: string;
}

/**
 * An environment over `world` and `log`. The scratch copy is made on first demand and shared by the conditions of
 * one evaluation (copying a big world costs more than the walks on it; a walk's ARP or conntrack entries do not
 * change whether another walk gets through).
 */
export function checkEnv(world: World, log: readonly LogEntry[]): CheckEnv {
  let copy: World | null = null;
  return {
    world,
    log,
    scratch() {
      copy ??= new World(world.snapshot());
      return copy;
    },
  };
}

/** Evaluates checks in order; a predicate that throws counts as not holding, with the error as its detail. */
export async function evaluateChecks(checks: readonly { id: string; pred: Predicate }[], world: World, log: readonly LogEntry[]): Promise<CheckState[]> {
  const env = checkEnv(world, log);
  const out: CheckState[] = [];
  for (const c of checks) {
    try {
      const r = await evaluatePredicate(c.pred, env);
      out.push({ id: c.id, ok: r.ok, detail: r.detail });
    } catch (e) {
      out.push({ id: c.id, ok: false, detail: `check error: ${(e as Error).message}` });
    }
  }
  return out;
}
