// Go's text/template, as docker `--format`, `docker inspect -f` and kubectl `-o go-template` run it.
//
// Data model (see values.ts): strings, numbers (integral -> int, else float64; goFloat(n) forces float64),
// booleans, arrays ([]interface {}), plain objects (map[string]interface {}), objects carrying [GO_TYPE]
// (structs of that type), null/undefined (nil). An exported function-valued property is a method: `.Label "x"`
// calls it with arguments, `.ID` calls it with none. Functions may carry a Go signature (goFunc) so calls are
// checked as Go checks them; one that throws an Error makes the call fail as a Go function returning an error.
import type { Tree } from './ast';
import { isBuiltin } from './builtins';
import { execute } from './exec';
import { parseTrees } from './parser';
import type { MissingKey } from './state';
import type { GoFunc } from './values';

export { GO_TYPE, GO_MAP_ZERO, GoFloat, goFloat, type GoFunc } from './values';
export { GO_SIGNATURE, goFunc, type GoParamType, type GoSignature } from './signature';
export { TemplateError } from './errors';
export { formatGoValue } from './printer';
export { sprint, sprintf, sprintln } from './printf';
export { marshalJson } from './json';

/** A parsed template: its own tree plus any {{define}}d or {{block}} ones, and the functions it may call. */
export interface Template {
  readonly name: string;
  readonly trees: ReadonlyMap<string, Tree>;
  readonly funcs: Readonly<Record<string, GoFunc>>;
  /** the template text as UTF-8, which error positions count in */
  readonly text: Uint8Array;
}

export interface ParseOptions {
  /** the template name in error messages; docker parses with "" */
  name?: string;
  /** extra functions, like template.Funcs; they take precedence over builtins of the same name */
  funcs?: Record<string, GoFunc>;
}

export interface ExecuteOptions {
  /** template.Option("missingkey=..."): what .Key on a map without that key gives */
  missingKey?: MissingKey;
}

/** template.New(name).Funcs(funcs).Parse(text); throws TemplateError with Go's message. */
export function parseTemplate(text: string, opts: ParseOptions = {}): Template {
  const name = opts.name ?? '';
  const funcs = opts.funcs ?? {};
  const hasFunction = (fn: string) =>
    (Object.prototype.hasOwnProperty.call(funcs, fn) && typeof funcs[fn] === 'function') || isBuiltin(fn);
  const trees = parseTrees(name, text, hasFunction);
  return { name, trees, funcs, text: new TextEncoder().encode(text) };
}

/**
 * Template.Execute(data): the output, or a TemplateError whose message is Go's and whose `partial` is what
 * Go had already written when it stopped.
 */
export function executeTemplate(t: Template, data: unknown, opts: ExecuteOptions = {}): string {
  const ctx = {
    trees: t.trees as Map<string, Tree>,
    text: t.text,
    parseName: t.name,
    funcs: t.funcs as Record<string, GoFunc>,
    missingKey: opts.missingKey ?? 'default',
    out: { text: '' },
  };
  return execute(ctx, t.name, data);
}
