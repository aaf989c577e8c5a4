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

/** stringid.TruncateID: the first 12 characters of an ID. */
export function truncateId(id: string): string {
  return id.slice(0, 12);
}
