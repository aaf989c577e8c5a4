// The lab world a lesson or the sandbox works on: loading it, saving it after every command, Undo, and share
// links. It listens to the worker's `command` and `world` events and passes them on to the lesson runtime.
import { lab } from '../state/lab.svelte';
import { progress } from '../state/progress.svelte';
import type { LabClient } from '../../worker/client';
import type { LabEvent, LessonWorldSpec, LoadedWorld, LogEntry } from '../../worker/protocol';
import { shareUrl } from './share';

type Listener = (e: LabEvent) => void;

class Workbench {
  canUndo = $state(false);
  /** A short message about the last world action ("Link copied", ...), for a live region. */
  status = $state('');
  /** The sequence number the next logged command will get. */
  nextSeq = 1;
  /** Where the world is saved after each command (`lesson:<id>`, `sandbox:<preset>`), or null. */
  private saveKey: string | null = null;
  private listeners = new Set<Listener>();
  private subscribed: Promise<LabClient> | null = null;
  private commandWaiters: { line: string; resolve: (e: LogEntry) => void }[] = [];

  /** The started lab client, subscribed to its events once. */
  client(): Promise<LabClient> {
    this.subscribed ??= lab.start().then(async (client) => {
      await client.subscribe((e) => this.dispatch(e));
      return client;
    });
    return this.subscribed;
  }

  private dispatch(e: LabEvent): void {
    if (e.type === 'command') {
      this.nextSeq = e.entry.seq + 1;
      this.canUndo = e.canUndo;
      const i = this.commandWaiters.findIndex((w) => w.line === e.entry.line);
      if (i >= 0) this.commandWaiters.splice(i, 1)[0].resolve(e.entry);
      void this.persist();
    } else if (e.type === 'world') {
      this.canUndo = e.canUndo;
    }
    for (const l of this.listeners) l(e);
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads a world and makes `saveKey` the place it is saved to from now on. */
  async load(spec: LessonWorldSpec, saveKey: string | null): Promise<LoadedWorld> {
    const client = await this.client();
    this.saveKey = null;
    const loaded = await client.loadWorld(spec);
    this.nextSeq = loaded.nextSeq;
    this.canUndo = false;
    this.saveKey = saveKey;
    await this.persist();
    return loaded;
  }

  /** Stops saving the current world anywhere (after progress was replaced by an import). */
  detach(): void {
    this.saveKey = null;
  }

  /** Saves the current world under the current key. */
  async persist(): Promise<void> {
    if (!this.saveKey) return;
    const key = this.saveKey;
    const snapshot = await (await this.client()).snapshot();
    if (key === this.saveKey) progress.saveWorld(key, snapshot);
  }

  async undo(): Promise<boolean> {
    const ok = await (await this.client()).undo();
    this.status = ok ? 'Undone: the world is back to before the last change.' : 'Nothing to undo.';
    if (ok) await this.persist();
    return ok;
  }

  /** Builds the share link for the current world and copies it when the browser allows. */
  async share(): Promise<string> {
    const url = await shareUrl(await (await this.client()).snapshot(), window.location.href);
    try {
      await navigator.clipboard.writeText(url);
      this.status = 'Link to this world copied to the clipboard.';
    } catch {
      this.status = 'Copy the link below to share this world.';
    }
    return url;
  }

  /** Resolves with the log entry of the next finished command typed as `line`. */
  nextCommand(line: string): Promise<LogEntry> {
    return new Promise((resolve) => this.commandWaiters.push({ line, resolve }));
  }
}

export const workbench = new Workbench();
