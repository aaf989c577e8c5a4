// grep: print lines that match a pattern (GNU grep on hosts, BusyBox grep in alpine). BRE by default, ERE with -E.
import { defineTool, lines, readInputs } from '../../gnu-tool';

/** Converts a POSIX basic regular expression to a JavaScript one (`\|`, `\+`, `\(` are the operators in BRE). */
export function breToJs(bre: string): string {
  let out = '';
  for (let i = 0; i < bre.length; i++) {
    const c = bre[i];
    if (c === '\\' && i + 1 < bre.length) {
      const n = bre[++i];
      out += '|+?(){}'.includes(n) ? n : '\\' + n;
    } else if ('|+?(){}'.includes(c)) {
      out += '\\' + c;
    } else {
      out += c;
    }
  }
  return out;
}

function escapeFixed(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const grep = defineTool({
  name: 'grep',
  summary: 'print lines that match patterns',
  synopsis: '[OPTION]... PATTERNS [FILE]...',
  description: 'Search for PATTERNS in each FILE.',
  usageExit: 2,
  usageLineOnError: true,
  flags: [
    { name: 'extended-regexp', short: 'E', type: 'bool', help: 'PATTERNS are extended regular expressions' },
    { name: 'fixed-strings', short: 'F', type: 'bool', help: 'PATTERNS are strings' },
    { name: 'regexp', short: 'e', type: 'stringArray', valueName: 'PATTERNS', help: 'use PATTERNS for matching' },
    { name: 'ignore-case', short: 'i', type: 'bool', help: 'ignore case distinctions in patterns and data' },
    { name: 'word-regexp', short: 'w', type: 'bool', help: 'match only whole words' },
    { name: 'invert-match', short: 'v', type: 'bool', help: 'select non-matching lines' },
    { name: 'count', short: 'c', type: 'bool', help: 'print only a count of selected lines per FILE' },
    { name: 'line-number', short: 'n', type: 'bool', help: 'print line number with output lines' },
    { name: 'only-matching', short: 'o', type: 'bool', help: 'show only nonempty parts of lines that match' },
    { name: 'quiet', short: 'q', type: 'bool', aliases: ['silent'], help: 'suppress all normal output' },
    { name: 'after-context', short: 'A', type: 'int', valueName: 'NUM', help: 'print NUM lines of trailing context' },
    { name: 'before-context', short: 'B', type: 'int', valueName: 'NUM', help: 'print NUM lines of leading context' },
  ],
  async run(ctx, { values, args }) {
    const patterns = [...(values.regexp as string[])];
    const rest = [...args];
    if (patterns.length === 0) {
      if (rest.length === 0) {
        ctx.err(`Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`);
        return 2;
      }
      patterns.push(...rest.shift()!.split('\n'));
    }
    let regexes: RegExp[];
    try {
      regexes = patterns.map((p) => {
        let src = values['fixed-strings'] ? escapeFixed(p) : values['extended-regexp'] ? p : breToJs(p);
        if (values['word-regexp']) src = `(?<![\\w])(?:${src})(?![\\w])`;
        return new RegExp(src, values['ignore-case'] ? 'gi' : 'g');
      });
    } catch {
      ctx.err(`grep: Unmatched ( or \\(\n`);
      return 2;
    }
    const { texts, failed } = readInputs(ctx, rest, 'grep');
    const many = texts.length > 1;
    const after = values['after-context'] as number;
    const before = values['before-context'] as number;
    let any = false;
    for (const { name, text } of texts) {
      const all = lines(text);
      const matches = all.map((l) => regexes.some((r) => ((r.lastIndex = 0), r.test(l))) !== values['invert-match']);
      const count = matches.filter(Boolean).length;
      if (count) any = true;
      if (values.quiet) continue;
      if (values.count) {
        ctx.out(`${many ? name + ':' : ''}${count}\n`);
        continue;
      }
      let lastPrinted = -1;
      const show = new Set<number>();
      matches.forEach((m, i) => {
        if (!m) return;
        for (let j = Math.max(0, i - before); j <= Math.min(all.length - 1, i + after); j++) show.add(j);
      });
      for (const i of [...show].sort((a, b) => a - b)) {
        if ((after || before) && lastPrinted >= 0 && i > lastPrinted + 1) ctx.out('--\n');
        lastPrinted = i;
        const sep = matches[i] ? ':' : '-';
        const prefix = `${many ? name + sep : ''}${values['line-number'] ? i + 1 + sep : ''}`;
        if (values['only-matching'] && matches[i] && !values['invert-match']) {
          for (const r of regexes) for (const m of all[i].matchAll(r)) if (m[0]) ctx.out(`${prefix}${m[0]}\n`);
        } else {
          ctx.out(`${prefix}${all[i]}\n`);
        }
      }
    }
    if (failed) return 2;
    return any ? 0 : 1;
  },
});
