// Tab completion for the Linux tools when they register none of their own, after bash-completion's `ip` and
// `tcpdump` scripts: objects, then commands, then interface names after `dev` and namespace names after `netns`.
import type { Completer } from '../completers';
import { interfaceNames, namespaceNames } from './live-names';

const OBJECT_COMMANDS: Record<string, string[]> = {
  address: ['add', 'del', 'flush', 'show'],
  link: ['add', 'delete', 'set', 'show'],
  neighbour: ['add', 'del', 'flush', 'show'],
  netns: ['add', 'delete', 'exec', 'identify', 'list', 'pids'],
  route: ['add', 'del', 'flush', 'get', 'replace', 'show'],
};

/** iproute2 accepts any unambiguous prefix of an object (`a`, `addr`, `n`, `r`). */
function objectNamed(word: string): string | undefined {
  return Object.keys(OBJECT_COMMANDS).find((o) => o.startsWith(word));
}

/** `ip [OPTIONS] OBJECT COMMAND ...` (options such as `-br`, `-d`, `-4` are skipped). */
export const ipCompleter: Completer = (req) => {
  const rest = req.words.slice(1).filter((w) => !w.startsWith('-'));
  const prev = req.words[req.words.length - 1];
  if (rest.length === 0) return Object.keys(OBJECT_COMMANDS);
  const object = objectNamed(rest[0]);
  if (!object) return [];
  if (rest.length >= 2 && (prev === 'dev' || prev === 'master' || prev === 'link')) return interfaceNames(req.world, req.env);
  if (rest.length === 1) return OBJECT_COMMANDS[object];
  const command = rest[1];
  if (object === 'netns') return rest.length === 2 && ['delete', 'del', 'exec', 'pids'].includes(command) ? namespaceNames(req.world, req.env) : [];
  if (object === 'link' && (command === 'set' || command === 'show' || command === 'delete' || command === 'del') && rest.length === 2) return interfaceNames(req.world, req.env);
  if ((object === 'address' || object === 'neighbour') && command === 'show' && rest.length === 2) return ['dev', ...interfaceNames(req.world, req.env)];
  if (prev === 'netns' && object === 'link') return namespaceNames(req.world, req.env);
  return [];
};

/** `tcpdump -i IFACE`: the namespace's interfaces and the `any` pseudo-device. */
export const tcpdumpCompleter: Completer = (req) => {
  const prev = req.words[req.words.length - 1];
  if (prev === '-i' || prev === '--interface') return ['any', ...interfaceNames(req.world, req.env)];
  return [];
};
