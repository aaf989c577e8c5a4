// For predicate tests: a world built by typing commands into a shell, with the command log a learner would leave.
import { createWorld } from '../../core/presets';
import type { World } from '../../core/world';
import { Session } from '../../shell/session';
import { arraySource, runTypedLine } from '../../shell/script-runner';
import { runLogged, type LogEntry } from '../log';
import { evaluatePredicate, checkEnv } from './evaluate';
import type { Predicate } from '../schema/predicates';

export interface ShellWorld {
  world: World;
  session: Session;
  log: LogEntry[];
  /** Types more lines (as the learner); returns their log entries. */
  type(...lines: string[]): Promise<LogEntry[]>;
  /** Evaluates a predicate against the world and the whole log. */
  holds(pred: Predicate): Promise<{ ok: boolean; detail?: string }>;
}

export async function shellWorld(...lines: string[]): Promise<ShellWorld> {
  const world = createWorld();
  const session = new Session(world, 'host1');
  const log: LogEntry[] = [];
  const sw: ShellWorld = {
    world,
    session,
    log,
    async type(...more) {
      const entries: LogEntry[] = [];
      for (const line of more) {
        const e = await runLogged(session, line, { out: () => {}, err: () => {}, readLine: async () => null }, undefined, log.length + 1, (tee) =>
          runTypedLine(session, line, tee.out, { echo: false, input: arraySource([]) }),
        );
        log.push(e);
        entries.push(e);
      }
      return entries;
    },
    holds: (pred) => evaluatePredicate(pred, checkEnv(world, log)),
  };
  await sw.type(...lines);
  return sw;
}

/**
 * Two namespaces on a bridge by hand ("container networking is simple"): red 10.0.0.2, blue 10.0.0.3, br0 10.0.0.1,
 * with the FORWARD rules a Docker host needs for a bridge of its own (dockerd set FORWARD's policy to DROP).
 */
export const BRIDGE_BY_HAND = [
  'sudo ip link add br0 type bridge',
  'sudo iptables -A FORWARD -i br0 -j ACCEPT',
  'sudo iptables -A FORWARD -o br0 -j ACCEPT',
  'sudo ip link set br0 up',
  'sudo ip addr add 10.0.0.1/24 dev br0',
  ...['red', 'blue'].flatMap((ns, i) => [
    `sudo ip netns add ${ns}`,
    `sudo ip link add veth-${ns} type veth peer name ceth-${ns}`,
    `sudo ip link set ceth-${ns} netns ${ns}`,
    `sudo ip link set veth-${ns} master br0`,
    `sudo ip link set veth-${ns} up`,
    `sudo ip netns exec ${ns} ip addr add 10.0.0.${i + 2}/24 dev ceth-${ns}`,
    `sudo ip netns exec ${ns} ip link set ceth-${ns} up`,
    `sudo ip netns exec ${ns} ip link set lo up`,
    `sudo ip netns exec ${ns} ip route add default via 10.0.0.1`,
  ]),
];
