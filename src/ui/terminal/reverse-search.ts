// readline's incremental reverse history search (Ctrl-R): a query, the newest history line containing it at or before
// the current match, and the prompt bash shows meanwhile: (reverse-i-search)`query': line.

export interface SearchMatch {
  /** Index in history of the matched line, or -1 before anything matched. */
  index: number;
  /** Offset of the query in that line (where the cursor sits). */
  offset: number;
}

export class ReverseSearch {
  query = '';
  failed = false;
  match: SearchMatch;

  constructor(
    private readonly history: readonly string[],
    /** The line being edited when the search started (shown until something matches). */
    readonly original: string,
    readonly originalCursor: number,
  ) {
    this.match = { index: history.length, offset: originalCursor };
  }

  /** bash's search prompt, which replaces PS1 while searching. */
  prompt(): string {
    return `(${this.failed ? 'failed ' : ''}reverse-i-search)\`${this.query}': `;
  }

  /** The line shown: the current match, or the original line before the first match. */
  line(): string {
    return this.match.index < this.history.length ? this.history[this.match.index] : this.original;
  }

  /** Searches backwards from history index `from` (inclusive) for the query; within `from`, before `before`. */
  private find(from: number, before: number): SearchMatch | null {
    for (let i = Math.min(from, this.history.length - 1); i >= 0; i--) {
      const line = this.history[i];
      const limit = i === from ? before : line.length;
      if (limit < 0) continue;
      const at = line.lastIndexOf(this.query, limit);
      if (at >= 0) return { index: i, offset: at };
    }
    return null;
  }

  /** A typed character extends the query; the current match is kept while it still contains it. */
  type(text: string): void {
    this.query += text;
    const start = this.match.index < this.history.length ? this.match.index : this.history.length - 1;
    const found = this.find(start, this.match.index < this.history.length ? this.match.offset : Infinity);
    this.failed = !found;
    if (found) this.match = found;
  }

  /** Backspace shortens the query and searches again from the line shown, as readline does. */
  erase(): void {
    if (!this.query) return;
    this.query = this.query.slice(0, -1);
    this.failed = false;
    if (!this.query || this.match.index >= this.history.length) return;
    this.match = this.find(this.match.index, this.match.offset) ?? this.match;
  }

  /** Ctrl-R again: the next older line containing the query (`last` repeats the previous search when empty). */
  again(last: string): void {
    if (!this.query && last) {
      this.type(last);
      return;
    }
    if (!this.query) return;
    const from = this.match.index < this.history.length ? this.match.index : this.history.length - 1;
    const found = this.find(from, this.match.index < this.history.length ? this.match.offset - 1 : Infinity);
    if (found) {
      this.match = found;
      this.failed = false;
    } else {
      this.failed = true;
    }
  }
}
