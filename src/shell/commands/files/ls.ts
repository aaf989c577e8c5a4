// ls: list directory contents, as GNU coreutils 9.4 (Ubuntu) or BusyBox 1.37 (alpine) print them: columns on a
// terminal, one per line into a pipe, `-l` with mode, links, owner, group, size and mtime.
import { defineTool } from '../../gnu-tool';
import type { CommandContext } from '../../types';
import { readDir, stat, type Entry } from './tree';
import { MONTH_NAMES as MONTHS } from '../../../core/sim/clock';

const SIX_MONTHS_US = 15_778_476_000_000;

function modeString(e: Entry): string {
  const bits = 'rwxrwxrwx'.split('').map((c, i) => (e.mode & (0o400 >> i) ? c : '-'));
  if (e.mode & 0o1000) bits[8] = bits[8] === 'x' ? 't' : 'T';
  return (e.dir ? 'd' : '-') + bits.join('');
}

/** The mtime column: `Mar  3 09:30`, or `Mar  3  2024` when more than six months from now. */
function when(us: number, nowUs: number): string {
  const d = new Date(Math.floor(us / 1000));
  const day = String(d.getUTCDate()).padStart(2);
  const recent = Math.abs(nowUs - us) < SIX_MONTHS_US;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

function humanSize(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let i = -1;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))) + units[i];
}

function links(e: Entry, children: number): number {
  return e.dir ? 2 + children : 1;
}

function longLines(ctx: CommandContext, entries: { e: Entry; nlink: number }[], human: boolean, busybox: boolean): string[] {
  const now = ctx.world.clock.now();
  const group = (o: string) => o;
  const size = (e: Entry) => (human ? humanSize(e.size) : String(e.size));
  if (busybox) {
    return entries.map(({ e, nlink }) => `${modeString(e)} ${String(nlink).padStart(4)} ${e.owner.padEnd(8)} ${group(e.owner).padEnd(8)} ${size(e).padStart(9)} ${when(e.mtimeUs, now)} ${e.name}`);
  }
  const w = (f: (x: { e: Entry; nlink: number }) => string) => Math.max(0, ...entries.map((x) => f(x).length));
  const [wl, wo, wg, ws] = [w((x) => String(x.nlink)), w((x) => x.e.owner), w((x) => group(x.e.owner)), w((x) => size(x.e))];
  return entries.map(({ e, nlink }) => `${modeString(e)} ${String(nlink).padStart(wl)} ${e.owner.padEnd(wo)} ${group(e.owner).padEnd(wg)} ${size(e).padStart(ws)} ${when(e.mtimeUs, now)} ${e.name}`);
}

/** ls -C: as many columns as fit in 80, filled top to bottom, two spaces between columns. */
function columns(names: string[]): string {
  if (!names.length) return '';
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) !== cols) continue;
    const widths = Array.from({ length: cols }, (_, c) => Math.max(...names.slice(c * rows, c * rows + rows).map((n) => n.length)));
    if (widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1) > 80 && cols > 1) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      const cells = widths.map((wd, c) => names[c * rows + r]).filter((n) => n !== undefined);
      out += cells.map((n, c) => (c === cells.length - 1 ? n : n.padEnd(widths[c] + 2))).join('') + '\n';
    }
    return out;
  }
  return names.join('\n') + '\n';
}

export const ls = defineTool({
  name: 'ls',
  summary: 'list directory contents',
  synopsis: '[OPTION]... [FILE]...',
  description: 'List information about the FILEs (the current directory by default).\nSort entries alphabetically if none of -cftuvSUX nor --sort is specified.',
  usageExit: 2,
  flags: [
    { name: 'all', short: 'a', type: 'bool', help: 'do not ignore entries starting with .' },
    { name: 'almost-all', short: 'A', type: 'bool', help: 'do not list implied . and ..' },
    { name: 'directory', short: 'd', type: 'bool', help: 'list directories themselves, not their contents' },
    { name: 'human-readable', short: 'h', type: 'bool', help: 'with -l and -s, print sizes like 1K 234M 2G etc.' },
    { name: 'long', short: 'l', type: 'bool', help: 'use a long listing format' },
    { name: '1', short: '1', type: 'bool', help: 'list one file per line' },
  ],
  async run(ctx, { values, args }) {
    const busybox = ctx.env.flavor === 'busybox';
    const long = !!values.long;
    const oneLine = !!values['1'] || !!ctx.stdoutNotTty;
    const targets = args.length ? args : ['.'];
    let status = 0;
    const files: Entry[] = [];
    const dirs: { arg: string; e: Entry }[] = [];
    for (const t of targets) {
      const e = stat(ctx.world, ctx.env, t);
      if (!e) {
        ctx.err(busybox ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`);
        status = busybox ? 1 : 2;
      } else if (e.dir && !values.directory) dirs.push({ arg: t, e });
      else files.push({ ...e, name: t });
    }
    const render = (entries: { e: Entry; nlink: number }[]) =>
      long ? longLines(ctx, entries, !!values['human-readable'], busybox).map((l) => l + '\n').join('') : oneLine ? entries.map((x) => x.e.name + '\n').join('') : columns(entries.map((x) => x.e.name));
    // Operands that are listed as themselves come first, sorted like directory entries; directories follow in order.
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    dirs.sort((a, b) => (a.arg < b.arg ? -1 : a.arg > b.arg ? 1 : 0));
    const subdirs = (p: string) => readDir(ctx.world, ctx.env, p).filter((c) => c.dir).length;
    let out = render(files.map((e) => ({ e, nlink: links(e, e.dir ? subdirs(e.name) : 0) })));
    for (const [i, { arg, e }] of dirs.entries()) {
      const readable = ctx.env.user === 'root' || e.mode & 0o004 || (e.owner === ctx.env.user && e.mode & 0o400);
      if (!readable) {
        ctx.out(out);
        out = '';
        ctx.err(busybox ? `ls: can't open '${arg}': Permission denied\n` : `ls: cannot open directory '${arg}': Permission denied\n`);
        status = busybox ? 1 : 2;
        continue;
      }
      let kids = readDir(ctx.world, ctx.env, arg).filter((k) => values.all || values['almost-all'] || !k.name.startsWith('.'));
      if (values.all) kids = [{ ...e, name: '.' }, { ...(stat(ctx.world, ctx.env, `${arg}/..`) ?? e), name: '..' }, ...kids];
      const withLinks = kids.map((k) => ({ e: k, nlink: links(k, k.dir && k.name !== '.' && k.name !== '..' ? readDir(ctx.world, ctx.env, `${arg}/${k.name}`).filter((c) => c.dir).length : 0) }));
      const header = files.length || dirs.length > 1 ? `${out || i ? '\n' : ''}${arg}:\n` : '';
      const blocks = withLinks.reduce((sum, { e: k }) => sum + (k.dir ? 4 : Math.ceil(k.size / 4096) * 4), 0);
      out += header + (long ? `total ${blocks}\n` : '') + render(withLinks);
    }
    ctx.out(out);
    return status;
  },
});
