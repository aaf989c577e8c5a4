// curl 8.5's --write-out (src/tool_writeout.c): after each transfer, FORMAT with %{variable} replaced, `%%` for a
// percent sign and \n \r \t escapes; %{stdout} / %{stderr} switch the stream; an unknown name is reported.
import type { CommandContext } from '../../types';

/** What one transfer left behind for the write-out variables. */
export interface Transfer {
  url: string;
  scheme: string;
  method: string;
  status: number;
  /** The server's protocol version (1.1 unless it answered HTTP/1.0). */
  httpVersion?: string;
  contentType: string | null;
  headerBytes: number;
  bodyBytes: number;
  remoteIp: string;
  remotePort: number;
  redirects: number;
  totalUs: number;
  exitCode: number;
  errorMsg: string;
}

const seconds = (us: number) => (us / 1e6).toFixed(6);

function value(name: string, t: Transfer): string | undefined {
  const connected = t.remoteIp !== '';
  switch (name) {
    case 'http_code':
    case 'response_code':
      return String(t.status).padStart(3, '0');
    case 'http_version':
      return t.status ? (t.scheme === 'https' ? '2' : t.httpVersion ?? '1.1') : '0';
    case 'size_download':
      return String(t.bodyBytes);
    case 'size_header':
      return String(t.headerBytes);
    case 'size_upload':
      return '0';
    case 'speed_download':
      return String(t.totalUs ? Math.floor(t.bodyBytes / (t.totalUs / 1e6)) : 0);
    case 'time_total':
      return seconds(t.totalUs);
    case 'time_namelookup':
      return seconds(connected ? Math.min(t.totalUs, 4) : t.totalUs);
    case 'time_connect':
    case 'time_pretransfer':
      return seconds(connected ? Math.round(t.totalUs / 2) : 0);
    case 'time_starttransfer':
      return seconds(t.status ? t.totalUs : 0);
    case 'time_appconnect':
    case 'time_redirect':
      return seconds(0);
    case 'remote_ip':
      return t.remoteIp;
    case 'remote_port':
      return connected ? String(t.remotePort) : '0';
    case 'url':
    case 'url_effective':
      return t.url;
    case 'scheme':
      return t.scheme.toUpperCase();
    case 'method':
      return t.method;
    case 'content_type':
      return t.contentType ?? '';
    case 'num_redirects':
      return String(t.redirects);
    case 'num_connects':
      return connected ? '1' : '0';
    case 'exitcode':
      return String(t.exitCode);
    case 'errormsg':
      return t.errorMsg;
    default:
      return undefined;
  }
}

/** Prints FORMAT for transfer `t` (to stdout, or stderr after %{stderr}). */
export function writeOut(ctx: CommandContext, format: string, t: Transfer): void {
  let toErr = false;
  let buf = '';
  const flush = () => {
    if (buf) (toErr ? ctx.err : ctx.out)(buf);
    buf = '';
  };
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '%' && format[i + 1] === '%') {
      buf += '%';
      i++;
    } else if (c === '%' && format[i + 1] === '{' && format.indexOf('}', i) > 0) {
      const end = format.indexOf('}', i);
      const name = format.slice(i + 2, end);
      i = end;
      if (name === 'stdout' || name === 'stderr') {
        flush();
        toErr = name === 'stderr';
        continue;
      }
      const v = value(name, t);
      if (v === undefined) {
        flush();
        ctx.err(`curl: unknown --write-out variable: '${name}'\n`);
      } else buf += v;
    } else if (c === '\\' && 'nrt'.includes(format[i + 1] ?? '')) {
      buf += { n: '\n', r: '\r', t: '\t' }[format[i + 1] as 'n' | 'r' | 't'];
      i++;
    } else buf += c;
  }
  flush();
}
