// The state of one template execution (exec.go's state): variables, the current node, output, and errors.
import { nodeString, type AnyNode, type Tree } from './ast';
import { TemplateError } from './errors';
import { quote } from './quote';
import type { GoFunc } from './values';

export type MissingKey = 'default' | 'zero' | 'error';

/** What every execution of one parsed template shares. */
export interface ExecContext {
  trees: Map<string, Tree>;
  /** the template text as UTF-8, for line:column positions */
  text: Uint8Array;
  parseName: string;
  funcs: Record<string, GoFunc>;
  missingKey: MissingKey;
  /** the output so far, shared by nested {{template}} calls */
  out: { text: string };
}

interface Variable {
  name: string;
  value: unknown;
}

/** Go's ErrorContext: "name:line:col" (col the byte offset in the line) and the node's source text. */
export function errorContext(ctx: ExecContext, node: AnyNode): [string, string] {
  const before = ctx.text.subarray(0, node.pos);
  const nl = before.lastIndexOf(0x0a);
  const col = nl < 0 ? node.pos : node.pos - (nl + 1);
  const line = 1 + before.filter((b) => b === 0x0a).length;
  return [`${ctx.parseName}:${line}:${col}`, nodeString(node)];
}

export abstract class ExecState {
  /** the node being evaluated, which errors point at */
  protected node: AnyNode | null = null;
  protected vars: Variable[];

  constructor(
    protected readonly ctx: ExecContext,
    /** the name of the template being executed */
    protected readonly tmplName: string,
    dot: unknown,
    protected readonly depth: number,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  /** Stops execution with Go's framing: template: name:line:col: executing "name" at <node>: msg */
  protected errorf(msg: string): never {
    let prefix = `template: ${this.tmplName}: `;
    if (this.node !== null) {
      const [location, context] = errorContext(this.ctx, this.node);
      prefix = `template: ${location}: executing ${quote(this.tmplName)} at <${context}>: `;
    }
    throw new TemplateError(prefix + msg, this.ctx.out.text);
  }

  protected at(node: AnyNode): void {
    this.node = node;
  }

  protected push(name: string, value: unknown): void {
    this.vars.push({ name, value });
  }

  protected mark(): number {
    return this.vars.length;
  }

  protected pop(mark: number): void {
    this.vars.length = mark;
  }

  /** Assignment ($x = ...): overwrites the innermost variable of that name. */
  protected setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  /** Range iterations set the top n-th variable. */
  protected setTopVar(n: number, value: unknown): void {
    this.vars[this.vars.length - n].value = value;
  }

  protected varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) return this.vars[i].value;
    }
    this.errorf(`undefined variable: ${name}`);
  }
}
