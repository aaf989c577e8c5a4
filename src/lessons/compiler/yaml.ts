// YAML embedded in a lesson (frontmatter, check and quiz blocks), parsed with positions so every problem can be
// reported at the exact line and column of the file.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { LineIndex, type Pos } from './diagnostics';
import type { IssuePath } from '../schema/issues';

export interface EmbeddedYaml {
  value: unknown;
  errors: { pos: Pos; message: string }[];
  /** The file position of the node at `path` (its key when `atKey`), or of its nearest existing ancestor. */
  locate(path: IssuePath, atKey?: boolean): Pos;
}

/**
 * Parses `text`, which starts at `origin` in the file; lines after the first start at column `indent + 1`
 * (a fence's content keeps the indentation markdown removed from it).
 */
export function parseEmbeddedYaml(text: string, origin: Pos, indent = 0): EmbeddedYaml {
  const lines = new LineIndex(text);
  const toFile = (p: Pos): Pos => ({
    line: origin.line + p.line - 1,
    column: (p.line === 1 ? origin.column : indent + 1) + p.column - 1,
  });
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const errors = doc.errors.map((e) => ({
    pos: toFile(lines.pos(e.pos[0])),
    message: yamlMessage(e.message),
  }));
  const value = errors.length ? undefined : doc.toJS();

  function locate(path: IssuePath, atKey = false): Pos {
    let node: unknown = doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const key = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
        if (!pair) break;
        if (last && atKey) {
          offset = rangeStart(pair.key) ?? offset;
          break;
        }
        node = pair.value;
        offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key] !== undefined) {
        node = node.items[key];
        offset = rangeStart(node) ?? offset;
      } else {
        break;
      }
    }
    return toFile(lines.pos(offset));
  }

  return { value, errors, locate };
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

/** The yaml library's message without its own (block-relative) position. */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `YAML: ${first}`;
}
