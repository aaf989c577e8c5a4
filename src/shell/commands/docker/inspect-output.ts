// docker/cli's inspect.Inspect: the found objects as one 4-space-indented JSON array, or each through a Go
// template (-f), then the errors for the references that were not found (exit 1).
import type { CommandContext } from '../../types';
import { parseTemplate, executeTemplate, TemplateError } from '../../format/gotemplate';
import { dockerTemplateFuncs } from '../../format/gotemplate/docker-funcs';
import { goIndentJson } from '../../../core/docker/inspect-network';

export function printInspect(ctx: CommandContext, elements: unknown[], errors: string[], format: string): number {
  if (format === '' || format === 'json') {
    ctx.out(goIndentJson(elements) + '\n');
  } else {
    let tmpl;
    try {
      tmpl = parseTemplate(format.replaceAll('\\t', '\t').replaceAll('\\n', '\n'), { funcs: dockerTemplateFuncs });
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      ctx.err(`Template parsing error: ${e.message}\n`);
      return 1;
    }
    for (const el of elements) {
      try {
        ctx.out(executeTemplate(tmpl, el) + '\n');
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        ctx.err(`template parsing error: ${e.message}\n`);
        return 1;
      }
    }
  }
  for (const e of errors) ctx.err(e + '\n');
  return errors.length ? 1 : 0;
}
