// `ran`: the learner typed a command in this step (matching text or a regex), where and with what result.
import type { World } from '../../core/world';
import type { RanArgs } from '../schema/predicates';
import type { LogEntry } from '../log';
import { findContainerAnywhere } from './docker-view';
import { fail, pass, type CheckEnv, type CheckOutcome } from './types';
import { netnsByName } from '../../core/kernel/netns-names';

const squash = (s: string) => s.trim().replace(/\s+/g, ' ');
const BOUNDARY = ' |;&()';

/** `needle` occurs in `line` as whole words (spaces normalised): `docker network ls` is in `docker network ls -q`. */
export function containsCommand(line: string, needle: string): boolean {
  const hay = squash(line);
  const n = squash(needle);
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + 1)) {
    const before = i === 0 || BOUNDARY.includes(hay[i - 1]);
    const end = i + n.length;
    const after = end === hay.length || BOUNDARY.includes(hay[end]) || BOUNDARY.includes(n[n.length - 1]);
    if (before && after) return true;
  }
  return false;
}

/** docker exec's options that take a value (`-e X`, `--user X`, ...). */
const EXEC_VALUE_FLAGS = new Set(['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys']);

/** The container a `docker [container] exec [OPTIONS] CONTAINER CMD` line runs its command in, if it is one. */
export function execTarget(line: string): string | null {
  const words = line.trim().split(/\s+/);
  let i = words[0] === 'sudo' ? 1 : 0;
  if (words[i] !== 'docker') return null;
  i++;
  if (words[i] === 'container') i++;
  if (words[i] !== 'exec') return null;
  for (i++; i < words.length && words[i].startsWith('-'); i++) if (EXEC_VALUE_FLAGS.has(words[i])) i++;
  return i + 1 < words.length ? words[i] : null;
}

function typedIn(world: World, e: LogEntry, place: string): boolean {
  const m = /^(host|container|netns):(.*)$/.exec(place);
  const name = m ? m[2] : place;
  if (!m || m[1] === 'container') {
    const hit = findContainerAnywhere(world, name);
    if (hit) {
      // Typed in its shell (`docker exec -it NAME sh`), or run there from outside (`docker exec NAME CMD`).
      if (e.containerId === hit.container.id) return true;
      const target = execTarget(e.line);
      return target !== null && findContainerAnywhere(world, target)?.container.id === hit.container.id;
    }
  }
  if ((!m || m[1] === 'host') && world.state.hosts[name]) return e.host === name && !e.containerId;
  return world.hostNames().some((h) => netnsByName(world, h, name)?.id === e.netns && e.netns !== undefined);
}

export function evalRan(a: RanArgs, env: CheckEnv): CheckOutcome {
  const re = a.pattern !== undefined ? new RegExp(a.pattern, 'm') : null;
  const typed = env.log.filter((e) => (a.command !== undefined ? containsCommand(e.line, a.command) : re!.test(e.line)));
  const placed = a.in === undefined ? typed : typed.filter((e) => typedIn(env.world, e, a.in!));
  if (!placed.length) return fail(typed.length ? `you ran it, but not in ${a.in}` : undefined);
  const want = a.exit ?? 0;
  const succeeded = want === 'any' ? placed : placed.filter((e) => e.exitCode === want);
  if (!succeeded.length) {
    const last = placed[placed.length - 1];
    return fail(`\`${last.line}\` exited with status ${last.exitCode}${want === 0 ? '' : ` (expected ${want})`}`);
  }
  const outRe = a.matches !== undefined ? new RegExp(a.matches, 'm') : null;
  const shown = succeeded.filter((e) => (a.contains === undefined || e.output.includes(a.contains)) && (!outRe || outRe.test(e.output)));
  if (!shown.length) return fail(`its output did not ${a.contains !== undefined ? `contain \`${a.contains}\`` : `match \`${a.matches}\``}`);
  return pass();
}
