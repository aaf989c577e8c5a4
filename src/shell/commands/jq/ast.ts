// The AST of a jq program: what the parser builds and the evaluator walks.
import type { Json } from './values';

export type Pattern =
  | { k: 'var'; name: string }
  | { k: 'array'; elems: Pattern[] }
  | { k: 'object'; entries: { key: Node; bind?: string; pattern?: Pattern }[] };

export interface FuncDef {
  name: string;
  /** Parameter names; a `$name` parameter is a value parameter. */
  params: string[];
  body: Node;
}

export type Node =
  | { k: 'identity' }
  | { k: 'recurse' }
  | { k: 'literal'; v: Json }
  | { k: 'string'; parts: (string | Node)[]; format?: string }
  | { k: 'format'; name: string }
  | { k: 'index'; target: Node; index: Node; pos: number }
  | { k: 'slice'; target: Node; from?: Node; to?: Node }
  | { k: 'iterate'; target: Node }
  | { k: 'try'; body: Node; handler?: Node }
  | { k: 'array'; body?: Node }
  | { k: 'object'; entries: { key: Node; value: Node }[] }
  | { k: 'neg'; e: Node }
  | { k: 'pipe'; l: Node; r: Node }
  | { k: 'comma'; l: Node; r: Node }
  | { k: 'binop'; op: string; l: Node; r: Node }
  | { k: 'and' | 'or' | 'alt'; l: Node; r: Node }
  | { k: 'assign'; op: string; l: Node; r: Node }
  | { k: 'if'; cond: Node; then: Node; else?: Node }
  | { k: 'reduce'; src: Node; pattern: Pattern; init: Node; update: Node }
  | { k: 'foreach'; src: Node; pattern: Pattern; init: Node; update: Node; extract?: Node }
  | { k: 'def'; def: FuncDef; body: Node }
  | { k: 'call'; name: string; args: Node[]; pos: number }
  | { k: 'var'; name: string; pos: number }
  | { k: 'as'; src: Node; pattern: Pattern; body: Node }
  | { k: 'label'; name: string; body: Node }
  | { k: 'break'; name: string; pos: number }
  | { k: 'loc'; line: number };
