// Compile-time name resolution: undefined functions (`foo/0 is not defined`) and variables, as jq reports them.
import type { Node, Pattern } from './ast';
import type { CompileError } from './parser';

function patternVars(p: Pattern, out: string[]): string[] {
  if (p.k === 'var') out.push(p.name);
  else if (p.k === 'array') p.elems.forEach((e) => patternVars(e, out));
  else
    for (const e of p.entries) {
      if (e.bind) out.push(e.bind);
      if (e.pattern) patternVars(e.pattern, out);
    }
  return out;
}

/** Every name the program uses but nothing defines, in program order. */
export function checkNames(root: Node, known: (key: string) => boolean, globals: Set<string>): CompileError[] {
  const errors: CompileError[] = [];
  const walk = (n: Node, funcs: Set<string>, vars: Set<string>): void => {
    const sub = (m: Node) => walk(m, funcs, vars);
    switch (n.k) {
      case 'call': {
        const key = `${n.name}/${n.args.length}`;
        if (!funcs.has(key) && !known(key)) errors.push({ message: `${key} is not defined`, pos: n.pos });
        n.args.forEach(sub);
        return;
      }
      case 'var':
        if (!vars.has(n.name) && !globals.has(n.name)) errors.push({ message: `$${n.name} is not defined`, pos: n.pos });
        return;
      case 'break':
        if (!vars.has(`*label-${n.name}`)) errors.push({ message: `$*label-${n.name} is not defined`, pos: n.pos });
        return;
      case 'label':
        walk(n.body, funcs, new Set([...vars, `*label-${n.name}`]));
        return;
      case 'def': {
        const withSelf = new Set([...funcs, `${n.def.name}/${n.def.params.length}`]);
        const inner = new Set(withSelf);
        const innerVars = new Set(vars);
        for (const p of n.def.params) {
          inner.add(`${p.replace(/^\$/, '')}/0`);
          if (p.startsWith('$')) innerVars.add(p.slice(1));
        }
        walk(n.def.body, inner, innerVars);
        walk(n.body, withSelf, vars);
        return;
      }
      case 'as':
      case 'reduce':
      case 'foreach': {
        walk(n.src, funcs, vars);
        const bound = new Set([...vars, ...patternVars(n.pattern, [])]);
        if (n.k === 'as') walk(n.body, funcs, bound);
        else {
          walk(n.init, funcs, vars);
          walk(n.update, funcs, bound);
          if (n.k === 'foreach' && n.extract) walk(n.extract, funcs, bound);
        }
        return;
      }
      default:
        for (const v of Object.values(n)) {
          if (v && typeof v === 'object' && 'k' in (v as object)) sub(v as Node);
          if (Array.isArray(v))
            for (const x of v as unknown[]) {
              if (x && typeof x === 'object' && 'k' in (x as object)) sub(x as Node);
              if (x && typeof x === 'object' && 'key' in (x as object)) {
                const e = x as { key: Node; value: Node };
                sub(e.key);
                if (e.value) sub(e.value);
              }
            }
        }
    }
  };
  walk(root, new Set(), new Set());
  return errors;
}
