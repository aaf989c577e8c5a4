// Parser pieces for braces and brackets: object construction `{a, $x, "k": v, (e): v}` and destructuring patterns.
import type { Node, Pattern } from './ast';
import { KEYWORDS } from './lexer';
import type { Parser } from './parser';

export function pattern(p: Parser): Pattern {
  const t = p.peek;
  if (t.t === 'BINDING') {
    p.next();
    return { k: 'var', name: t.v as string };
  }
  if (t.t === '[') {
    p.next();
    const elems: Pattern[] = [pattern(p)];
    while (p.pt() === ',') {
      p.next();
      elems.push(pattern(p));
    }
    p.expect(']');
    return { k: 'array', elems };
  }
  if (t.t === '{') {
    p.next();
    const entries: { key: Node; bind?: string; pattern?: Pattern }[] = [];
    for (;;) {
      const e = p.peek;
      if (e.t === 'BINDING') {
        p.next();
        const entry: { key: Node; bind?: string; pattern?: Pattern } = { key: { k: 'literal', v: e.v as string }, bind: e.v as string };
        if (p.pt() === ':') {
          p.next();
          entry.pattern = pattern(p);
        }
        entries.push(entry);
      } else {
        let key: Node;
        if (e.t === 'IDENT' || KEYWORDS.has(e.t)) {
          p.next();
          key = { k: 'literal', v: (e.v as string) ?? e.t };
        } else if (e.t === 'QQSTRING_START') key = p.string();
        else if (e.t === '(') {
          p.next();
          key = p.pipe();
          p.expect(')');
        } else p.fail();
        p.expect(':');
        entries.push({ key, pattern: pattern(p) });
      }
      if (p.pt() === ',') p.next();
      else break;
    }
    p.expect('}');
    return { k: 'object', entries };
  }
  p.fail(['BINDING', "'['", "'{'"]);
}

export function object(p: Parser): Node {
  p.expect('{');
  const entries: { key: Node; value: Node }[] = [];
  if (p.pt() === '}') {
    p.next();
    return { k: 'object', entries };
  }
  for (;;) {
    const t = p.peek;
    let key: Node;
    let value: Node | undefined;
    if (t.t === 'BINDING') {
      p.next();
      key = { k: 'literal', v: t.v as string };
      value = { k: 'var', name: t.v as string, pos: t.pos };
    } else if (t.t === '$__loc__') {
      p.next();
      key = { k: 'literal', v: '__loc__' };
      value = { k: 'loc', line: 1 };
    } else if (t.t === 'IDENT' || KEYWORDS.has(t.t)) {
      p.next();
      key = { k: 'literal', v: (t.v as string) ?? t.t };
    } else if (t.t === 'QQSTRING_START') key = p.string();
    else if (t.t === 'FORMAT' && p.ahead(1).t === 'QQSTRING_START') {
      p.next();
      key = p.string(t.v as string);
    } else if (t.t === 'LITERAL') {
      p.next();
      key = { k: 'literal', v: t.v! };
    } else if (t.t === '(') {
      p.next();
      key = p.pipe();
      p.expect(')');
      if (p.pt() !== ':') p.fail(["':'"]);
    } else p.fail();
    if (p.pt() === ':') {
      p.next();
      value = objectValue(p);
    } else if (!value) value = { k: 'index', target: { k: 'identity' }, index: key, pos: t.pos };
    entries.push({ key, value });
    if (p.pt() === ',') {
      p.next();
      continue;
    }
    p.expect('}', ["'}'"]);
    return { k: 'object', entries };
  }
}

/** ExpD: terms joined by `|`, optionally negated. */
export function objectValue(p: Parser): Node {
  let e: Node;
  if (p.pt() === '-') {
    p.next();
    e = { k: 'neg', e: objectValue(p) };
    return e;
  }
  e = p.postfix();
  while (p.pt() === '|') {
    p.next();
    e = { k: 'pipe', l: e, r: objectValue(p) };
  }
  return e;
}
