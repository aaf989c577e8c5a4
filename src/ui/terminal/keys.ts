// Splitting what xterm delivers (one key, an escape sequence, or a whole pasted text) into single key sequences.

/** Splits xterm input into key sequences: escape sequences stay whole, CR LF and LF become one Enter each. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] === '\x1b') {
      const m = /^\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z]|[a-zA-Z\x7f])/.exec(data.slice(i));
      const len = m ? m[0].length : 1;
      keys.push(data.slice(i, i + len));
      i += len;
    } else if (data[i] === '\r' || data[i] === '\n') {
      keys.push('\r');
      i += data[i] === '\r' && data[i + 1] === '\n' ? 2 : 1;
    } else {
      keys.push(data[i]);
      i++;
    }
  }
  return keys;
}

/** Whether a chunk from xterm is pasted text rather than one key (pastes arrive as one longer chunk). */
export function isPaste(data: string): boolean {
  return data.length > 1 && !data.startsWith('\x1b');
}
