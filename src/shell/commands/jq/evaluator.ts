// Evaluator: walks the AST producing a stream of outputs, each with its path when evaluated as a path expression.
import type { FuncDef, Node, Pattern } from './ast';
import { arith, delpaths, getpath, index, iterate, pathError, setpath, slice } from './ops';
import { formatString } from './formats';
import { isObj, JqError, kindOf, numOf, truthy, type Json } from './values';
import { described, toJson, truncated } from './output';

export type Path = Json[];
/** The path of a value computed inside a path expression (`path(1)`): using it as a path is an error. */
export const BAD: Path = Object.freeze([]) as unknown as Path;
/** One output: the value, and in path mode its path (null when the value is not a path into the input). */
export interface Out {
  v: Json;
  p: Path | null;
}
export type Gen = Generator<Out, void, undefined>;

/** A filter argument bound to the scope it was written in. */
export interface Closure {
  node: Node;
  scope: Scope;
}

type FuncEntry = { def: FuncDef; scope: Scope } | { closure: Closure };

export class Scope {
  constructor(
    readonly parent: Scope | null,
    readonly vars: Map<string, unknown> = new Map(),
    readonly funcs: Map<string, FuncEntry> = new Map(),
  ) {}

  lookupVar(name: string): unknown {
    return this.vars.has(name) ? this.vars.get(name) : this.parent?.lookupVar(name);
  }

  lookupFunc(key: string): FuncEntry | undefined {
    return this.funcs.get(key) ?? this.parent?.lookupFunc(key);
  }
}

/** A native builtin: value mode gets the input and argument closures; `paths` ones also see the input's path. */
export interface Native {
  (ev: Evaluator, input: Json, args: Closure[], path: Path | null): Gen;
}

export class BreakSignal {
  constructor(readonly label: object) {}
}

/** Thrown when a program runs past the lab's step budget (real jq would run on). */
export class StepLimit extends Error {}

export class Evaluator {
  private steps = 0;

  constructor(
    readonly natives: Map<string, Native>,
    private readonly maxSteps = 5_000_000,
  ) {}

  /** Values of a closure on an input (value mode). */
  *values(c: Closure, input: Json): Generator<Json, void, undefined> {
    for (const o of this.ev(c.node, input, null, c.scope)) yield o.v;
  }

  /** Paths a closure designates in `input` (path(f)). */
  *paths(c: Closure, input: Json): Generator<Out, void, undefined> {
    for (const o of this.ev(c.node, input, [], c.scope)) {
      if (o.p === BAD || o.p === null) pathError(o.v);
      yield o;
    }
  }

