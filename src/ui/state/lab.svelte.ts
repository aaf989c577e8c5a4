// The UI's lab state: the worker client, the live topology (with what just changed), packet walks, and the terminal
// that lesson buttons type into.
import { LabClient } from '../../worker/client';
import type { Details, LabInfo, PacketPath, TopologyModel } from '../../worker/protocol';
import { hooks } from './hooks';

export interface CommandRunner {
  typeAndRun(line: string): void;
}

class LabState {
  client: LabClient | null = null;
  info = $state<LabInfo | null>(null);
  topology = $state.raw<TopologyModel | null>(null);
  topologyVersion = $state(0);
  /** Keys of the objects the last change touched (the view outlines them briefly). */
  changed = $state.raw<ReadonlySet<string>>(new Set());
  error = $state<string | null>(null);
  /** The last packet walk, for Replay. */
  lastPacket = $state.raw<PacketPath | null>(null);
  private runner: CommandRunner | null = null;
  private starting: Promise<LabClient> | null = null;
  private packetListeners = new Set<(p: PacketPath) => void>();
  private worldListeners = new Set<() => void>();
  private backgroundListeners = new Set<(session: string, data: string) => void>();
  private markReady: () => void = () => {};
  /** Resolves when the first shell prompt accepts input (the topology view loads after it, off the critical path). */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  /**
   * Starts the worker once; resolves as soon as the world exists (what a terminal needs), while the subscriptions to
   * the topology, packet walks and world reloads are set up alongside.
   */
  start(): Promise<LabClient> {
    this.starting ??= (async () => {
      const client = new LabClient();
      this.client = client;
      this.info = await client.init({});
      hooks().lab = this;
      void client.watchTopology({
        onModel: (model, changed, version) => {
          this.topology = model;
          this.topologyVersion = version;
          this.changed = new Set(changed);
        },
        onPacket: (path) => this.showPacket(path),
      });
      void client.subscribe((e) => {
        if (e.type === 'world') for (const l of this.worldListeners) l();
        if (e.type === 'background') for (const l of this.backgroundListeners) l(e.session, e.data);
      });
      return client;
    })().catch((e: unknown) => {
      this.error = (e as Error).message;
      throw e;
    });
    return this.starting;
  }

  /** Receives every packet walk the emulator makes (ping, curl, nslookup ...). */
  onPacket(listener: (p: PacketPath) => void): () => void {
    this.packetListeners.add(listener);
    return () => this.packetListeners.delete(listener);
  }

  /** Output of background jobs that arrives while their terminal sits at a prompt. */
  onBackground(listener: (session: string, data: string) => void): () => void {
    this.backgroundListeners.add(listener);
    return () => this.backgroundListeners.delete(listener);
  }

  /** Called when the whole world is replaced (a lesson loads its world, Undo). */
  onWorld(listener: () => void): () => void {
    this.worldListeners.add(listener);
    return () => this.worldListeners.delete(listener);
  }

  /** Shows a packet walk on the topology: every walk the emulator makes, and Replay. */
  showPacket(path: PacketPath): void {
    this.lastPacket = path;
    for (const l of this.packetListeners) l(path);
  }

  details(key: string): Promise<Details> {
    return this.start().then((c) => c.details(key));
  }

  /** The first prompt is up. */
  promptReady(): void {
    this.markReady();
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
