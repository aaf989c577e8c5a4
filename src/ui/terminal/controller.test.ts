import { describe, expect, it } from 'vitest';
import { TerminalController, type ShellBackend } from './controller';
import { TestScreen } from './test-screen';
import { LabHost } from '../../worker/lab-host';
import type { ExecDone, ExecEvent } from '../../worker/protocol';

const PS1 = 'learner@host1:~$ ';

/** Lets queued promise callbacks run (the backend answers asynchronously, like the worker). */
async function settle(times = 20): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
}

async function labTerminal(cols = 80, history: string[] = []) {
  const host = new LabHost();
  await host.init({});
  const s = await host.openSession('host1');
  const screen = new TestScreen(cols);
  const ctl = new TerminalController(screen, host, s.id, s.prompt, history);
  ctl.start();
  return { host, screen, ctl, session: s.id };
}

/** A backend whose one command runs until Ctrl-C, printing a line first. */
function endlessBackend() {
  const calls: string[] = [];
  let stop: (() => void) | null = null;
  const backend: ShellBackend = {
    async exec(_id, line, onEvent: (e: ExecEvent) => void): Promise<ExecDone> {
      calls.push(`exec ${line}`);
      onEvent({ type: 'stdout', data: 'PING 172.17.0.3 (172.17.0.3) 56(84) bytes of data.\n' });
      await new Promise<void>((r) => (stop = r));
      onEvent({ type: 'stdout', data: '\n--- 172.17.0.3 ping statistics ---\n' });
      return { exitCode: 0, prompt: PS1, closed: false };
    },
    async interrupt() {
      calls.push('interrupt');
      stop?.();
    },
    async provideInput() {},
    async complete() {
      return { from: 0, candidates: [] };
    },
    async endOfInput() {
      return { exitCode: 0, prompt: PS1, closed: false };
    },
  };
  return { backend, calls, finish: () => stop?.() };
}

