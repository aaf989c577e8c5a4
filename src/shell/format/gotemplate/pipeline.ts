// Go's template pipeline grammar (parse.go pipeline, command, operand, term): declarations, commands, operands.
import { nodeString, type ArgNode, type CommandNode, type PipeNode, type VariableNode } from './ast';
import type { Item, ItemType } from './items';
import type { Lexer } from './lexer';
import { newNumber } from './number';
import { quote } from './quote';
import { TokenStream } from './token-stream';

const OPERAND_START = new Set<ItemType>([
  'bool', 'charConstant', 'complex', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string',
  'variable', 'leftParen',
]);
const NOT_EXECUTABLE = new Set(['bool', 'dot', 'nil', 'number', 'string']);

export class PipelineParser extends TokenStream {
  /** the variables in scope, innermost last */
  protected vars = ['$'];

  constructor(
    lexer: Lexer,
    parseName: string,
    private readonly hasFunction: (name: string) => boolean,
  ) {
    super(lexer, parseName);
  }

  protected pipeline(context: string, end: ItemType): PipeNode {
    const pipe: PipeNode = { kind: 'pipe', pos: this.peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
    this.declarations(pipe, context);
    for (;;) {
      const token = this.nextNonSpace();
      if (token.type === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      if (!OPERAND_START.has(token.type)) this.unexpected(token, context);
      this.backup();
      pipe.cmds.push(this.command());
    }
  }

  /** `$x :=`, `$x =`, `$i, $e :=` (range only) at the start of a pipeline. */
  private declarations(pipe: PipeNode, context: string): void {
    for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') return;
      this.next();
      // "$x foo" needs three tokens to tell an argument from a declaration.
      const afterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign';
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        return;
      }
      if (next.type === 'char' && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const t = this.peekNonSpace().type;
          if (t === 'variable' || t === 'rightDelim' || t === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      }
      if (afterVariable.type === 'space') this.backup3(v, afterVariable);
      else this.backup2(v);
      return;
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      if (NOT_EXECUTABLE.has(c.args[0].kind)) this.errorf(`non executable command in pipeline stage ${i + 2}`);
    });
  }

  private command(): CommandNode {
    const cmd: CommandNode = { kind: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') this.backup();
      else if (token.type !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  /** A term followed by .Field accesses. */
  private operand(): ArgNode | null {
    const node = this.term();
    if (node === null || this.peek().type !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().val.slice(1));
    switch (node.kind) {
      case 'field':
        return { kind: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { kind: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${quote(nodeString(node))}`);
    }
    return { kind: 'chain', pos, node, field: fields };
  }

  private term(): ArgNode | null {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'identifier':
        if (!this.hasFunction(token.val)) this.errorf(`function ${quote(token.val)} not defined`);
        return { kind: 'identifier', pos: token.pos, ident: token.val };
      case 'dot':
        return { kind: 'dot', pos: token.pos };
      case 'nil':
        return { kind: 'nil', pos: token.pos };
      case 'variable':
        return this.useVar(token.pos, token.val);
      case 'field':
        return { kind: 'field', pos: token.pos, ident: [token.val.slice(1)] };
      case 'bool':
        return { kind: 'bool', pos: token.pos, value: token.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        return this.number(token);
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString':
        return { kind: 'string', pos: token.pos, quoted: token.val, text: this.unquoted(token) };
    }
    this.backup();
    return null;
  }

  private number(token: Item): ArgNode {
    try {
      return newNumber(token.pos, token.val, token.type as 'number' | 'charConstant' | 'complex');
    } catch (e) {
      this.errorf((e as Error).message);
    }
  }

  private newVariable(pos: number, name: string): VariableNode {
    return { kind: 'variable', pos, ident: name.split('.') };
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name);
    if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${quote(v.ident[0])}`);
    return v;
  }
}
