// Tab completion for the package managers: their subcommands, then the package names the distribution offers.
import { registerCompleter, type CompletionRequest } from '../../completers';
import { packageNames } from '../../../core/os/packages';
import { distroOf } from '../../path';

function complete(subcommands: string[], installVerb: string) {
  return (req: CompletionRequest): string[] => {
    const args = req.words.slice(1).filter((w) => !w.startsWith('-'));
    if (args.length === 0) return subcommands;
    const distro = distroOf(req.world, req.env);
    return args[0] === installVerb && distro ? packageNames(distro) : [];
  };
}

registerCompleter('apt', complete(['install', 'update'], 'install'));
registerCompleter('apt-get', complete(['install', 'update'], 'install'));
registerCompleter('apk', complete(['add', 'update'], 'add'));
