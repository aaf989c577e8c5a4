// sort: order lines (-r reverse, -n numeric, -u unique, -k field, -t separator).
import { defineTool, lines, readInputs } from '../../gnu-tool';

export const sort = defineTool({
  name: 'sort',
  summary: 'sort lines of text files',
  synopsis: '[OPTION]... [FILE]...',
  description: 'Write sorted concatenation of all FILE(s) to standard output.',
  usageExit: 2,
  flags: [
    { name: 'numeric-sort', short: 'n', type: 'bool', help: 'compare according to string numerical value' },
    { name: 'reverse', short: 'r', type: 'bool', help: 'reverse the result of comparisons' },
    { name: 'unique', short: 'u', type: 'bool', help: 'output only the first of an equal run' },
    { name: 'key', short: 'k', type: 'string', valueName: 'KEYDEF', help: 'sort via a key; KEYDEF gives location and type' },
    { name: 'field-separator', short: 't', type: 'string', valueName: 'SEP', help: 'use SEP instead of non-blank to blank transition' },
  ],
  async run(ctx, { values, args }) {
    const { texts, failed } = readInputs(ctx, args, 'sort');
    const all = texts.flatMap((t) => lines(t.text));
    const keyField = values.key ? Number(/^(\d+)/.exec(values.key as string)?.[1] ?? 1) : 0;
    const sep = values['field-separator'] as string;
    const key = (l: string) => {
      if (!keyField) return l;
      const fields = sep ? l.split(sep) : l.trim().split(/\s+/);
      return fields.slice(keyField - 1).join(sep || ' ');
    };
    const numeric = values['numeric-sort'] || /n/.test((values.key as string) ?? '');
    const cmp = (a: string, b: string) => {
      const ka = key(a);
      const kb = key(b);
      if (numeric) {
        const d = (parseFloat(ka) || 0) - (parseFloat(kb) || 0);
        if (d) return d;
      }
      return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
    };
    let out = [...all].sort(cmp);
    if (values.reverse) out.reverse();
    if (values.unique) out = out.filter((l, i) => i === 0 || cmp(out[i - 1], l) !== 0);
    if (out.length) ctx.out(out.join('\n') + '\n');
    return failed ? 2 : 0;
  },
});
