// Code as the lesson pane shows it (a `term` line, a solution, a prediction's command, inline `code`): browsers may
// break a line after any `-`, which shows `-d macvlan` as `-` and `d macvlan`, or `NO-CARRIER` as `NO-` and
// `CARRIER`; short words with a hyphen are kept whole, and lines break between words.

/** Words up to this long stay on one line; a longer one may still break (it could be wider than the pane). */
const KEEP_WHOLE = 20;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** `text` escaped, each short hyphenated word in `<span class="nobr">` (the copied text is unchanged). */
export function codeHtml(text: string): string {
  return text
    .split(/(\s+)/)
    .map((w) => (w.includes('-') && w.length <= KEEP_WHOLE && !/\s/.test(w) ? `<span class="nobr">${escapeHtml(w)}</span>` : escapeHtml(w)))
    .join('');
}
