// Clickable links in terminal output: URLs found in a buffer line become xterm links that open in a new tab.
import type { ILink, ILinkProvider, Terminal } from '@xterm/xterm';

export interface UrlMatch {
  /** 0-based start and end (exclusive) columns in the line. */
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

export function urlLinkProvider(term: Terminal, open: (url: string) => void): ILinkProvider {
  return {
    provideLinks(y, callback) {
      const line = term.buffer.active.getLine(y - 1)?.translateToString(true) ?? '';
      const links: ILink[] = findUrls(line).map((m) => ({
        range: { start: { x: m.start + 1, y }, end: { x: m.end, y } },
        text: m.url,
        decorations: { underline: true, pointerCursor: true },
        activate: () => open(m.url),
      }));
      callback(links.length ? links : undefined);
    },
  };
}