describe('TerminalController', () => {
  it('runs a typed line and prints its output, then a new prompt', async () => {
    const { screen } = await labTerminal();
    screen.type('echo hello world\r');
    await settle();
    expect(screen.text()).toEqual([`${PS1}echo hello world`, 'hello world', PS1]);
    expect(screen.cursor()).toEqual([2, PS1.length]);
  });

  it('holds keys typed while a command runs until its output is done', async () => {
    const { backend, finish } = endlessBackend();
    const screen = new TestScreen();
    new TerminalController(screen, backend, 's1', PS1).start();
    screen.type('ping 172.17.0.3\r');
    screen.type('echo typed ahead');
    await settle();
    expect(screen.text()).toEqual([`${PS1}ping 172.17.0.3`, 'PING 172.17.0.3 (172.17.0.3) 56(84) bytes of data.']);
    expect(screen.cursor()).toEqual([2, 0]);
    finish();
    await settle();
    expect(screen.text()).toEqual([
      `${PS1}ping 172.17.0.3`,
      'PING 172.17.0.3 (172.17.0.3) 56(84) bytes of data.',
      '',
      '--- 172.17.0.3 ping statistics ---',
      `${PS1}echo typed ahead`,
    ]);
  });

  it('prints ^C on Ctrl-C, interrupts the command and drops typed-ahead text', async () => {
    const { backend, calls } = endlessBackend();
    const screen = new TestScreen();
    new TerminalController(screen, backend, 's1', PS1).start();
    screen.type('ping 172.17.0.3\r');
    await settle();
    screen.type('ls\x03');
    await settle();
    expect(calls).toEqual(['exec ping 172.17.0.3', 'interrupt']);
    expect(screen.text()).toEqual([
      `${PS1}ping 172.17.0.3`,
      'PING 172.17.0.3 (172.17.0.3) 56(84) bytes of data.',
      '^C',
      '--- 172.17.0.3 ping statistics ---',
      PS1,
    ]);
  });

  it('prints a background job\'s output above the prompt and redraws what was being typed', async () => {
    const host = new LabHost({ pace: () => new Promise((r) => setTimeout(r, 1)) });
    await host.init({});
    const s = await host.openSession('host1');
    const screen = new TestScreen(80);
    const ctl = new TerminalController(screen, host, s.id, s.prompt);
    await host.subscribe((e) => {
      if (e.type === 'background' && e.session === s.id) ctl.background(e.data);
    });
    ctl.start();
    screen.type('sleep 1 && echo done &\r');
    await settle();
    screen.type('ec');
    for (let i = 0; i < 200 && !screen.text().includes('done'); i++) await settle(1);
    expect(screen.text()).toEqual([`${PS1}sleep 1 && echo done &`, '[1] 1000', PS1, 'done', `${PS1}ec`]);
    expect(screen.cursor()).toEqual([4, PS1.length + 2]);
    // The job's end is reported before the prompt that follows the next command, as bash does.
    screen.type('ho hi\r');
    await settle();
    expect(screen.text().slice(4)).toEqual([`${PS1}echo hi`, 'hi', '[1]+  Done                    sleep 1 && echo done', PS1]);
  });

  it('runs a multi-line paste line by line', async () => {
    const { screen } = await labTerminal();
    screen.type('echo one\r\necho two\necho three\r');
    await settle();
    expect(screen.text()).toEqual([`${PS1}echo one`, 'one', `${PS1}echo two`, 'two', `${PS1}echo three`, 'three', PS1]);
  });

  it('completes a unique candidate with Tab from the lab shell', async () => {
    const { screen } = await labTerminal();
    screen.type('docker netw');
    screen.type('\t');
    await settle();
    expect(screen.text()).toEqual([`${PS1}docker network `]);
  });

  it('rings on the first Tab with several candidates and lists them on the second, then asks past 100', async () => {
    const { backend } = endlessBackend();
    let pool = ['head', 'help', 'history'];
    backend.complete = async (_id, line, cursor) => ({ from: line.lastIndexOf(' ', cursor - 1) + 1, candidates: pool });
    const screen = new TestScreen(40);
    new TerminalController(screen, backend, 's1', PS1).start();
    screen.type('h');
    screen.type('\t');
    await settle();
    expect(screen.bells).toBe(1);
    screen.type('\t');
    await settle();
    expect(screen.text()).toEqual([`${PS1}h`, 'head     help     history', `${PS1}h`]);
    pool = Array.from({ length: 120 }, (_, i) => `h${i}`);
    screen.type('\t');
    await settle();
    screen.type('\t');
    await settle();
    expect(screen.text().slice(-1)).toEqual(['Display all 120 possibilities? (y or n)']);
    screen.type('n');
    expect(screen.text().slice(-2)).toEqual(['Display all 120 possibilities? (y or n)', `${PS1}h`]);
  });

  it('shows the reverse-i-search prompt and runs the match on Enter', async () => {
    const { screen } = await labTerminal(80, ['echo first', 'pwd']);
    screen.type('\x12fir');
    await settle();
    expect(screen.text()).toEqual(["(reverse-i-search)`fir': echo first"]);
    expect(screen.cursor()).toEqual([0, "(reverse-i-search)`fir': echo ".length]);
    screen.type('\r');
    await settle();
    expect(screen.text()).toEqual([`${PS1}echo first`, 'first', PS1]);
  });

  it('redraws a line that wraps past the terminal width when editing in the middle', async () => {
    const { screen } = await labTerminal(20);
    screen.type('echo abcdefghij');
    screen.type('\x1b[D'.repeat(5) + 'XY');
    expect(screen.text()).toEqual([`${PS1}ech`, 'o abcdeXYfghij']);
    expect(screen.cursor()).toEqual([1, 'o abcdeXY'.length]);
  });

  it('starts the output right below a command that fills the line exactly, without a blank line', async () => {
    const { screen } = await labTerminal(PS1.length + 10);
    screen.type('echo 12345\r');
    await settle();
    expect(screen.text()).toEqual([`${PS1}echo 12345`, '12345', PS1]);
  });

  it('leaves the shell on Ctrl-D at an empty prompt as bash does, and starts a new login shell', async () => {
    const host = new LabHost();
    await host.init({});
    const s = await host.openSession('host1');
    const screen = new TestScreen();
    const ctl = new TerminalController(screen, host, s.id, s.prompt, [], { onClosed: () => host.openSession('host1') });
    ctl.start();
    screen.type('\x04');
    await settle();
    expect(screen.text()).toEqual([`${PS1}exit`, '[login shell exited; a new one starts]', PS1]);
    expect(ctl.session).not.toBe(s.id);
  });

  it('moves what is being typed to the new prompt when the world is replaced, and stays put at the same prompt', async () => {
    const { screen, ctl } = await labTerminal();
    screen.type('echo half');
    ctl.restart(PS1);
    expect(screen.text()).toEqual([`${PS1}echo half`]);
    ctl.restart('/ # ');
    expect(screen.text()).toEqual([`${PS1}echo half`, '/ # echo half']);
    screen.type('x');
    expect(screen.text()).toEqual([`${PS1}echo half`, '/ # echo halfx']);
  });

  it('clears the screen on Ctrl-L and keeps the line being typed', async () => {
    const { screen } = await labTerminal();
    screen.type('echo a\r');
    await settle();
    screen.type('pw\x0c');
    expect(screen.text()).toEqual([`${PS1}pw`]);
  });

  it('reports history to persist and the Enter-to-output latency', async () => {
    const host = new LabHost();
    await host.init({});
    const s = await host.openSession('host1');
    const screen = new TestScreen();
    const seen: { history?: readonly string[]; latency?: number } = {};
    new TerminalController(screen, host, s.id, s.prompt, ['old'], { onHistory: (h) => (seen.history = [...h]), onLatency: (ms) => (seen.latency = ms) }).start();
    screen.type('echo x\r');
    await settle();
    expect(seen.history).toEqual(['old', 'echo x']);
    expect(seen.latency).toBeGreaterThanOrEqual(0);
  });
});

