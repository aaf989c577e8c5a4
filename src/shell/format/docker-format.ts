// docker/cli's formatter.Context: `--format` as table / json / Go template, rows through docker's tabwriter.
import { parseTemplate, executeTemplate, TemplateError, type Template } from './gotemplate';
import { dockerHeaderFuncs, dockerTemplateFuncs } from './gotemplate/docker-funcs';
import { DOCKER_TABWRITER, tabwrite } from './tabwriter';

/** What `docker ... --format` accepted: a finished rendering, or the error text docker prints (exit 1). */
export type FormatResult = { ok: true; text: string } | { ok: false; error: string };

export function isTableFormat(format: string): boolean {
  return format.startsWith('table');
}

/** formatter.Context.preFormat: strip `table`, expand `json`, trim spaces, turn literal `\t` / `\n` into characters. */
function finalFormat(format: string): string {
  let f = format;
  if (isTableFormat(f)) f = f.slice('table'.length);
  else if (f === 'json') f = '{{json .}}';
  return f.replace(/^ +| +$/g, '').replaceAll('\\t', '\t').replaceAll('\\n', '\n');
}

function parse(text: string, funcs = dockerTemplateFuncs): Template | string {
  try {
    return parseTemplate(text, { funcs });
  } catch (e) {
    if (e instanceof TemplateError) return `template parsing error: ${e.message}`;
    throw e;
  }
}

/**
 * Renders `rows` with `format` (already resolved from defaults by the command), like formatter.Context.Write.
 * `header` maps placeholder names to column titles (the SubHeaderContext).
 */
export function renderFormat(format: string, rows: readonly unknown[], header: Record<string, string>): FormatResult {
  const text = finalFormat(format);
  const fast = renderFieldsOnly(text, rows, header, isTableFormat(format));
  if (fast !== null) return { ok: true, text: fast };
  const tmpl = parse(text);
  if (typeof tmpl === 'string') return { ok: false, error: tmpl };
  let body = '';
  for (const row of rows) {
    try {
      body += executeTemplate(tmpl, row) + '\n';
    } catch (e) {
      if (e instanceof TemplateError) return { ok: false, error: `template parsing error: ${e.message}` };
      throw e;
    }
  }
  if (!isTableFormat(format)) return { ok: true, text: body };
  // The header is the same template run over the header map with identity functions; errors just stop it early.
  let head = '';
  const headTmpl = parse(text, dockerHeaderFuncs);
  if (typeof headTmpl !== 'string') {
    try {
      head = executeTemplate(headTmpl, header);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      head = (e as TemplateError & { partial?: string }).partial ?? '';
    }
  }
  return { ok: true, text: tabwrite(head + '\n' + body, DOCKER_TABWRITER) };
}

/**
 * Templates made only of text and `{{.Field}}` actions (every default table), run by calling each row's
 * string-valued method directly: what text/template would print, without interpreting it per row (`docker ps`
 * over a thousand containers). Anything else, or a field that is not such a method, returns null.
 */
function renderFieldsOnly(text: string, rows: readonly unknown[], header: Record<string, string>, table: boolean): string | null {
  const parts = text.split(/\{\{\.([A-Za-z_][A-Za-z0-9_]*)\}\}/);
  for (let i = 0; i < parts.length; i += 2) if (parts[i].includes('{{') || parts[i].includes('}}')) return null;
  if (table && parts.some((p, i) => i % 2 === 1 && header[p] === undefined)) return null;
  let body = '';
  for (const row of rows) {
    for (let i = 0; i < parts.length; i++) {
      if (i % 2 === 0) {
        body += parts[i];
        continue;
      }
      const method = (row as Record<string, unknown>)[parts[i]];
      const value = typeof method === 'function' ? (method as () => unknown).call(row) : undefined;
      if (typeof value !== 'string') return null;
      body += value;
    }
    body += '\n';
  }
  if (!table) return body;
  const head = parts.map((p, i) => (i % 2 === 0 ? p : header[p])).join('');
  return tabwrite(head + '\n' + body, DOCKER_TABWRITER);
}

/** stringid.TruncateID: the first 12 characters of an ID. */
export function truncateId(id: string): string {
  return id.slice(0, 12);
}
