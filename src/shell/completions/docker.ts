// What Tab offers after docker commands, following docker's own bash completion: running containers for exec/stop,
// stopped ones for start, networks for `network inspect|rm|connect`, local images for run/create.
import { registerFlagValueCompleter, registerPathCompleter, type ArgCompleter } from '../cobra-completion';
import type { CompletionRequest } from '../completers';
import { containerNames, imageNames, networkNames, type ContainerFilter } from './live-names';

const containers =
  (filter: ContainerFilter): ArgCompleter =>
  (req) =>
    containerNames(req.world, req.env, filter);

/** Only the first argument is a container; what follows is the command to run in it. */
const firstContainer =
  (filter: ContainerFilter): ArgCompleter =>
  (req, position) =>
    position === 0 ? containerNames(req.world, req.env, filter) : [];

const images: ArgCompleter = (req, position) => (position === 0 ? imageNames(req.world, req.env) : []);

const forced = (req: CompletionRequest) => req.words.some((w) => w === '-f' || w === '--force' || /^-[a-z]*f[a-z]*$/.test(w));

/** Registers a completer under both `docker X` and `docker container X` (the management-command form). */
function both(verb: string, completer: ArgCompleter): void {
  registerPathCompleter(`docker ${verb}`, completer);
  registerPathCompleter(`docker container ${verb}`, completer);
}

both('exec', firstContainer('running'));
both('attach', firstContainer('running'));
both('port', firstContainer('all'));
both('logs', firstContainer('all'));
both('top', firstContainer('running'));
for (const verb of ['stop', 'restart', 'kill', 'pause']) both(verb, containers('running'));
both('unpause', containers('all'));
both('start', containers('stopped'));
both('rm', (req) => containerNames(req.world, req.env, forced(req) ? 'all' : 'stopped'));
both('inspect', containers('all'));
both('run', images);
both('create', images);
registerPathCompleter('docker inspect', (req) => [...containerNames(req.world, req.env), ...networkNames(req.world, req.env), ...imageNames(req.world, req.env)]);
for (const p of ['docker rmi', 'docker image rm', 'docker image inspect', 'docker pull', 'docker image pull']) registerPathCompleter(p, (req) => imageNames(req.world, req.env));

registerPathCompleter('docker network inspect', (req) => networkNames(req.world, req.env));
registerPathCompleter('docker network rm', (req) => networkNames(req.world, req.env, true));
registerPathCompleter('docker network connect', (req, position) => (position === 0 ? networkNames(req.world, req.env) : position === 1 ? containerNames(req.world, req.env) : []));
registerPathCompleter('docker network disconnect', (req, position) => (position === 0 ? networkNames(req.world, req.env) : position === 1 ? containerNames(req.world, req.env) : []));

/** `--network` takes a network name, `host`, `none`, or `container:NAME`. */
const networkModes = (req: CompletionRequest) => [...new Set([...networkNames(req.world, req.env), 'host', 'none', ...containerNames(req.world, req.env, 'running').map((c) => `container:${c}`)])];
for (const p of ['docker run', 'docker create', 'docker container run', 'docker container create']) {
  registerFlagValueCompleter(p, 'network', networkModes);
  registerFlagValueCompleter(p, 'net', networkModes);
}
/** Drivers `docker network create -d` knows, as docker's completion lists the built-in ones. */
registerFlagValueCompleter('docker network create', 'driver', () => ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay']);