describe('TerminalController continuation lines (PS2)', () => {
  it('reads on at "> " when a line ends inside quotes, then runs the lines as one command', async () => {
    const { screen } = await labTerminal();
    screen.type('echo "one\r');
    await settle();
    expect(screen.text()).toEqual([`${PS1}echo "one`, '> ']);
    screen.type('two"\r');
    await settle();
    expect(screen.text()).toEqual([`${PS1}echo "one`, '> two"', 'one', 'two', PS1]);
    // Recalled, the entry keeps its newline inside the quotes, as readline shows it.
    screen.type('\x1b[A\x1b[D!');
    expect(screen.text().slice(-2)).toEqual([`${PS1}echo "one`, 'two!"']);
    expect(screen.cursor()).toEqual([5, 4]);
  });

  it('joins lines after a trailing pipe, && or backslash into one history entry, as bash does', async () => {
    const seen: { history?: readonly string[] } = {};
    const host = new LabHost();
    await host.init({});
    const s = await host.openSession('host1');
    const screen = new TestScreen();
    new TerminalController(screen, host, s.id, s.prompt, [], { onHistory: (h) => (seen.history = [...h]) }).start();
    screen.type("docker network ls --format '{{.Name}}' |\rgrep -c . &&\recho \\\r  counted\r");
    await settle(40);
    expect(screen.text()).toEqual([`${PS1}docker network ls --format '{{.Name}}' |`, '> grep -c . &&', '> echo \\', '>   counted', '3', 'counted', PS1]);
    expect(seen.history).toEqual(["docker network ls --format '{{.Name}}' | grep -c . && echo   counted"]);
    screen.type('\x1b[A');
    expect(screen.text().slice(-2).join('')).toBe(`${PS1}docker network ls --format '{{.Name}}' | grep -c . && echo   counted`);
  });

  it('drops the unfinished command on Ctrl-C at "> "', async () => {
    const { screen, host, session } = await labTerminal();
    screen.type("echo 'a\r");
    await settle();
    screen.type('\x03');
    await settle();
    expect(screen.text()).toEqual([`${PS1}echo 'a`, '> ^C', PS1]);
    expect(await host.history(session)).toEqual([]);
  });

  it('says what is missing when input ends (Ctrl-D) at "> "', async () => {
    const { screen } = await labTerminal();
    screen.type('echo "a\r');
    await settle();
    screen.type('\x04');
    await settle();
    expect(screen.text()).toEqual([`${PS1}echo "a`, '> bash: unexpected EOF while looking for matching `"\'', PS1]);
  });
});

describe('TerminalController in an attached container shell', () => {
  it('detaches on Ctrl-P Ctrl-Q: docker attach says "read escape sequence" and the host prompt returns', async () => {
    const { screen } = await labTerminal();
    screen.type('docker run -dit --name a1 alpine\r');
    await settle(60);
    screen.type('docker attach a1\r');
    await settle(60);
    expect(screen.text().slice(-1)).toEqual(['/ # ']);
    screen.type('\x10\x11');
    await settle(60);
    expect(screen.text().slice(-2)).toEqual(['/ # read escape sequence', PS1]);
    screen.type('history\r');
    await settle(60);
    expect(screen.text().join('\n')).not.toContain('\x10');
  });

  it('passes Ctrl-P followed by another key to the shell as typed (previous history line)', async () => {
    const { screen } = await labTerminal();
    screen.type('docker run -dit --name a1 alpine\r');
    await settle(60);
    screen.type('docker exec -it a1 sh\r');
    await settle(60);
    screen.type('hostname\r');
    await settle(60);
    screen.type('\x10\x05');
    await settle(60);
    expect(screen.text().slice(-1)).toEqual(['/ # hostname']);
  });

  it('leaves Ctrl-P as history on the host', async () => {
    const { screen } = await labTerminal();
    screen.type('echo hi\r');
    await settle();
    screen.type('\x10');
    await settle();
    expect(screen.text().slice(-1)).toEqual([`${PS1}echo hi`]);
  });
});
