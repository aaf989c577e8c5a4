// Go's text/tabwriter: tab-terminated cells aligned in column blocks (docker uses 10,1,3,' ',0; kubectl 6,4,3,' ',0).

export interface TabwriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  /** tabwriter.AlignRight: pad on the left. */
  alignRight?: boolean;
  /** tabwriter.DiscardEmptyColumns. */
  discardEmptyColumns?: boolean;
  /** tabwriter.Debug: print '|' between columns. */
  debug?: boolean;
}

/** docker/cli's formatter: `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`. */
export const DOCKER_TABWRITER: TabwriterOptions = { minwidth: 10, tabwidth: 1, padding: 3, padchar: ' ' };
/** kubectl's printers: `tabwriter.NewWriter(out, 6, 4, 3, ' ', 0)`. */
export const KUBECTL_TABWRITER: TabwriterOptions = { minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ' };

interface Cell {
  text: string;
  width: number;
  /** Terminated by a tab (every cell but the last of a line). */
  tabbed: boolean;
}

/** Display width in terminal columns: runes, as go-runewidth counts them for the characters we print. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 32 || (cp >= 0x300 && cp < 0x370)) continue;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x1f300 && cp <= 0x1faff)) ? 2 : 1;
  }
  return w;
}

function parse(text: string): Cell[][] {
  const lines = text.split('\n');
  const out: Cell[][] = [];
  for (const line of lines) {
    const parts = line.split('\t');
    out.push(parts.map((p, i) => ({ text: p, width: displayWidth(p), tabbed: i < parts.length - 1 })));
  }
  return out;
}

/** Formats text the way writing it through a Go tabwriter and flushing would. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const lines = parse(text);
  const widths: number[] = [];
  const out: string[] = [];

  const pad = (textw: number, cellw: number): string => {
    if (opts.padchar === '\t') {
      const tw = opts.tabwidth || 1;
      const cells = Math.ceil((cellw - textw) / tw);
      return '\t'.repeat(Math.max(0, cells));
    }
    return opts.padchar.repeat(Math.max(0, cellw - textw));
  };

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      let s = '';
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        if (j > 0 && opts.debug) s += '|';
        if (c.width === 0) {
          if (j < widths.length) s += pad(c.width, widths[j]);
        } else if (opts.alignRight) {
          if (j < widths.length) s += pad(c.width, widths[j]);
          s += c.text;
        } else {
          s += c.text;
          if (j < widths.length) s += pad(c.width, widths[j]);
        }
      }
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      // Only tab-terminated cells take part in column widths: the last cell of a line does not.
      if (column >= lines[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = opts.minwidth;
      let discardable = true;
      for (; t < line1; t++) {
        const line = lines[t];
        if (column >= line.length - 1) break;
        const c = line[column];
        const w = c.width + opts.padding;
        if (w > width) width = w;
        if (c.width > 0) discardable = false;
      }
      if (discardable && opts.discardEmptyColumns) width = 0;
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
