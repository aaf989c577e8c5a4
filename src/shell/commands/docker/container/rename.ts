// `docker rename`: a container's new name (the daemon also renames its DNS records on user-defined networks).
import type { CobraCommand } from '../../../cobra';
import { getContainer } from '../../../../core/docker/lookup';
import { renameContainer } from '../../../../core/docker/container-rename';
import { DaemonError } from '../../../../core/docker/errors';
import { withDaemon } from '../client';

export const containerRename: CobraCommand = {
  name: 'rename',
  aliasesLine: 'docker container rename, docker rename',
  use: 'rename CONTAINER NEW_NAME',
  short: 'Rename a container',
  args: { exact: 2 },
  run: (ctx, { args: [oldName, newName] }) =>
    withDaemon(ctx, (engine) => {
      if (oldName.trim() === '' || newName.trim() === '') {
        ctx.err('Error: Neither old nor new names may be empty\n');
        return 1;
      }
      try {
        renameContainer(ctx.world, engine, getContainer(engine, oldName), newName.trim());
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
        // cli/command/container/rename.go prints the API error, then its own.
        ctx.err(`Error response from daemon: ${e.message}\nError: failed to rename container named ${oldName}\n`);
        return 1;
      }
      return 0;
    }),
};
