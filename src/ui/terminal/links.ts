// Clickable links in terminal output: URLs found in a line (also one wrapped over several rows) become xterm links
// that open in a new tab.
import type { ILink, ILinkProvider, Terminal } from '@xterm/xterm';

export interface UrlMatch {
  /** 0-based start and end (exclusive) offsets in the text. */
  start: number;
  end: number;
  url: string;
}

/** http(s) URLs, without trailing punctuation that usually ends a sentence. */
export function findUrls(text: string): UrlMatch[] {
  const out: UrlMatch[] = [];
  for (const m of text.matchAll(/https?:\/\/[^\s"'<>()]+/g)) {
    const url = m[0].replace(/[.,;:!?'"]+$/, '');
    out.push({ start: m.index, end: m.index + url.length, url });
  }
  return out;
}

/** A buffer cell, 1-based as xterm's link ranges count them. */
export interface Cell {
  x: number;
  y: number;
}

/**
 * URLs in a logical line that starts on buffer row `firstRow` (1-based) and wraps every `cols` characters, as
 * ranges from their first to their last cell.
 */
export function urlRanges(text: string, cols: number, firstRow: number): { url: string; start: Cell; end: Cell }[] {
  const cell = (offset: number): Cell => ({ x: (offset % cols) + 1, y: firstRow + Math.floor(offset / cols) });
  return findUrls(text).map((m) => ({ url: m.url, start: cell(m.start), end: cell(m.end - 1) }));
}

export function urlLinkProvider(term: Terminal, open: (url: string) => void): ILinkProvider {
  return {
    provideLinks(y, callback) {
      const buf = term.buffer.active;
      let first = y - 1;
      while (first > 0 && buf.getLine(first)?.isWrapped) first--;
      let last = y - 1;
      while (buf.getLine(last + 1)?.isWrapped) last++;
      let text = '';
      for (let i = first; i <= last; i++) text += buf.getLine(i)?.translateToString(i === last) ?? '';
      const links: ILink[] = urlRanges(text, term.cols, first + 1)
        .filter((r) => r.start.y <= y && r.end.y >= y)
        .map((r) => ({ range: { start: r.start, end: r.end }, text: r.url, decorations: { underline: true, pointerCursor: true }, activate: () => open(r.url) }));
      callback(links.length ? links : undefined);
    },
  };
}
