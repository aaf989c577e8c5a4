// `docker container`: the management command, and the top-level shortcuts (`docker run`, `docker ps`, ...).
import type { CobraCommand } from '../../../cobra';
import { containerAttach } from './attach';
import { containerCreate } from './create';
import { containerExec } from './exec';
import { containerInspect } from './inspect';
import { containerLogs } from './logs';
import { containerLs, dockerPs } from './ls';
import { containerPort } from './port';
import { containerPrune } from './prune';
import { containerKill, containerRm } from './rm';
import { containerRename } from './rename';
import { containerRun } from './run';
import { containerStart } from './start';
import { containerTop } from './top';
import { containerRestart, containerStop } from './stop';

export const containerCommand: CobraCommand = {
  name: 'container',
  use: 'container',
  short: 'Manage containers',
  subcommands: [
    containerAttach, containerCreate, containerExec, containerInspect, containerKill, containerLogs, containerLs,
    containerPort, containerPrune, containerRename, containerRestart, containerRm, containerRun, containerStart, containerStop, containerTop,
  ].map((c) => ({ ...c, category: undefined })),
};

/** The container verbs docker also has at the top level. */
export const topLevelContainerCommands: CobraCommand[] = [
  containerAttach, containerCreate, containerExec, containerKill, containerLogs, dockerPs, containerPort,
  containerRename, containerRestart, containerRm, containerRun, containerStart, containerStop, containerTop,
];
