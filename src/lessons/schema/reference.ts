// The reference section of docs/authoring.md, generated from the zod schemas so the guide can never drift from
// what the compiler accepts (a test fails when the guide is out of date; `UPDATE=1` rewrites it).
import { z } from 'zod';
import { PREDICATE_KINDS, PREDICATE_SCHEMAS } from './predicates';
import { quizSchema } from './quiz';
import { lessonFrontmatterSchema, partMetaSchema } from './frontmatter';
import { IMAGE_CATALOG, imageHasExecutable } from '../../core/docker/image-catalog';
import { HOST_ABSENT, imageDistro, packageInfo, packageNames, type Distro } from '../../core/os/packages';

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
  parts.push('### Quiz', '', table(quizSchema), '');
  parts.push(...imagesAndPackages(), REFERENCE_END);
  return parts.join('\n');
}

/** Tools a networking lesson reaches for, to say which each image lacks. */
const USUAL_TOOLS = ['ping', 'curl', 'wget', 'ip', 'ss', 'nslookup', 'dig', 'nc', 'traceroute', 'tcpdump', 'iptables'];

const DISTRO_TOOL: Record<Distro, string> = {
  debian: 'Debian bookworm images (`apt-get update`, then `apt-get install -y PKG`)',
  ubuntu: 'Ubuntu noble (the `ubuntu` image, and the host with `sudo`)',
  alpine: 'Alpine 3.21 images (`apk add PKG`)',
};

/** The images `docker pull`/`docker run` can fetch, what they lack, and the packages that add it. */
function imagesAndPackages(): string[] {
  const rows = IMAGE_CATALOG.map((img) => {
    const distro = imageDistro(img);
    const lacks = USUAL_TOOLS.filter((t) => !imageHasExecutable(img, t));
    const installs = distro ? (distro === 'alpine' ? '`apk add`' : '`apt-get install`') : 'nothing (no package manager)';
    return `| \`${img.repo}\` | ${img.tags.map((t) => `\`${t}\``).join(' ')} | ${installs} | ${lacks.length ? lacks.map((t) => `\`${t}\``).join(' ') : '(none of them)'} |`;
  });
  // One line per distinct list (Debian and Ubuntu offer the same names).
  const byList = new Map<string, Distro[]>();
  for (const d of ['debian', 'ubuntu', 'alpine'] as Distro[]) {
    const list = packageNames(d).flatMap((n) => {
      const info = packageInfo(d, n);
      return info ? [`\`${n}\` (${info.commands.map((c) => `\`${c}\``).join(' ')})`] : [];
    }).join(', ');
    byList.set(list, [...(byList.get(list) ?? []), d]);
  }
  const pkgs = [...byList].map(([list, ds]) => `- ${ds.map((d) => DISTRO_TOOL[d]).join('; ')}: ${list}`);
  return [
    '### Images and packages',
    '',
    'The images the lab can pull (any other name fails as on a registry where it does not exist), and which of the usual',
    'network tools each one lacks (`docker exec NAME TOOL` then fails with `executable file not found in $PATH`, exit',
    'status 126). A package manager inside the container adds them; it really fetches from its mirror over the emulated',
    'network, so the container needs a way out (on an `--internal` network `apt-get update` cannot resolve the mirror).',
    '',
    '| image | tags | adds packages with | lacks |',
    '|---|---|---|---|',
    ...rows,
    '',
    'Packages that add commands:',
    '',
    ...pkgs,
    '',
    `The host (Ubuntu) has the usual tools except ${HOST_ABSENT.map((c) => `\`${c}\``).join(', ')}, which \`sudo apt-get install -y PKG\` adds.`,
    '',
  ];
}
