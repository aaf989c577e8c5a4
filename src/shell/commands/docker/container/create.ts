// `docker create` (and the create half of `docker run`): parse options, pull the image when missing (progress on
// stderr, as the CLI writes it there), create the container, print the daemon's warnings.
import type { CobraCommand, Invocation } from '../../../cobra';
import type { CommandContext } from '../../../types';
import { DaemonError, NoDaemonError } from '../../../../core/docker/errors';
import { createContainer, validateHostConfig } from '../../../../core/docker/container-create';
import { invalidReference, parseImageRef, refText } from '../../../../core/docker/image-catalog';
import { localImage, pullImage } from '../../../../core/docker/images';
import type { Container, DockerEngineState } from '../../../../core/docker/types';
import { engineFor } from '../client';
import { reportError } from '../usage';
import { CONTAINER_FLAGS, CREATE_ONLY_FLAGS } from './create-flags';
import { CliError, parseContainerOptions } from './parse-opts';

export type Created = { ok: true; engine: DockerEngineState; container: Container } | { ok: false; exit: number };

const PULL = ['always', 'missing', 'never'];

/** The whole create path of run/create; errors are printed here as `docker <cmd>` prints them. */
export async function createFromFlags(ctx: CommandContext, inv: Invocation, cmd: 'run' | 'create'): Promise<Created> {
  const fail = (message: string, withHelp = true): Created => {
    reportError(ctx, cmd, message, withHelp);
    return { ok: false, exit: 125 };
  };
  const { values, given, args } = inv;
  const pull = values.pull as string;
  if (!PULL.includes(pull)) return fail(`invalid pull option: '${pull}': must be one of "always", "missing" or "never"`);
  let req;
  try {
    req = parseContainerOptions(values, given, args);
  } catch (e) {
    if (e instanceof CliError) return fail(e.message);
    throw e;
  }
  if (cmd === 'run' && values.detach) {
    if ((values.attach as string[]).length) return fail('Conflicting options: -a and -d');
    Object.assign(req, { attachStdin: false, attachStdout: false, attachStderr: false });
  }
  let engine: DockerEngineState;
  try {
    engine = engineFor(ctx);
  } catch (e) {
    if (e instanceof NoDaemonError) return fail(e.message);
    throw e;
  }
  const ref = parseImageRef(req.image);
  if (!ref) return fail(invalidReference(req.image));
  try {
    const warnings = validateHostConfig(engine, req);
    let local = localImage(engine, ref);
    if (pull === 'always' || (!local && pull === 'missing')) {
      if (!local && !values.quiet) ctx.err(`Unable to find image '${refText(ref)}' locally\n`);
      const lines = pullImage(ctx.world, engine, ref);
      if (!values.quiet) ctx.err(lines.join('\n') + '\n');
      local = localImage(engine, ref);
    }
    if (!local) throw new DaemonError(`No such image: ${refText(ref)}`, 404);
    const { container } = createContainer(ctx.world, engine, req, local.image);
    for (const w of warnings) ctx.err(`WARNING: ${w}\n`);
    return { ok: true, engine, container };
  } catch (e) {
    if (e instanceof DaemonError) return fail(`Error response from daemon: ${e.message}`);
    throw e;
  }
}

export const containerCreate: CobraCommand = {
  name: 'create',
  aliasesLine: 'docker container create, docker create',
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  args: { min: 1 },
  interspersed: false,
  flags: [...CONTAINER_FLAGS, ...CREATE_ONLY_FLAGS],
  async run(ctx, inv) {
    const r = await createFromFlags(ctx, inv, 'create');
    if (!r.ok) return r.exit;
    ctx.out(r.container.id + '\n');
    return 0;
  },
};
