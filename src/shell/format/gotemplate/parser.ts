// Go's template parser (text/template/parse/parse.go): items to trees, failing with Go's exact parse errors.
import {
  isEmptyTree,
  nodeString,
  type BranchNode,
  type EndNode,
  type ListNode,
  type Node,
  type PipeNode,
  type TemplateNode,
  type Tree,
} from './ast';
import type { Item } from './items';
import { lex, type Lexer } from './lexer';
import { PipelineParser } from './pipeline';
import { quote } from './quote';

interface Shared {
  lexer: Lexer;
  parseName: string;
  hasFunction: (name: string) => boolean;
  trees: Map<string, Tree>;
}

/** parse.Parse: the named template and every {{define}}/{{block}} in `text`, by name. */
export function parseTrees(name: string, text: string, hasFunction: (name: string) => boolean): Map<string, Tree> {
  const options = { breakOK: !hasFunction('break'), continueOK: !hasFunction('continue') };
  const shared: Shared = { lexer: lex(text, options), parseName: name, hasFunction, trees: new Map() };
  const top = new Parser(name, shared);
  top.parse();
  top.add();
  return shared.trees;
}

/** One tree being parsed (Go's parse.Tree during Parse); definitions get their own, sharing the lexer. */
class Parser extends PipelineParser {
  private rangeDepth = 0;
  private root: ListNode = { kind: 'list', pos: 0, nodes: [] };

  constructor(
    private name: string,
    private readonly s: Shared,
  ) {
    super(s.lexer, s.parseName, s.hasFunction);
  }

  // --- templates ---

  add(): void {
    const old = this.s.trees.get(this.name);
    if (old === undefined || isEmptyTree(old.root)) {
      this.s.trees.set(this.name, { name: this.name, root: this.root });
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${quote(this.name)}`);
  }

  /** The top level: like itemList, but also takes {{define}} and runs to EOF. */
  parse(): void {
    this.root = { kind: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().type === 'define') {
          new Parser('definition', this.s).parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      this.root.nodes.push(n);
    }
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const t = this.nextNonSpace();
    if (t.type !== 'string' && t.type !== 'rawString') this.unexpected(t, context);
    this.name = this.unquoted(t);
    this.expect('rightDelim', context);
    const [list, end] = this.itemList();
    if (end.kind !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.root = list;
    this.add();
  }

  private itemList(): [ListNode, EndNode] {
    const list: ListNode = { kind: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node | EndNode {
    const token = this.nextNonSpace();
    if (token.type === 'text') return { kind: 'text', pos: token.pos, text: token.val };
    if (token.type !== 'leftDelim') this.unexpected(token, 'input');
    this.actionLine = token.line;
    try {
      return this.action();
    } finally {
      this.actionLine = 0;
    }
  }

  private action(): Node | EndNode {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue':
        return this.breakControl(token);
      case 'else':
        return this.elseControl();
      case 'end':
        return { kind: 'end', pos: this.expect('rightDelim', 'end').pos };
      case 'if':
      case 'range':
      case 'with':
        return this.control(token.type);
      case 'template':
        return this.templateControl();
    }
    this.backup();
    const pos = this.peek().pos;
    // Variables declared here persist until the enclosing {{end}}.
    return { kind: 'action', pos, pipe: this.pipeline('command', 'rightDelim') };
  }

  private breakControl(keyword: Item): Node {
    const name = `{{${keyword.type}}}`;
    const t = this.nextNonSpace();
    if (t.type !== 'rightDelim') this.unexpected(t, name);
    if (this.rangeDepth === 0) this.errorf(`${name} outside {{range}}`);
    return { kind: keyword.type as 'break' | 'continue', pos: keyword.pos };
  }

  /** {{else}}; for {{else if}} / {{else with}} the keyword is left for the enclosing control to take. */
  private elseControl(): EndNode {
    const peek = this.peekNonSpace();
    if (peek.type === 'if' || peek.type === 'with') return { kind: 'else', pos: peek.pos };
    return { kind: 'else', pos: this.expect('rightDelim', 'else').pos };
  }

  /** {{if}}, {{range}}, {{with}}: pipeline, list, optional else list, end. */
  private control(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      const [list, end] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (end.kind === 'else') {
        // {{else if x}} is {{else}}{{if x}}...{{end}}{{end}}, the inner {{end}} doing for both.
        if (context !== 'range' && this.peek().type === context) {
          this.next();
          elseList = { kind: 'list', pos: end.pos, nodes: [this.control(context)] };
        } else {
          const [list2, end2] = this.itemList();
          if (end2.kind !== 'end') this.errorf(`expected end; found ${nodeString(end2)}`);
          elseList = list2;
        }
      }
      return { kind: context, pos: pipe.pos, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private templateName(token: Item, context: string): string {
    if (token.type !== 'string' && token.type !== 'rawString') this.unexpected(token, context);
    return this.unquoted(token);
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { kind: 'template', pos: token.pos, name, pipe };
  }

  /** {{block "name" pipeline}} body {{end}}: a definition plus a call of it. */
  private blockControl(): TemplateNode {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const block = new Parser(name, this.s);
    const [list, end] = block.itemList();
    if (end.kind !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.root = list;
    block.add();
    return { kind: 'template', pos: token.pos, name, pipe };
  }
}
