// Escape sequences that repaint a prompt and an edited line in place, wrapping across terminal rows correctly.

/**
 * Where the cursor is after printing `text` from the start of a row: xterm's pending wrap at the right margin counts
 * as the start of the next row (where the next character goes), and a newline (a history entry from a quoted
 * multi-line command) starts a new row.
 */
function place(text: string, cols: number): { row: number; col: number; atMargin: boolean } {
  let row = 0;
  let col = 0;
  let atMargin = false;
  for (const ch of text) {
    if (ch === '\n') {
      if (!atMargin) row++;
      col = 0;
      atMargin = false;
      continue;
    }
    if (ch < ' ') continue;
    col++;
    atMargin = col === cols;
    if (atMargin) {
      row++;
      col = 0;
    }
  }
  return { row, col, atMargin: atMargin && text.length > 0 };
}

/**
 * Returns the bytes that move from the cursor's current row (`cursorRow` rows below the prompt's first row) to the
 * prompt start, clear to the end of the screen, print prompt + buffer, and place the cursor at `cursor`.
 * Also returns the row the cursor ends on, for the next redraw.
 */
export function redrawLine(prompt: string, buffer: string, cursor: number, cols: number, cursorRow: number): { data: string; cursorRow: number } {
  let out = '';
  if (cursorRow > 0) out += `\x1b[${cursorRow}A`;
  out += '\r\x1b[J' + prompt + toTerminal(buffer);
  const end = place(prompt + buffer, cols);
  // At an exact multiple of the width xterm leaves the cursor pending-wrap; force it onto the next row.
  if (end.atMargin) out += '\r\n';
  const target = place(prompt + buffer.slice(0, cursor), cols);
  if (end.row > target.row) out += `\x1b[${end.row - target.row}A`;
  out += '\r';
  if (target.col > 0) out += `\x1b[${target.col}C`;
  return { data: out, cursorRow: target.row };
}

/**
 * Whether prompt + buffer end exactly at the right margin: the redraw then already moved the cursor to a fresh row,
 * and Enter must not add another newline (readline's _rl_update_final avoids that blank line too).
 */
export function endsAtMargin(prompt: string, buffer: string, cols: number): boolean {
  return place(prompt + buffer, cols).atMargin;
}

/** Converts program output newlines to what a tty with onlcr shows. */
export function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
