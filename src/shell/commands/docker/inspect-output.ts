// docker/cli's inspect.Inspect: the found objects as one 4-space-indented JSON array, or each through a Go
// template (-f), then the errors for the references that were not found (exit 1).
import type { CommandContext } from '../../types';
import { parseTemplate, executeTemplate, TemplateError } from '../../format/gotemplate';
import { dockerTemplateFuncs } from '../../format/gotemplate/docker-funcs';
import { goIndentJson } from '../../../core/docker/go-json';
import { DaemonError } from '../../../core/docker/errors';

/**
 * The lookup loop of `docker <object> inspect`: each reference through `find`, a miss as the daemon's error
 * (`Error response from daemon: ...`) after the objects that were found.
 */
export function inspectEach(ctx: CommandContext, refs: string[], format: string, find: (ref: string) => unknown): number {
  const found: unknown[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    try {
      found.push(find(ref));
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(`Error response from daemon: ${e.message}`);
    }
  }
  return printInspect(ctx, found, errors, format);
}

export function printInspect(ctx: CommandContext, elements: unknown[], errors: string[], format: string): number {
  if (format === '' || format === 'json') {
    ctx.out(goIndentJson(elements) + '\n');
  } else {
    let tmpl;
    try {
      // inspect parses the format as typed (no \\t, \\n rewriting: that is the list formatters'), so {{"\\n"}} works.
      tmpl = parseTemplate(format, { funcs: dockerTemplateFuncs });
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      ctx.err(`template parsing error: ${e.message}\n`);
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
