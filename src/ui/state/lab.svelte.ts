// The UI's lab state: the worker client, the latest topology, and the terminal lesson buttons type into.
import { LabClient } from '../../worker/client';
import type { LabInfo, TopologyModel } from '../../worker/protocol';

export interface CommandRunner {
  typeAndRun(line: string): void;
}

class LabState {
  client: LabClient | null = null;
  info = $state<LabInfo | null>(null);
  topology = $state.raw<TopologyModel | null>(null);
  topologyVersion = $state(0);
  error = $state<string | null>(null);
  private runner: CommandRunner | null = null;
  private starting: Promise<LabClient> | null = null;

  /** Starts the worker once and subscribes to world changes. */
  start(): Promise<LabClient> {
    this.starting ??= (async () => {
      const client = new LabClient();
      this.client = client;
      this.info = await client.init({});
      await client.subscribe((e) => {
        if (e.type === 'topology') {
          this.topology = e.model;
          this.topologyVersion = e.version;
        }
      });
      return client;
    })().catch((e: unknown) => {
      this.error = (e as Error).message;
      throw e;
    });
    return this.starting;
  }

  setRunner(runner: CommandRunner | null): void {
    this.runner = runner;
  }

  /** Types a command into the active terminal and runs it. */
  run(line: string): void {
    this.runner?.typeAndRun(line);
  }
}

export const lab = new LabState();
