// Escape sequences that repaint a prompt and an edited line in place, wrapping across terminal rows correctly.

/** Columns a string occupies (ASCII prompt and commands; control characters take none). */
function width(s: string): number {
  let w = 0;
  for (const ch of s) if (ch >= ' ') w++;
  return w;
}

/**
 * Returns the bytes that move from the cursor's current row (`cursorRow` rows below the prompt's first row) to the
 * prompt start, clear to the end of the screen, print prompt + buffer, and place the cursor at `cursor`.
 * Also returns the row the cursor ends on, for the next redraw.
 */
export function redrawLine(prompt: string, buffer: string, cursor: number, cols: number, cursorRow: number): { data: string; cursorRow: number } {
  let out = '';
  if (cursorRow > 0) out += `\x1b[${cursorRow}A`;
  out += '\r\x1b[J' + prompt + buffer;
  const total = width(prompt) + width(buffer);
  // At an exact multiple of the width xterm leaves the cursor pending-wrap; force it onto the next row.
  if (total > 0 && total % cols === 0) out += '\r\n';
  const endRow = Math.floor(total / cols);
  const target = width(prompt) + width(buffer.slice(0, cursor));
  const targetRow = Math.floor(target / cols);
  const targetCol = target % cols;
  if (endRow > targetRow) out += `\x1b[${endRow - targetRow}A`;
  out += '\r';
  if (targetCol > 0) out += `\x1b[${targetCol}C`;
  return { data: out, cursorRow: targetRow };
}

/**
 * Whether prompt + buffer end exactly at the right margin: the redraw then already moved the cursor to a fresh row,
 * and Enter must not add another newline (readline's _rl_update_final avoids that blank line too).
 */
export function endsAtMargin(prompt: string, buffer: string, cols: number): boolean {
  const total = width(prompt) + width(buffer);
  return total > 0 && total % cols === 0;
}

/** Converts program output newlines to what a tty with onlcr shows. */
export function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
