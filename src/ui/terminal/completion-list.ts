// How bash shows Tab completion: the longest common prefix is inserted; a second Tab lists the candidates in
// columns filled top to bottom; past completion-query-items (100) it asks "Display all N possibilities? (y or n)".

/** readline's completion-query-items default. */
export const QUERY_ITEMS = 100;

export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return '';
  let common = items[0];
  for (const c of items) while (!c.startsWith(common)) common = common.slice(0, -1);
  return common;
}

/** readline's rl_display_match_list: columns as wide as the longest name plus two, filled top to bottom. */
export function columns(items: readonly string[], cols: number): string {
  const w = Math.max(...items.map((i) => i.length)) + 2;
  let perRow = Math.floor(cols / w);
  if (perRow !== 1 && perRow * w === cols) perRow--;
  perRow = Math.max(1, perRow);
  const rows = Math.ceil(items.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item !== undefined) line += item.padEnd(w);
    }
    out += line.trimEnd() + '\n';
  }
  return out;
}

/** What a single completion inserts: the rest of the word, then a space unless it names a directory or a `key=`. */
export function completionTail(candidate: string, word: string): string {
  const tail = candidate.slice(word.length);
  return candidate.endsWith('/') || candidate.endsWith('=') ? tail : tail + ' ';
}
