// The reference section of docs/authoring.md, generated from the zod schemas so the guide can never drift from
// what the compiler accepts (a test fails when the guide is out of date; `UPDATE=1` rewrites it).
import { z } from 'zod';
import { PREDICATE_KINDS, PREDICATE_SCHEMAS } from './predicates';
import { quizSchema } from './quiz';
import { lessonFrontmatterSchema, partMetaSchema } from './frontmatter';

export const REFERENCE_BEGIN = '<!-- reference:begin (generated from src/lessons/schema by `UPDATE=1 npx vitest run tests/lessons/docs.test.ts`) -->';
export const REFERENCE_END = '<!-- reference:end -->';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  additionalProperties?: JsonSchema | boolean;
}

function typeText(s: JsonSchema): string {
  if (s.const !== undefined) return `\`${String(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (s.anyOf) return [...new Set(s.anyOf.map(typeText))].join(' or ');
  switch (s.type) {
    case 'string':
      return 'text';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return '`true`/`false`';
    case 'array':
      return `list of ${s.items ? typeText(s.items) : 'items'}`;
    case 'object':
      return s.properties ? 'mapping' : 'mapping of text to text';
    default:
      return 'value';
  }
}

function objectOf(s: JsonSchema): JsonSchema | undefined {
  if (s.properties) return s;
  return s.anyOf?.find((b) => b.properties);
}

/** A markdown table of a schema's fields. */
function table(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const obj = objectOf(json);
  if (!obj?.properties) return '';
  const rows = Object.entries(obj.properties).map(([key, p]) => {
    const required = obj.required?.includes(key) ? 'yes' : '';
    return `| \`${key}\` | ${typeText(p)} | ${required} | ${(p.description ?? '').replace(/\|/g, '\\|')} |`;
  });
  return ['| key | value | required | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** The whole generated reference, as markdown. */
export function referenceMarkdown(): string {
  const parts: string[] = [REFERENCE_BEGIN, ''];
  parts.push('### Lesson frontmatter', '', table(lessonFrontmatterSchema), '');
  parts.push('### Part `meta.md` frontmatter', '', table(partMetaSchema), '');
  parts.push('### Conditions (`check` items)', '');
  parts.push('Every item holds one of these keys (or `not:` around one), plus an optional `label`.', '');
  for (const kind of PREDICATE_KINDS) {
    const schema = PREDICATE_SCHEMAS[kind];
    parts.push(`#### \`${kind}\``, '', schema.description ?? '', '', table(schema), '');
  }
  parts.push('### Quiz', '', table(quizSchema), '', REFERENCE_END);
  return parts.join('\n');
}
