// The parser's view of the lexer (parse.go's Tree token methods): three tokens of lookahead and Go's errors.
import { TemplateError } from './errors';
import { itemString, type Item, type ItemType } from './items';
import type { Lexer } from './lexer';
import { unquote } from './quote';

export class TokenStream {
  protected readonly token: Item[] = [];
  protected peekCount = 0;
  /** line of the {{ that opened the action being parsed, for "unclosed action started at" */
  protected actionLine = 0;

  constructor(
    protected readonly lexer: Lexer,
    protected readonly parseName: string,
  ) {}

  protected next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lexer.nextItem();
    return this.token[this.peekCount];
  }
  protected backup(): void {
    this.peekCount++;
  }
  protected backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  protected backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  protected peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.lexer.nextItem();
    return this.token[0];
  }
  protected nextNonSpace(): Item {
    let t: Item;
    do t = this.next();
    while (t.type === 'space');
    return t;
  }
  protected peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  // --- errors ---

  protected errorf(msg: string): never {
    throw new TemplateError(`template: ${this.parseName}:${this.token[0].line}: ${msg}`);
  }
  protected unexpected(token: Item, context: string): never {
    if (token.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(token.val + extra);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }
  protected expect(type: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.type !== type) this.unexpected(t, context);
    return t;
  }
  protected unquoted(token: Item): string {
    try {
      return unquote(token.val);
    } catch (e) {
      this.errorf((e as Error).message);
    }
  }
}
