// Pathname expansion (POSIX sh 2.13): an unquoted word with *, ? or [...] becomes the sorted paths it matches, walked
// directory by directory; names starting with `.` need an explicit dot; a pattern that matches nothing stays as typed.
import type { World } from '../core/world';
import type { ProcessEnv } from './types';
import { listDir, resolvePath } from './vfs';

/** A word's expanded text and, per character, whether it came from unquoted text (only those can be glob operators). */
export interface PatternText {
  text: string;
  active: boolean[];
}

export function hasGlob(p: PatternText): boolean {
  return [...p.text].some((c, i) => p.active[i] && (c === '*' || c === '?' || c === '['));
}

/** One path segment as a regular expression; quoted characters match themselves. */
function segmentRegex(text: string, active: boolean[]): RegExp {
  let re = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!active[i]) re += c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = text.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = text.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else re += c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The paths `pattern` matches, sorted as bash does in the C locale; [] when none. */
export function expandPathname(world: World, env: ProcessEnv, pattern: PatternText): string[] {
  const absolute = pattern.text.startsWith('/');
  // Split into segments, carrying each character's quoting along.
  const segments: PatternText[] = [];
  let cur: PatternText = { text: '', active: [] };
  for (let i = absolute ? 1 : 0; i < pattern.text.length; i++) {
    if (pattern.text[i] === '/') {
      segments.push(cur);
      cur = { text: '', active: [] };
    } else {
      cur.text += pattern.text[i];
      cur.active.push(pattern.active[i]);
    }
  }
  segments.push(cur);
  let paths = [absolute ? '/' : ''];
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s];
    const last = s === segments.length - 1;
    const next: string[] = [];
    for (const base of paths) {
      const join = (name: string) => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
      if (seg.text === '' && last) {
        next.push(join(''));
        continue;
      }
      if (!hasGlob(seg)) {
        next.push(join(seg.text));
        continue;
      }
      const entries = listDir(world, env, resolvePath(env, base === '' ? '.' : base));
      if (!entries) continue;
      const re = segmentRegex(seg.text, seg.active);
      for (const e of entries) {
        if (e.name.startsWith('.') && !seg.text.startsWith('.')) continue;
        if (!last && !e.dir) continue;
        if (re.test(e.name)) next.push(join(e.name));
      }
    }
    paths = next;
  }
  // Literal segments after the last glob must exist.
  return paths
    .filter((p) => {
      const abs = resolvePath(env, p || '.');
      const parent = abs.slice(0, abs.lastIndexOf('/')) || '/';
      const name = abs.slice(abs.lastIndexOf('/') + 1);
      return abs === '/' || !!listDir(world, env, parent)?.some((e) => e.name === name);
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
