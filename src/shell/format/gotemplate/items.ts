// The tokens of Go's template lexer (text/template/parse/lex.go item and itemType).
import { quote } from './quote';

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

export const KEYWORDS: Record<string, ItemType> = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  range: 'range',
  nil: 'nil',
  template: 'template',
  with: 'with',
};
const KEYWORD_TYPES = new Set(Object.values(KEYWORDS));

export interface Item {
  type: ItemType;
  /** byte offset of the item in the template text */
  pos: number;
  val: string;
  line: number;
}

/** item.String(), as parse errors quote a token: EOF, <keyword>, "text" or "first 10..."... */
export function itemString(i: Item): string {
  if (i.type === 'eof') return 'EOF';
  if (i.type === 'error') return i.val;
  if (KEYWORD_TYPES.has(i.type)) return `<${i.val}>`;
  if (new TextEncoder().encode(i.val).length > 10) return quote([...i.val].slice(0, 10).join('')) + '...';
  return quote(i.val);
}
