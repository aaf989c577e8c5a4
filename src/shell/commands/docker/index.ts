// The `docker` program: the CLI's root command, its global options, and the command tree under it.
import type { Program } from '../../types';
import { type CobraCommand, DOCKER_STYLE, runCobra } from '../../cobra';
import { networkCommand } from './network';
import { containerCommand, topLevelContainerCommands } from './container';
import { imageCommand } from './image';
import { dockerImages } from './image/ls';
import { imagePull } from './image/pull';
import { systemCommand } from './system';
import { dockerInfo } from './system/info';
import { dockerVersion } from './system/version';
import { dockerInspect } from './inspect';
import { DOCKER_BUILD, DOCKER_VERSION } from './version-info';
import { registerCompleter } from '../../completers';
import { completeCobra } from '../../cobra-completion';

export { DOCKER_BUILD, DOCKER_VERSION };

export const dockerRoot: CobraCommand = {
  name: 'docker',
  use: 'docker [OPTIONS] COMMAND [ARG...]',
  short: 'A self-sufficient runtime for containers',
  persistentFlags: [],
  flags: [
    { name: 'config', type: 'string', help: 'Location of client config files', default: '/home/learner/.docker', defaultText: '"/home/learner/.docker"' },
    { name: 'context', short: 'c', type: 'string', help: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")' },
    { name: 'debug', short: 'D', type: 'bool', help: 'Enable debug mode' },
    { name: 'host', short: 'H', type: 'stringArray', valueName: 'list', help: 'Daemon socket to connect to' },
    { name: 'log-level', short: 'l', type: 'string', help: 'Set the logging level ("debug", "info", "warn", "error", "fatal")', default: 'info' },
    { name: 'tls', type: 'bool', help: 'Use TLS; implied by --tlsverify' },
    { name: 'tlscacert', type: 'string', help: 'Trust certs signed only by this CA', defaultText: '"/home/learner/.docker/ca.pem"' },
    { name: 'tlscert', type: 'string', help: 'Path to TLS certificate file', defaultText: '"/home/learner/.docker/cert.pem"' },
    { name: 'tlskey', type: 'string', help: 'Path to TLS key file', defaultText: '"/home/learner/.docker/key.pem"' },
    { name: 'tlsverify', type: 'bool', help: 'Use TLS and verify the remote' },
    { name: 'version', short: 'v', type: 'bool', help: 'Print version information and quit' },
  ],
  subcommands: [
    containerCommand, imageCommand, networkCommand, systemCommand,
    ...topLevelContainerCommands.map((c) => (c.name === 'rm' ? { ...c, aliases: undefined } : c)),
    dockerImages, imagePull, dockerInfo, dockerVersion, dockerInspect,
  ],
};

/**
 * Docker 27 commands this lab does not emulate. Saying "'volume' is not a docker command" would be a lie about
 * Docker, so the lab says what it is instead.
 */
const NOT_EMULATED = new Set([
  'build', 'builder', 'buildx', 'checkpoint', 'commit', 'compose', 'config', 'context', 'cp', 'diff', 'events', 'export',
  'history', 'import', 'init', 'load', 'login', 'logout', 'manifest', 'node', 'pause', 'plugin', 'push', 'rmi', 'save',
  'search', 'secret', 'service', 'stack', 'stats', 'swarm', 'tag', 'trust', 'unpause', 'update', 'volume', 'wait',
]);

/** Subcommands of the management commands that Docker 27 has and the lab does not emulate. */
const NOT_EMULATED_SUB: Record<string, string[]> = {
  container: ['commit', 'cp', 'diff', 'export', 'pause', 'stats', 'unpause', 'update', 'wait'],
  image: ['build', 'history', 'import', 'load', 'push', 'rm', 'save', 'tag'],
  system: ['df', 'events'],
};

export const docker: Program = {
  name: 'docker',
  summary: 'the Docker CLI (networks, containers, images)',
  flavors: ['ubuntu'],
  run(ctx) {
    const first = ctx.argv.slice(1).find((a) => !a.startsWith('-'));
    if (first !== undefined && NOT_EMULATED.has(first) && ctx.argv[1] === first) {
      ctx.err(`cnlab: 'docker ${first}' is a real Docker command, but this lab does not emulate it: it covers networks, containers and images ('docker --help' lists them).\n`);
      return Promise.resolve(1);
    }
    const [group, sub] = ctx.argv.slice(1);
    if (group !== undefined && sub !== undefined && NOT_EMULATED_SUB[group]?.includes(sub)) {
      ctx.err(`cnlab: 'docker ${group} ${sub}' is a real Docker command, but this lab does not emulate it: it covers networks, containers and images ('docker --help' lists them).\n`);
      return Promise.resolve(1);
    }
    return runCobra(dockerRoot, ctx, ctx.argv.slice(1), DOCKER_STYLE, (values, c) => {
      if (values.version) {
        c.out(`Docker version ${DOCKER_VERSION}, build ${DOCKER_BUILD}\n`);
        return 0;
      }
      return null;
    });
  },
};

registerCompleter('docker', (req) => completeCobra(dockerRoot, req));
