// `output`: runs a command silently on a copy of the world (in a host shell, a container's shell or a named
// namespace) and looks at what it prints; the learner's world and terminal are untouched.
import type { World } from '../../core/world';
import type { OutputArgs } from '../schema/predicates';
import { Session } from '../../shell/session';
import { arraySource, runTypedLine } from '../../shell/script-runner';
import { containerProcessEnv } from '../../shell/commands/docker/container/runtime';
import { COMMAND_CUTOFF_SECONDS } from '../cutoff';
import { resolvePlace, type Place } from './place';
import { fail, pass, type CheckEnv, type CheckOutcome } from './types';


/** A shell at `place`: the host's shell as root, a shell in a container (as `docker exec -it C sh`), or in a namespace. */
export function sessionAt(world: World, place: Place): Session {
  const session = new Session(world, place.host, { user: 'root' });
  if (place.kind === 'container') {
    const engine = world.state.docker[place.host];
    session.pushEnv(containerProcessEnv(world, engine, engine.containers![place.containerId!]));
  } else if (place.kind === 'netns') {
    session.pushEnv({ ...session.env, netns: place.netns });
  }
  return session;
}

/** Runs `line` at `spec` on `world` (use a scratch copy); returns what it printed and its status. */
export async function probe(world: World, spec: string | undefined, line: string): Promise<{ output: string; exitCode: number } | { error: string }> {
  const place = resolvePlace(world, spec);
  if ('error' in place) return place;
  const session = sessionAt(world, place);
  let output = '';
  const exitCode = await runTypedLine(session, line, (t) => (output += t), { echo: false, input: arraySource([]), defaultInterruptSeconds: COMMAND_CUTOFF_SECONDS });
  return { output, exitCode };
}

export async function evalOutput(a: OutputArgs, env: CheckEnv): Promise<CheckOutcome> {
  const r = await probe(env.scratch(), a.in, a.command);
  if ('error' in r) return fail(r.error);
  const problems: string[] = [];
  if (a.exit !== undefined && r.exitCode !== a.exit) problems.push(`it exits with status ${r.exitCode}`);
  if (a.contains !== undefined && !r.output.includes(a.contains)) problems.push(`it does not print \`${a.contains}\``);
  if (a.matches !== undefined && !new RegExp(a.matches, 'm').test(r.output)) problems.push('its output does not match');
  if (a.equals !== undefined && r.output.trim() !== a.equals.trim()) problems.push(`it prints \`${r.output.trim().split('\n')[0]}\``);
  return problems.length ? fail(problems.join('; ')) : pass();
}
