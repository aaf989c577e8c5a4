// Calling functions and methods from templates (exec.go evalCall, evalArg, validateType): arity, types, errors.
import {
  nodeString,
  type AnyNode,
  type ArgNode,
  type ChainNode,
  type FieldNode,
  type IdentifierNode,
  type NumberNode,
  type PipeNode,
  type VariableNode,
} from './ast';
import { TemplateError } from './errors';
import { canBeNil, methodSignatureOf, signatureOf, type GoParamType } from './signature';
import { ExecState } from './state';
import { GoFloat, GoIface, NO_VALUE, isTrue, kindOf, typeName, type GoFunc } from './values';

/** The previous pipeline stage's value is absent (Go's missingVal), which is not the same as NO_VALUE. */
export const MISSING: unique symbol = Symbol('cnlab.goMissing');

/** A parameter type, or null where Go evaluates an argument with no type to meet (a chain's head). */
type ArgType = GoParamType | null;

function matches(v: unknown, t: GoParamType): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'int':
      return kindOf(v) === 'int';
    case 'bool':
      return typeof v === 'boolean';
    case '[]string':
      return Array.isArray(v) && v.every((e) => typeof e === 'string');
    default:
      return true;
  }
}

/** What a plain JS function is handed for an interface {} argument: the dynamic value, float64 as a number. */
function forJs(v: unknown): unknown {
  return v instanceof GoFloat ? v.value : v;
}

export abstract class CallEvaluator extends ExecState {
  abstract evalPipeline(dot: unknown, pipe: PipeNode | null): unknown;
  abstract evalFieldNode(dot: unknown, field: FieldNode, args: ArgNode[], final: unknown): unknown;
  abstract evalChainNode(dot: unknown, chain: ChainNode, args: ArgNode[], final: unknown): unknown;
  abstract evalVariableNode(dot: unknown, v: VariableNode, args: ArgNode[], final: unknown): unknown;
  abstract evalFunction(dot: unknown, node: IdentifierNode, cmd: AnyNode, args: ArgNode[], final: unknown): unknown;

  /**
   * evalCall: `args` are the command's words, the first being the function or method itself; `final` is the
   * piped-in value. Builtins get template values as they are; other functions get plain JS values. A method
   * comes with its `receiver`.
   */
  protected evalCall(
    dot: unknown,
    fn: GoFunc,
    builtin: boolean,
    node: AnyNode,
    name: string,
    words: ArgNode[],
    final: unknown,
    receiver?: unknown,
  ): unknown {
    const args = words.slice(1);
    const sig = receiver === undefined ? signatureOf(fn) : methodSignatureOf(fn);
    const fixed = sig.params.length;
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    if (sig.variadic !== undefined) {
      if (numIn < fixed) this.errorf(`wrong number of args for ${name}: want at least ${fixed} got ${args.length}`);
    } else if (numIn !== fixed) {
      this.errorf(`wrong number of args for ${name}: want ${fixed} got ${numIn}`);
    }
    const paramType = (i: number) => (i < fixed ? sig.params[i] : sig.variadic!);

    if (builtin && (name === 'and' || name === 'or')) {
      // Short-circuit: the first falsy (and) or truthy (or) argument, else the last.
      let v: unknown = NO_VALUE;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'value');
      return v;
    }

    const argv = args.map((arg, i) => this.evalArg(dot, paramType(i), arg));
    if (final !== MISSING) argv.push(this.validateType(final, paramType(numIn - 1)));
    if (builtin && name === 'call') argv.unshift(nodeString(args.length > 0 ? args[0] : words[0]));
    try {
      const result = builtin ? fn(...argv) : fn.apply(receiver, argv.map(forJs));
      return result === undefined ? null : result;
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** validateType: a value passed where a parameter of type t is declared. */
  protected validateType(value: unknown, t: ArgType): unknown {
    if (t === null || t === 'value') return value;
    if (value === NO_VALUE) {
      if (canBeNil(t)) return null;
      this.errorf(`invalid value; expected ${t}`);
    }
    const c = value instanceof GoIface ? value.inner : value;
    if (t === 'any') return c ?? null;
    if (c !== null && c !== undefined && matches(c, t)) return c;
    this.errorf(`wrong type for value; expected ${t}; got ${typeName(c ?? null)}`);
  }

  /** evalArg: one argument word, evaluated for a parameter of type t. */
  protected evalArg(dot: unknown, t: ArgType, n: ArgNode): unknown {
    this.at(n);
    switch (n.kind) {
      case 'dot':
        return this.validateType(dot, t);
      case 'nil':
        if (t !== null && !canBeNil(t)) this.errorf(`cannot assign nil to ${t}`);
        return t === 'value' ? NO_VALUE : null;
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), t);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, [], MISSING), t);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), t);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, [n], MISSING), t);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, [], MISSING), t);
    }
    if (t === 'bool') {
      if (n.kind !== 'bool') this.errorf(`expected bool; found ${nodeString(n)}`);
      return n.value;
    }
    if (t === 'int') {
      if (n.kind !== 'number' || !n.isInt) this.errorf(`expected integer; found ${nodeString(n)}`);
      return n.int;
    }
    if (t === 'string') {
      if (n.kind !== 'string') this.errorf(`expected string; found ${nodeString(n)}`);
      return n.text;
    }
    if (t === '[]string') this.errorf(`can't handle ${nodeString(n)} for arg of type []string`);
    return this.evalEmptyInterface(n);
  }

  /** A literal for an interface {} (or reflect.Value) parameter. */
  protected evalEmptyInterface(n: ArgNode): unknown {
    this.at(n);
    switch (n.kind) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  /** A number with no type to meet: float64 if written as a float, else int. */
  protected idealConstant(n: NumberNode): unknown {
    this.at(n);
    const hexInt = /^0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (n.isFloat && !hexInt && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return new GoFloat(n.float);
    if (n.isInt) return n.int;
    if (n.isUint) this.errorf(`${n.text} overflows int`);
    return NO_VALUE;
  }

  protected notAFunction(args: ArgNode[], final: unknown): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }
}