  *ev(n: Node, input: Json, path: Path | null, scope: Scope): Gen {
    if (++this.steps > this.maxSteps) throw new StepLimit();
    const pm = path !== null;
    const plain = (v: Json): Out => ({ v, p: pm ? BAD : null });
    switch (n.k) {
      case 'identity':
        yield { v: input, p: path };
        return;
      case 'recurse':
        yield* this.call({ k: 'call', name: 'recurse', args: [], pos: 0 }, input, path, scope);
        return;
      case 'literal':
        yield plain(n.v);
        return;
      case 'string': {
        let results: string[] = [''];
        for (const part of n.parts) {
          if (typeof part === 'string') {
            results = results.map((r) => r + part);
            continue;
          }
          const next: string[] = [];
          for (const r of results)
            for (const v of this.valuesOf(part, input, scope)) next.push(r + (n.format ? formatString(n.format, v) : typeof v === 'string' ? v : toJson(v)));
          results = next;
        }
        for (const r of results) yield plain(r);
        return;
      }
      case 'format':
        yield plain(formatString(n.name, input));
        return;
      case 'index':
        for (const t of this.ev(n.target, input, path, scope))
          for (const k of this.valuesOf(n.index, input, scope)) {
            if (t.p === BAD) throw new JqError(`Invalid path expression near attempt to access element ${truncated(k, 30)} of ${truncated(t.v, 30)}`);
            yield { v: index(t.v, k), p: t.p && [...t.p, k] };
          }
        return;
      case 'slice':
        for (const t of this.ev(n.target, input, path, scope))
          for (const to of n.to ? this.valuesOf(n.to, input, scope) : [null])
            for (const from of n.from ? this.valuesOf(n.from, input, scope) : [null]) {
              const key = new Map<string, Json>([['start', from], ['end', to]]);
              if (t.p === BAD) throw new JqError(`Invalid path expression near attempt to access element ${truncated(key, 30)} of ${truncated(t.v, 30)}`);
              yield { v: slice(t.v, from, to), p: t.p && [...t.p, key] };
            }
        return;
      case 'iterate':
        for (const t of this.ev(n.target, input, path, scope)) {
          if (t.p === BAD) throw new JqError(`Invalid path expression near attempt to iterate through ${truncated(t.v, 30)}`);
          const v = t.v;
          if (isObj(v)) for (const [k, x] of v) yield { v: x, p: t.p && [...t.p, k] };
          else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield { v: v[i], p: t.p && [...t.p, i] };
          else iterate(v);
        }
        return;
      case 'try':
        try {
          for (const o of this.ev(n.body, input, path, scope)) yield o;
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
          if (n.handler) yield* this.ev(n.handler, e.value, null, scope);
        }
        return;
      case 'array':
        yield plain(n.body ? [...this.valuesOf(n.body, input, scope)] : []);
        return;
      case 'object': {
        let objs: Map<string, Json>[] = [new Map()];
        for (const { key, value } of n.entries) {
          const next: Map<string, Json>[] = [];
          for (const o of objs)
            for (const k of this.valuesOf(key, input, scope)) {
              if (typeof k !== 'string') throw new JqError(`Cannot use ${described(k)} as object key`);
              for (const v of this.valuesOf(value, input, scope)) next.push(new Map(o).set(k, v));
            }
          objs = next;
        }
        for (const o of objs) yield plain(o);
        return;
      }
      case 'neg':
        for (const v of this.valuesOf(n.e, input, scope)) {
          if (kindOf(v) !== 'number') throw new JqError(`${described(v)} cannot be negated`);
          yield plain(-numOf(v as number));
        }
        return;
      case 'pipe':
        for (const l of this.ev(n.l, input, path, scope)) yield* this.ev(n.r, l.v, l.p, scope);
        return;
      case 'comma':
        yield* this.ev(n.l, input, path, scope);
        yield* this.ev(n.r, input, path, scope);
        return;
      case 'binop':
        for (const r of this.valuesOf(n.r, input, scope)) for (const l of this.valuesOf(n.l, input, scope)) yield plain(arith(n.op, l, r));
        return;
      case 'and':
      case 'or':
        for (const l of this.valuesOf(n.l, input, scope)) {
          if (n.k === 'and' ? !truthy(l) : truthy(l)) {
            yield plain(n.k === 'or');
            continue;
          }
          for (const r of this.valuesOf(n.r, input, scope)) yield plain(truthy(r));
        }
        return;
      case 'alt': {
        let any = false;
        try {
          for (const o of this.ev(n.l, input, path, scope))
            if (truthy(o.v)) {
              any = true;
              yield o;
            }
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
        }
        if (!any) yield* this.ev(n.r, input, path, scope);
        return;
      }
      case 'assign':
        yield* this.assign(n.op, n.l, n.r, input, scope);
        return;
      case 'if':
        for (const c of this.valuesOf(n.cond, input, scope)) {
          if (truthy(c)) yield* this.ev(n.then, input, path, scope);
          else if (n.else) yield* this.ev(n.else, input, path, scope);
          else yield { v: input, p: path };
        }
        return;
      case 'reduce':
        for (let acc of this.valuesOf(n.init, input, scope)) {
          let have = true;
          for (const x of this.valuesOf(n.src, input, scope))
            for (const s of this.bindings(n.pattern, x, scope)) {
              const outs: Json[] = [...this.valuesOf(n.update, have ? acc : null, s)];
              have = outs.length > 0;
              acc = have ? outs[outs.length - 1] : null;
            }
          if (have) yield plain(acc);
        }
        return;
      case 'foreach':
        for (let acc of this.valuesOf(n.init, input, scope))
          for (const x of this.valuesOf(n.src, input, scope))
            for (const s of this.bindings(n.pattern, x, scope))
              for (const u of this.valuesOf(n.update, acc, s)) {
                acc = u;
                if (n.extract) yield* this.ev(n.extract, u, null, s);
                else yield plain(u);
              }
        return;
      case 'def': {
        const inner = new Scope(scope);
        inner.funcs.set(`${n.def.name}/${n.def.params.length}`, { def: n.def, scope: inner });
        yield* this.ev(n.body, input, path, inner);
        return;
      }
      case 'call':
        yield* this.call(n, input, path, scope);
        return;
      case 'var': {
        const v = scope.lookupVar(n.name);
        if (v === undefined) throw new JqError(`$${n.name} is not defined`);
        yield plain(v as Json);
        return;
      }
      case 'loc':
        yield plain(new Map<string, Json>([['file', '<top-level>'], ['line', n.line]]));
        return;
      case 'as':
        for (const x of this.valuesOf(n.src, input, scope)) for (const s of this.bindings(n.pattern, x, scope)) yield* this.ev(n.body, input, path, s);
        return;
      case 'label': {
        const token = {};
        const s = new Scope(scope, new Map([[`*label-${n.name}`, token]]));
        try {
          for (const o of this.ev(n.body, input, path, s)) yield o;
        } catch (e) {
          if (!(e instanceof BreakSignal) || e.label !== token) throw e;
        }
        return;
      }
      case 'break': {
        const token = scope.lookupVar(`*label-${n.name}`);
        if (!token) throw new JqError('$*label-' + n.name + ' is not defined');
        throw new BreakSignal(token as object);
      }
    }
  }

