// Go's template parse tree (text/template/parse/node.go): node shapes and their String() forms.
import { quote } from './quote';

/** Positions are byte offsets into the template text, as Go's parse.Pos. */
export interface TextNode {
  kind: 'text';
  pos: number;
  text: string;
}
export interface ActionNode {
  kind: 'action';
  pos: number;
  pipe: PipeNode;
}
export interface PipeNode {
  kind: 'pipe';
  pos: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface CommandNode {
  kind: 'command';
  pos: number;
  args: ArgNode[];
}
export interface IdentifierNode {
  kind: 'identifier';
  pos: number;
  ident: string;
}
/** `$x.A.B`: the variable name then its fields. */
export interface VariableNode {
  kind: 'variable';
  pos: number;
  ident: string[];
}
export interface DotNode {
  kind: 'dot';
  pos: number;
}
export interface NilNode {
  kind: 'nil';
  pos: number;
}
/** `.A.B`; a chained field is positioned at its last element, as Go does. */
export interface FieldNode {
  kind: 'field';
  pos: number;
  ident: string[];
}
/** `(pipeline).A.B` */
export interface ChainNode {
  kind: 'chain';
  pos: number;
  node: ArgNode;
  field: string[];
}
export interface BoolNode {
  kind: 'bool';
  pos: number;
  value: boolean;
}
export interface NumberNode {
  kind: 'number';
  pos: number;
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  int: number;
  float: number;
}
export interface StringNode {
  kind: 'string';
  pos: number;
  quoted: string;
  text: string;
}
export interface BranchNode {
  kind: 'if' | 'range' | 'with';
  pos: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}
export interface ListNode {
  kind: 'list';
  pos: number;
  nodes: Node[];
}
export interface TemplateNode {
  kind: 'template';
  pos: number;
  name: string;
  pipe: PipeNode | null;
}
export interface BreakNode {
  kind: 'break' | 'continue';
  pos: number;
}
/** {{end}} and {{else}} end a list while parsing; they never reach the tree. */
export type EndNode = { kind: 'end'; pos: number } | { kind: 'else'; pos: number };

export type ArgNode =
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | PipeNode;
export type Node = TextNode | ActionNode | BranchNode | ListNode | TemplateNode | BreakNode;
export type AnyNode = Node | ArgNode | CommandNode | EndNode;

/** A parsed template: a root list plus the text and top-level name errors are reported against. */
export interface Tree {
  name: string;
  root: ListNode;
}

/** node.String(): how Go echoes a node in `executing "" at <...>` and parse errors. */
export function nodeString(n: AnyNode): string {
  switch (n.kind) {
    case 'text':
      return n.text;
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'pipe': {
      const decl = n.decl.length > 0 ? n.decl.map(nodeString).join(', ') + ' := ' : '';
      return decl + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.kind === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'identifier':
      return n.ident;
    case 'variable':
      return n.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'field':
      return n.ident.map((id) => '.' + id).join('');
    case 'chain': {
      const head = n.node.kind === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node);
      return head + n.field.map((f) => '.' + f).join('');
    }
    case 'bool':
      return String(n.value);
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'if':
    case 'range':
    case 'with': {
      const elseText = n.elseList ? `{{else}}${nodeString(n.elseList)}` : '';
      return `{{${n.kind} ${nodeString(n.pipe)}}}${nodeString(n.list)}${elseText}{{end}}`;
    }
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'template':
      return `{{template ${quote(n.name)}${n.pipe ? ' ' + nodeString(n.pipe) : ''}}}`;
    case 'break':
    case 'continue':
    case 'end':
    case 'else':
      return `{{${n.kind}}}`;
  }
}

/** parse.IsEmptyTree: only spaces (and comments) in it. */
export function isEmptyTree(n: Node): boolean {
  if (n.kind === 'list') return n.nodes.every(isEmptyTree);
  if (n.kind === 'text') return n.text.trim() === '';
  return false;
}
