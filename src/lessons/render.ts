// Lesson markdown to HTML (build time): markdown-it, with fenced `term` blocks turned into runnable command lines.
import MarkdownIt from 'markdown-it';

export interface RenderedLesson {
  title: string;
  html: string;
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const defaultFence = md.renderer.rules.fence!;
md.renderer.rules.fence = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token.info.trim() === 'term') {
    const lines = token.content.split('\n').filter((l) => l.trim());
    const items = lines
      .map((l) => `<li><code>${md.utils.escapeHtml(l)}</code><button type="button" class="run" data-command="${md.utils.escapeHtml(l)}" aria-label="Run ${md.utils.escapeHtml(l)}">Run</button></li>`)
      .join('');
    return `<ul class="term">${items}</ul>\n`;
  }
  return defaultFence(tokens, idx, options, env, self);
};

/** Renders a lesson file; its first `# ` heading is the title. */
export function renderLessonMarkdown(source: string): RenderedLesson {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const title = /^# (.+)$/m.exec(body)?.[1] ?? 'Lesson';
  return { title, html: md.render(body) };
}