  *valuesOf(n: Node, input: Json, scope: Scope): Generator<Json, void, undefined> {
    for (const o of this.ev(n, input, null, scope)) yield o.v;
  }

  /** Scopes binding a destructuring pattern's variables to parts of `v`. */
  *bindings(p: Pattern, v: Json, scope: Scope): Generator<Scope, void, undefined> {
    if (p.k === 'var') {
      yield new Scope(scope, new Map([[p.name, v]]));
      return;
    }
    if (p.k === 'array') {
      if (v !== null && !Array.isArray(v)) throw new JqError(`Cannot index ${kindOf(v)} with number`);
      let scopes = [scope];
      p.elems.forEach((e, i) => {
        const next: Scope[] = [];
        for (const s of scopes) for (const b of this.bindings(e, index(v, i), s)) next.push(b);
        scopes = next;
      });
      yield* scopes;
      return;
    }
    let scopes = [scope];
    for (const e of p.entries) {
      const next: Scope[] = [];
      for (const s of scopes)
        for (const k of this.valuesOf(e.key, v, s)) {
          if (typeof k !== 'string') throw new JqError(`Cannot index ${kindOf(v)} with ${kindOf(k)}`);
          const val = index(v, k);
          let base = s;
          if (e.bind) base = new Scope(s, new Map([[e.bind, val]]));
          if (e.pattern) for (const b of this.bindings(e.pattern, val, base)) next.push(b);
          else next.push(base);
        }
      scopes = next;
    }
    yield* scopes;
  }

  private *call(n: Extract<Node, { k: 'call' }>, input: Json, path: Path | null, scope: Scope): Gen {
    const key = `${n.name}/${n.args.length}`;
    const f = scope.lookupFunc(key);
    if (f && 'closure' in f) {
      yield* this.ev(f.closure.node, input, path, f.closure.scope);
      return;
    }
    if (f) {
      const { def } = f;
      const s = new Scope(f.scope);
      const valueParams: [string, Node][] = [];
      def.params.forEach((p, i) => {
        const name = p.startsWith('$') ? p.slice(1) : p;
        s.funcs.set(`${name}/0`, { closure: { node: n.args[i], scope } });
        if (p.startsWith('$')) valueParams.push([name, n.args[i]]);
      });
      yield* this.bindParams(valueParams, 0, s, def.body, input, path, scope);
      return;
    }
    const native = this.natives.get(key);
    if (!native) throw new JqError(`${key} is not defined`);
    yield* native(this, input, n.args.map((node) => ({ node, scope })), path);
  }

  private *bindParams(params: [string, Node][], i: number, s: Scope, body: Node, input: Json, path: Path | null, caller: Scope): Gen {
    if (i === params.length) {
      yield* this.ev(body, input, path, s);
      return;
    }
    for (const v of this.valuesOf(params[i][1], input, caller)) {
      s.vars.set(params[i][0], v);
      yield* this.bindParams(params, i + 1, new Scope(s, new Map([[params[i][0], v]])), body, input, path, caller);
    }
  }

  private *assign(op: string, lhs: Node, rhs: Node, input: Json, scope: Scope): Gen {
    const self: Closure = { node: lhs, scope };
    if (op === '|=') {
      yield { v: this.modify(input, self, (v) => this.valuesOf(rhs, v, scope).next()), p: null };
      return;
    }
    for (const r of this.valuesOf(rhs, input, scope)) {
      let acc = input;
      for (const o of this.paths(self, input)) {
        const p = o.p!;
        if (op === '=') acc = setpath(acc, p, r);
        else if (op === '//=') {
          const cur = getpath(acc, p);
          acc = setpath(acc, p, truthy(cur) ? cur : r);
        } else acc = setpath(acc, p, arith(op.slice(0, -1), getpath(acc, p), r));
      }
      yield { v: acc, p: null };
    }
  }

  /** `paths |= update`: the first output of update replaces each value; no output deletes the path (jq 1.7). */
  modify(input: Json, paths: Closure, update: (v: Json) => IteratorResult<Json, void>): Json {
    let acc = input;
    const dels: Json[][] = [];
    for (const o of this.paths(paths, input)) {
      const p = o.p!;
      const r = update(getpath(acc, p));
      if (r.done) dels.push(p);
      else acc = setpath(acc, p, r.value);
    }
    return dels.length ? delpaths(acc, dels) : acc;
  }
}

