// Lesson markdown to HTML with markdown-it (raw HTML off, so lesson text cannot inject markup); `term` fences
// become command lines with Run buttons that the lesson view types into the terminal.
import MarkdownIt from 'markdown-it';
import { codeHtml } from '../code-html';

export const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const escape = md.utils.escapeHtml;

/** The commands of a `term` block (one per line; blank lines dropped); `#` lines are comments. */
export function termLines(content: string): { text: string; comment: boolean; index: number }[] {
  return content
    .split('\n')
    .map((text, index) => ({ text: text.trimEnd(), comment: text.trim().startsWith('#'), index }))
    .filter((l) => l.text.trim() !== '');
}

/** HTML of a list of runnable commands (also used for a revealed solution). */
export function renderCommands(lines: { text: string; comment: boolean }[]): string {
  const items = lines
    .map((l) =>
      l.comment
        ? `<li class="comment"><code>${codeHtml(l.text)}</code></li>`
        : `<li><code>${codeHtml(l.text)}</code><button type="button" class="run" data-command="${escape(l.text)}" aria-label="Run ${escape(l.text)}">Run</button></li>`,
    )
    .join('');
  return `<ul class="term">${items}</ul>\n`;
}

md.renderer.rules.code_inline = (tokens, idx, _options, _env, self) => `<code${self.renderAttrs(tokens[idx])}>${codeHtml(tokens[idx].content)}</code>`;

const defaultFence = md.renderer.rules.fence!;
md.renderer.rules.fence = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token.info.trim() === 'term') return renderCommands(termLines(token.content));
  return defaultFence(tokens, idx, options, env, self);
};

// Links to other sites open beside the lab instead of replacing it.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = String(tokens[idx].attrGet('href') ?? '');
  if (/^https?:/i.test(href)) {
    tokens[idx].attrSet('target', '_blank');
    tokens[idx].attrSet('rel', 'noopener noreferrer');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderBlock(markdown: string): string {
  return md.render(markdown);
}

export function renderInline(markdown: string): string {
  return md.renderInline(markdown);
}

/** A URL- and id-friendly form of a heading: `Your first command` -> `your-first-command`. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/`/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'step'
  );
}
