// Terminal tabs: one per host to begin with, plus any extra shells the learner opens ("new tab") on a host.
import type { CommandRunner } from './lab.svelte';

export interface TerminalTab {
  id: number;
  host: string;
  /** `host1`, then `host1 (2)` for a second shell on the same host. */
  title: string;
}

class TerminalTabs {
  tabs = $state<TerminalTab[]>([]);
  active = $state(0);
  private nextId = 1;
  private runners = new Map<number, CommandRunner>();

  /**
   * The first tab, before the world says which hosts there are: its terminal can be drawn while the emulator starts.
   * `ensureHosts` gives it the first host.
   */
  ensureFirst(): void {
    if (this.tabs.length === 0) this.active = this.add('', true).id;
  }

  /** One tab per host (called when the lab starts; keeps tabs already open). */
  ensureHosts(hosts: string[]): void {
    const provisional = this.tabs.find((t) => t.host === '');
    if (provisional && hosts[0]) {
      provisional.host = hosts[0];
      provisional.title = hosts[0];
    }
    for (const h of hosts) if (!this.tabs.some((t) => t.host === h)) this.add(h, false);
    if (!this.tabs.some((t) => t.id === this.active)) this.active = this.tabs[0]?.id ?? 0;
  }

  add(host: string, activate = true): TerminalTab {
    const n = this.tabs.filter((t) => t.host === host).length;
    this.tabs.push({ id: this.nextId++, host, title: n ? `${host} (${n + 1})` : host || 'shell' });
    // The proxied element, so later changes (a provisional tab getting its host) are seen by the views.
    const tab = this.tabs[this.tabs.length - 1];
    if (activate) this.active = tab.id;
    return tab;
  }

  close(id: number): void {
    const i = this.tabs.findIndex((t) => t.id === id);
    if (i < 0 || this.tabs.length === 1) return;
    this.tabs.splice(i, 1);
    this.runners.delete(id);
    if (this.active === id) this.active = this.tabs[Math.max(0, i - 1)].id;
  }

  register(id: number, runner: CommandRunner | null): void {
    if (runner) this.runners.set(id, runner);
    else this.runners.delete(id);
  }

  /** The shell lesson buttons type into: the visible tab. */
  activeRunner(): CommandRunner | undefined {
    return this.runners.get(this.active);
  }
}

export const terminals = new TerminalTabs();
