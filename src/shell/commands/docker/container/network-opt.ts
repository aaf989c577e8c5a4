// docker/cli's opts.NetworkOpt: one `--network` value, a plain name or the long `name=x,alias=y,ip=z` syntax that
// the CLI reads as one CSV record (encoding/csv), so a quoted field may hold commas (`"driver-opt=k=a,b"`).
import { CliError } from './cli-error';

/** One parsed `--network` value (opts.NetworkAttachmentOpts). */
export interface NetworkAttachment {
  target: string;
  aliases: string[];
  ipv4: string;
  ipv6: string;
  macAddress: string;
  linkLocalIps: string[];
  driverOpts: Record<string, string>;
}

/** encoding/csv Reader.Read of a one-line record, with Go's ParseError text for bad quoting. */
export function readCsvRecord(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const err = (col: number, what: string) => new CliError(`parse error on line 1, column ${col}: ${what}`);
  for (;;) {
    if (line[i] !== '"') {
      const end = line.indexOf(',', i);
      const field = end < 0 ? line.slice(i) : line.slice(i, end);
      const q = field.indexOf('"');
      if (q >= 0) throw err(i + q + 1, 'bare " in non-quoted-field');
      fields.push(field);
      if (end < 0) return fields;
      i = end + 1;
      continue;
    }
    let field = '';
    let j = i + 1;
    for (;;) {
      const q = line.indexOf('"', j);
      if (q < 0) throw err(line.length + 1, 'extraneous or missing " in quoted-field');
      field += line.slice(j, q);
      if (line[q + 1] === '"') {
        field += '"';
        j = q + 2;
      } else if (q + 1 === line.length || line[q + 1] === ',') {
        fields.push(field);
        if (q + 1 === line.length) return fields;
        i = q + 2;
        break;
      } else throw err(q + 1, 'extraneous or missing " in quoted-field');
    }
  }
}

/** parseDriverOpt: `key=value`, both trimmed. */
function parseDriverOpt(text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new CliError('invalid key value pair format in driver options');
  return [text.slice(0, eq).trim(), text.slice(eq + 1).trim()];
}

/** NetworkOpt.Set: the long syntax when the value has a `word=word` pair anywhere, else the whole value is the target. */
export function parseNetworkOpt(value: string): NetworkAttachment {
  const att: NetworkAttachment = { target: value, aliases: [], ipv4: '', ipv6: '', macAddress: '', linkLocalIps: [], driverOpts: {} };
  if (!/\w+=\w+(,\w+=\w+)*/.test(value)) return att;
  att.target = '';
  for (const field of readCsvRecord(value)) {
    const eq = field.indexOf('=');
    if (eq <= 0) throw new CliError(`invalid field ${field}`);
    const key = field.slice(0, eq).trim().toLowerCase();
    const v = field.slice(eq + 1).trim();
    if (key === 'name') att.target = v;
    else if (key === 'alias') att.aliases.push(v);
    else if (key === 'ip') att.ipv4 = v;
    else if (key === 'ip6') att.ipv6 = v;
    else if (key === 'mac-address') att.macAddress = v;
    else if (key === 'link-local-ip') att.linkLocalIps.push(v);
    else if (key === 'driver-opt') {
      const [k, dv] = parseDriverOpt(v);
      att.driverOpts[k] = dv;
    } else throw new CliError(`invalid field key ${key}`);
  }
  if (att.target === '') throw new CliError('network name/id is not specified');
  return att;
}
