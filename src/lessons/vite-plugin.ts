// Compiles lesson markdown at build time: `import page from '...md?lesson'` yields its HTML, so no markdown parser ships.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { renderLessonMarkdown } from './render.ts';

export function lessonsPlugin(): Plugin {
  return {
    name: 'cnlab-lessons',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith('.md?lesson')) return null;
      const file = id.slice(0, -'?lesson'.length);
      this.addWatchFile(file);
      const lesson = renderLessonMarkdown(readFileSync(file, 'utf8'));
      return `export default ${JSON.stringify(lesson)};`;
    },
  };
}
