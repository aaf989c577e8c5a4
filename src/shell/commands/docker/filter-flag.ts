// docker's `-f, --filter filter` flag (opts.FilterOpt): `key=value`, repeatable, rejected early without an `=`.
import type { FlagSpec } from '../../flags';

export function filterFlag(help: string, short: string | null = 'f'): FlagSpec {
  return {
    name: 'filter',
    short: short ?? undefined,
    type: 'stringArray',
    valueName: 'filter',
    help,
    parse(raw) {
      if (!raw.includes('=')) return { error: 'bad format of filter (expected name=value)' };
      return { value: raw };
    },
  };
}

/** cli/command/formatter's FormatHelp text, shared by every `--format` flag that has a table format. */
export const FORMAT_HELP = `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

/** InspectFormatHelp, for `inspect -f`. */
export const INSPECT_FORMAT_HELP = `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;
