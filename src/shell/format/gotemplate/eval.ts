// Evaluating pipelines, commands, fields and variables (exec.go evalPipeline ... evalField).
import type { AnyNode, ArgNode, ChainNode, CommandNode, FieldNode, IdentifierNode, PipeNode, VariableNode } from './ast';
import { nodeString } from './ast';
import { BUILTINS, isBuiltin } from './builtins';
import { CallEvaluator, MISSING } from './call';
import { quote } from './quote';
import {
  GO_MAP_ZERO,
  GoIface,
  NO_VALUE,
  findMethod,
  isExported,
  kindOf,
  mapLookup,
  mapZero,
  structField,
  typeName,
} from './values';

export class Evaluator extends CallEvaluator {
  /** A pipeline's value; a value in an interface {} slot is taken out of it, a nil one becoming NO_VALUE. */
  evalPipeline(dot: unknown, pipe: PipeNode | null): unknown {
    if (pipe === null) return NO_VALUE;
    this.at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value); // the previous value is this command's final argument
      if (value instanceof GoIface) value = value.inner;
      if (value === null || value === undefined) value = NO_VALUE;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value);
      else this.push(v.ident[0], value);
    }
    return value;
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: unknown): unknown {
    const first = cmd.args[0];
    switch (first.kind) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        // A parenthesized pipeline takes no arguments.
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    if (first.kind === 'bool') return first.value;
    if (first.kind === 'dot') return dot;
    if (first.kind === 'number') return this.idealConstant(first);
    if (first.kind === 'string') return first.text;
    this.errorf('nil is not a command');
  }

  evalFieldNode(dot: unknown, field: FieldNode, args: ArgNode[], final: unknown): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  evalChainNode(dot: unknown, chain: ChainNode, args: ArgNode[], final: unknown): unknown {
    this.at(chain);
    if (chain.node.kind === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const head = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, head, chain, chain.field, args, final);
  }

  evalVariableNode(dot: unknown, v: VariableNode, args: ArgNode[], final: unknown): unknown {
    this.at(v);
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args.length > 0 ? args : [v], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: unknown,
    receiver: unknown,
    node: AnyNode,
    ident: string[],
    args: ArgNode[],
    final: unknown,
  ): unknown {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(dot, ident[i], node, [], MISSING, receiver);
    return this.evalField(dot, ident[ident.length - 1], node, args, final, receiver);
  }

  evalFunction(dot: unknown, node: IdentifierNode, cmd: AnyNode, args: ArgNode[], final: unknown): unknown {
    this.at(node);
    const name = node.ident;
    const own = Object.prototype.hasOwnProperty.call(this.ctx.funcs, name) ? this.ctx.funcs[name] : undefined;
    if (typeof own === 'function') return this.evalCall(dot, own, false, cmd, name, args, final);
    if (isBuiltin(name)) return this.evalCall(dot, BUILTINS[name], true, cmd, name, args, final);
    this.errorf(`${quote(name)} is not a defined function`);
  }

  /** .Field on a value: a method call, a struct field, or a map entry (subject to missingkey). */
  private evalField(
    dot: unknown,
    name: string,
    node: AnyNode,
    args: ArgNode[],
    final: unknown,
    receiver: unknown,
  ): unknown {
    if (receiver === NO_VALUE) {
      if (this.ctx.missingKey === 'error') this.errorf(`nil data; no entry for key ${quote(name)}`);
      return NO_VALUE;
    }
    const typ = typeName(receiver);
    const recv = receiver instanceof GoIface ? receiver.inner : receiver;
    if (recv === null || recv === undefined) this.errorf(`nil pointer evaluating ${typ}.${name}`);
    const method = findMethod(recv, name);
    if (method !== null) return this.evalCall(dot, method, false, node, name, args, final, recv);
    const hasArgs = args.length > 1 || final !== MISSING;
    const kind = kindOf(recv);
    if (kind === 'struct') {
      const f = structField(recv as object, name);
      if (f.found) {
        if (!isExported(name)) this.errorf(`${name} is an unexported field of struct type ${typ}`);
        if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
        return f.value === undefined ? null : f.value;
      }
    } else if (kind === 'map') {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      const m = recv as object;
      const hit = mapLookup(m, name);
      // Elements of an untyped map sit in interface {} slots; a map declaring its zero value is typed.
      if (hit.found) return (m as Record<symbol, unknown>)[GO_MAP_ZERO] !== undefined ? hit.value : new GoIface(hit.value);
      if (this.ctx.missingKey === 'zero') return mapZero(m);
      if (this.ctx.missingKey === 'error') this.errorf(`map has no entry for key ${quote(name)}`);
      return NO_VALUE;
    }
    this.errorf(`can't evaluate field ${name} in type ${typ}`);
  }
}
