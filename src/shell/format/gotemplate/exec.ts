// Executing a parsed template (text/template/exec.go walk): text, actions, if/with/range, {{template}}.
import { nodeString, type BranchNode, type ListNode, type Node, type PipeNode, type TemplateNode } from './ast';
import { Evaluator } from './eval';
import { formatGoValue, printableValue } from './printer';
import { quote } from './quote';
import type { ExecContext } from './state';
import { GO_MAP_ZERO, GoIface, NO_VALUE, isTrue, kindOf, mapKeys, typeName } from './values';

/** Go allows 100000 nested {{template}} calls (1000 on wasm); a JS stack holds the smaller number. */
export const MAX_EXEC_DEPTH = 1000;

// {{break}} and {{continue}} unwind to their {{range}}, as Go's walkBreak/walkContinue panics do.
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

class Executor extends Evaluator {
  walk(dot: unknown, node: Node): void {
    this.at(node);
    switch (node.kind) {
      case 'action': {
        // Variables declared here persist to the enclosing {{end}}; a declaration prints nothing.
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.ctx.out.text += node.text;
        return;
    }
  }

  private walkIfOrWith(dot: unknown, node: BranchNode): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) this.walk(node.kind === 'with' ? val : dot, node.list);
      else if (node.elseList !== null) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: unknown, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const ran = this.iterate(val, r.pipe, r.list);
      if (!ran && r.elseList !== null) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.pop(outer);
    }
  }

  /** Runs the range body per element; false when there was nothing to range over. */
  private iterate(val: unknown, pipe: PipeNode, list: ListNode): boolean {
    const mark = this.mark();
    const decl = pipe.decl;
    const one = (index: unknown, elem: unknown) => {
      if (decl.length > 0) {
        if (pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
        else this.setTopVar(1, elem);
      }
      if (decl.length > 1) {
        if (pipe.isAssign) this.setVar(decl[1].ident[0], elem);
        else this.setTopVar(2, index);
      }
      try {
        this.walk(elem, list);
      } catch (e) {
        if (e !== CONTINUE) throw e;
      } finally {
        this.pop(mark);
      }
    };
    switch (kindOf(val)) {
      case 'slice':
        (val as unknown[]).forEach((e, i) => one(i, new GoIface(e)));
        return (val as unknown[]).length > 0;
      case 'map': {
        // Go ranges over a map in sorted key order.
        const m = val as Record<string | symbol, unknown>;
        const typed = m[GO_MAP_ZERO] !== undefined;
        const keys = mapKeys(m);
        for (const k of keys) one(k, typed ? m[k] : new GoIface(m[k]));
        return keys.length > 0;
      }
      case 'int': {
        if (decl.length > 1) this.errorf(`can't use ${formatGoValue(val)} to iterate over more than one variable`);
        for (let i = 0; i < (val as number); i++) one(NO_VALUE, i);
        return (val as number) > 0;
      }
      case 'invalid':
        return false; // a nil map or slice ranges like an empty one
    }
    this.errorf(`range can't iterate over ${formatGoValue(val)}`);
  }

  private walkTemplate(dot: unknown, t: TemplateNode): void {
    this.at(t);
    if (!this.ctx.trees.has(t.name)) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    // Variables declared by the pipeline persist; the called template sees none of them, only $ = dot.
    const data = this.evalPipeline(dot, t.pipe);
    new Executor(this.ctx, t.name, data, this.depth + 1).run();
  }

  private printValue(node: Node, v: unknown): void {
    this.at(node);
    if (v === NO_VALUE) {
      this.ctx.out.text += '<no value>';
      return;
    }
    if (kindOf(v) === 'func') this.errorf(`can't print ${nodeString(node)} of type ${typeName(v)}`);
    this.ctx.out.text += printableValue(v);
  }

  run(): void {
    const tree = this.ctx.trees.get(this.tmplName);
    if (tree === undefined) this.errorf(`${quote(this.tmplName)} is an incomplete or empty template`);
    this.walk(this.varValue('$'), tree.root);
  }
}

/** Executes the named tree over `data`, returning the output (or throwing TemplateError with `partial`). */
export function execute(ctx: ExecContext, name: string, data: unknown): string {
  const dot = data === null || data === undefined ? NO_VALUE : data;
  new Executor(ctx, name, dot, 0).run();
  return ctx.out.text;
}
