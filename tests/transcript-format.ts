// Golden transcripts: `# seed:` / `# world:` headers, then `$ command` lines, optional `< input` lines, then the
// exact output; a non-zero exit shows as `[exit N]`. This module parses, replays and re-renders them.
import { createWorld } from '../src/core/presets';
import { Session } from '../src/shell/session';
import { arraySource, runTypedLine } from '../src/shell/script-runner';
import { PS2, needsMore } from '../src/shell/continuation';

export interface TranscriptStep {
  command: string;
  input: string[];
  expected: string;
}

export interface Transcript {
  header: string[];
  seed: number;
  world: string;
  steps: TranscriptStep[];
}

const NO_NEWLINE = '[no newline at end]';

export function parseTranscript(text: string): Transcript {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header: string[] = [];
  let i = 0;
  while (i < lines.length && !lines[i].startsWith('$ ')) header.push(lines[i++]);
  const seed = Number(/^# seed: (\d+)/m.exec(header.join('\n'))?.[1] ?? 1);
  const world = /^# world: (\S+)/m.exec(header.join('\n'))?.[1] ?? 'single-host';
  const steps: TranscriptStep[] = [];
  while (i < lines.length) {
    let command = lines[i++].slice(2);
    // Lines typed at PS2 (`> `) continue a command that is still open, as an interactive bash echoes them.
    while (needsMore(command) && i < lines.length && lines[i].startsWith(PS2)) command += `\n${lines[i++].slice(PS2.length)}`;
    const input: string[] = [];
    while (i < lines.length && lines[i].startsWith('< ')) input.push(lines[i++].slice(2));
    const out: string[] = [];
    while (i < lines.length && !lines[i].startsWith('$ ')) out.push(lines[i++]);
    steps.push({ command, input, expected: out.length ? out.join('\n') + '\n' : '' });
  }
  return { header, seed, world, steps };
}

/** What a step's block holds for an output and exit status. */
export function renderBlock(output: string, exitCode: number): string {
  let block = output;
  if (block && !block.endsWith('\n')) block += `\n${NO_NEWLINE}\n`;
  if (exitCode !== 0) block += `[exit ${exitCode}]\n`;
  return block;
}

/** Replays a transcript on a fresh world; returns each step's actual block. */
export async function replay(t: Transcript): Promise<string[]> {
  const session = new Session(createWorld({ seed: t.seed, preset: t.world }), 'host1');
  const blocks: string[] = [];
  for (const step of t.steps) {
    let out = '';
    const [first, ...more] = step.command.split('\n');
    const code = await runTypedLine(session, first, (s) => (out += s), { echo: false, input: arraySource([...more, ...step.input]) });
    blocks.push(renderBlock(out, code));
  }
  return blocks;
}

export function renderTranscript(t: Transcript, blocks: string[]): string {
  let text = t.header.length ? t.header.join('\n') + '\n' : '';
  t.steps.forEach((s, i) => {
    text += commandLines(s.command) + s.input.map((l) => `< ${l}\n`).join('') + blocks[i];
  });
  return text;
}

/** `$ first line` and a `> ` line for each continuation line, as the command appears in a transcript. */
export function commandLines(command: string): string {
  return command
    .split('\n')
    .map((l, i) => `${i ? PS2 : '$ '}${l}\n`)
    .join('');
}
