// curl 8.5.0 (Ubuntu 24.04): GET or HEAD over the emulated network; -s, -S, -I, -i, -v, -L, -f, -o, -m,
// --connect-timeout; errors with curl's numbers and words.
import { FlagSet, describeFlagError } from '../../flags';
import type { CommandContext, Program } from '../../types';
import { readFile, writeFile } from '../../vfs';
import { writeOut, type Transfer } from './write-out';
import type { HttpResponse } from '../../../core/sim/http';
import { fetchHttp, parseUrl, type Url } from './fetch';
import { internetHostAt } from '../../../core/dns/internet';
import { parseIpv4 } from '../../../core/net/ipv4';

/** Whether a TLS handshake succeeds: the lab's internet sites serve HTTPS on 443; nothing else speaks TLS. */
function tlsServer(ip: string, port: number): boolean {
  const addr = parseIpv4(ip);
  return port === 443 && addr !== null && internetHostAt(addr) !== undefined;
}

const flags = new FlagSet(
  {
    flags: [
      { name: 'silent', short: 's', type: 'bool', help: 'Silent mode' },
      { name: 'show-error', short: 'S', type: 'bool', help: 'Show error even when -s is used' },
      { name: 'head', short: 'I', type: 'bool', help: 'Show document info only' },
      { name: 'include', short: 'i', type: 'bool', help: 'Include protocol response headers in the output' },
      { name: 'verbose', short: 'v', type: 'bool', help: 'Make the operation more talkative' },
      { name: 'location', short: 'L', type: 'bool', help: 'Follow redirects' },
      { name: 'fail', short: 'f', type: 'bool', help: 'Fail fast with no output on HTTP errors' },
      { name: 'output', short: 'o', type: 'string', help: 'Write to file instead of stdout' },
      { name: 'max-time', short: 'm', type: 'string', help: 'Maximum time allowed for transfer' },
      { name: 'connect-timeout', type: 'string', help: 'Maximum time allowed for connection' },
      { name: 'user-agent', short: 'A', type: 'string', help: 'Send User-Agent <name> to server' },
      { name: 'help', short: 'h', type: 'bool', help: 'Get help for commands' },
      { name: 'version', short: 'V', type: 'bool', help: 'Show version number and quit' },
      { name: 'insecure', short: 'k', type: 'bool', help: 'Allow insecure server connections' },
      { name: 'write-out', short: 'w', type: 'string', help: 'Use output FORMAT after completion' },
      { name: 'request', short: 'X', type: 'string', help: 'Specify request method to use' },
      { name: 'header', short: 'H', type: 'stringArray', help: 'Pass custom header(s) to server' },
      { name: 'data', short: 'd', type: 'stringArray', help: 'HTTP POST data' },
      { name: 'data-raw', type: 'stringArray', help: 'HTTP POST data, \'@\' allowed' },
      { name: 'data-binary', type: 'stringArray', help: 'HTTP POST binary data' },
      { name: 'user', short: 'u', type: 'string', help: 'Server user and password' },
    ],
    allowAbbrev: false,
  },
  'gnu',
);

const HELP = `Usage: curl [options...] <url>
 -d, --data <data>          HTTP POST data
 -f, --fail                 Fail fast with no output on HTTP errors
 -h, --help <category>      Get help for commands
 -i, --include              Include protocol response headers in the output
 -o, --output <file>        Write to file instead of stdout
 -O, --remote-name          Write output to a file named as the remote file
 -s, --silent               Silent mode
 -T, --upload-file <file>   Transfer local file to destination
 -u, --user <user:password> Server user and password
 -A, --user-agent <name>    Send User-Agent <name> to server
 -v, --verbose              Make the operation more talkative
 -V, --version              Show version number and quit

This is not the full help, this menu is stripped into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`;

const VERSION = `curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7
Release-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.6
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`;

/** The status line and headers as curl shows them: HTTP/1.1 as sent, HTTP/2 (lower-case names) over https. */
function headerBlock(url: Url, r: HttpResponse): string {
  if (url.scheme === 'https') return `HTTP/2 ${r.status} \r\n${r.headers.map(([k, v]) => `${k.toLowerCase()}: ${v}\r\n`).join('')}\r\n`;
  return `HTTP/${r.httpVersion ?? '1.1'} ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}

async function run(ctx: CommandContext): Promise<number> {
  const r = flags.parse(ctx.argv.slice(1));
  if (!r.ok) {
    const e = r.error;
    if (e.kind === 'unknown') ctx.err(`curl: option ${e.letter ? '-' + e.letter : e.token}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    else ctx.err(`curl: option ${e.token}: ${e.kind === 'missing-value' ? 'requires parameter' : describeFlagError(e, 'gnu')}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  const v = r.parsed.values;
  if (v.help || r.parsed.help) {
    ctx.out(HELP);
    return 0;
  }
  if (v.version) {
    ctx.out(VERSION);
    return 0;
  }
  const showErr = !v.silent || !!v['show-error'];
  let t: Transfer | null = null;
  const fail = (code: number, msg: string) => {
    if (showErr) ctx.err(`curl: (${code}) ${msg}\n`);
    if (t) Object.assign(t, { exitCode: code, errorMsg: msg });
    return code;
  };
  // -w @file reads the format from a file (@- from stdin).
  let format = (v['write-out'] as string | undefined) ?? null;
  if (format?.startsWith('@')) {
    const f = format === '@-' ? { ok: true as const, content: ctx.stdin ?? '' } : readFile(ctx.world, ctx.env, format.slice(1));
    format = f.ok ? f.content : '';
  }
  if (r.parsed.args.length === 0) {
    ctx.err("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  let status = 0;
  for (const raw of r.parsed.args) {
    let target = raw;
    const xfer: Transfer = { url: raw, scheme: 'http', method: v.head ? 'HEAD' : 'GET', status: 0, contentType: null, headerBytes: 0, bodyBytes: 0, remoteIp: '', remotePort: 0, redirects: 0, totalUs: 0, exitCode: 0, errorMsg: '' };
    t = xfer;
    const started = ctx.world.clock.now();
    for (let hops = 0; hops < 10; hops++) {
      const url = parseUrl(target);
      if (!('error' in url)) Object.assign(xfer, { url: `${url.scheme}://${url.hostHeader}${url.path}`, scheme: url.scheme, remotePort: url.port });
      if ('error' in url) {
        status = url.error === 'scheme' ? fail(1, `Protocol "${url.scheme}" not supported`) : fail(3, url.error === 'port' ? 'URL rejected: Port number was not a decimal number between 0 and 65535' : 'URL rejected: Bad hostname');
        break;
      }
      const data = [...(v.data as string[]), ...(v['data-raw'] as string[]), ...(v['data-binary'] as string[])];
      const body = data.length ? data.join('&') : undefined;
      // -X names the method; -d sends a body with POST unless -X says otherwise; a redirect after POST becomes GET.
      const method = hops === 0 && v.request ? (v.request as string) : v.head ? 'HEAD' : body !== undefined && hops === 0 ? 'POST' : 'GET';
      const extra = (v.header as string[]).map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()] as [string, string]).filter(([k]) => k);
      const ua = extra.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? ((v['user-agent'] as string) || 'curl/8.5.0');
      const hostHeader = extra.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? url.hostHeader;
      const f = fetchHttp(ctx, url, { method, path: url.path, host: hostHeader, userAgent: ua, body });
      const limitS = Number(v['max-time'] || v['connect-timeout'] || 0);
      if (f.kind === 'resolve-failed') {
        if (!(await ctx.sleep(f.res.elapsedUs))) return 130;
        status = fail(6, `Could not resolve host: ${url.host}`);
        break;
      }
      if (v.verbose) ctx.err(`*   Trying ${f.ip}:${url.port}...\n`);
      if (f.kind === 'response') xfer.remoteIp = f.ip;
      if (f.kind === 'connect-failed') {
        // --max-time / --connect-timeout cut a connect that would take longer (a timeout, or ARP giving up).
        const cut = limitS > 0 && f.how !== 'refused' && f.elapsedUs > limitS * 1e6;
        const wait = cut ? limitS * 1e6 + 1000 : f.elapsedUs;
        if (!(await ctx.sleep(wait))) return 130;
        const ms = Math.round(wait / 1000);
        if (cut) status = fail(28, `Connection timed out after ${ms} milliseconds`);
        else status = fail(f.how === 'timeout' ? 28 : 7, `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Couldn't connect to server`);
        break;
      }
      // TLS needs a server that speaks it: only the internet's sites on 443 do; a plain HTTP port answers garbage.
      if (url.scheme === 'https' && !tlsServer(f.ip, url.port)) {
        if (!(await ctx.sleep(f.kind === 'response' ? f.elapsedUs : 1000))) return 130;
        status = fail(35, 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number');
        break;
      }
      if (f.kind === 'reset' || f.kind === 'empty' || f.kind === 'not-http') {
        status = f.kind === 'reset' ? fail(56, 'Recv failure: Connection reset by peer') : f.kind === 'empty' ? fail(52, 'Empty reply from server') : fail(1, 'Received HTTP/0.9 when not allowed');
        break;
      }
      if (!(await ctx.sleep(f.elapsedUs))) return 130;
      const resp = f.response;
      Object.assign(xfer, {
        status: resp.status,
        httpVersion: resp.httpVersion ?? '1.1',
        contentType: resp.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null,
        headerBytes: headerBlock(url, resp).length,
        bodyBytes: v.head ? 0 : new TextEncoder().encode(resp.body).length,
      });
      if (v.verbose) {
        const custom = extra.filter(([k]) => !['host', 'user-agent'].includes(k.toLowerCase())).map(([k, val]) => `> ${k}: ${val}\n`).join('');
        const sent = body === undefined ? '' : `> Content-Length: ${new TextEncoder().encode(body).length}\n> Content-Type: application/x-www-form-urlencoded\n`;
        ctx.err(`* Connected to ${url.host} (${f.ip}) port ${url.port}\n> ${method} ${url.path} HTTP/1.1\n> Host: ${hostHeader}\n> User-Agent: ${ua}\n> Accept: */*\n${custom}${sent}> \n`);
        ctx.err(headerBlock(url, resp).split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join(''));
      }
      if (v.fail && resp.status >= 400) {
        status = fail(22, `The requested URL returned error: ${resp.status}`);
        break;
      }
      const location = resp.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
      if (v.location && location && resp.status >= 300 && resp.status < 400) {
        if (v.head || v.include) ctx.out(headerBlock(url, resp));
        target = location;
        xfer.redirects++;
        continue;
      }
      let out = v.head || v.include ? headerBlock(url, resp) : '';
      if (!v.head) out += resp.body;
      if (v.output) {
        const problem = writeFile(ctx.world, ctx.env, v.output as string, out, false);
        if (problem) status = fail(23, `Failure writing output to destination, passed ${out.length} returned 0`);
      } else ctx.out(out);
      if (v.verbose) ctx.err(`* Connection #0 to host ${url.host} left intact\n`);
      break;
    }
    xfer.totalUs = ctx.world.clock.now() - started;
    if (format !== null) writeOut(ctx, format, xfer);
  }
  return status;
}

export const curl: Program = {
  name: 'curl',
  summary: 'transfer a URL',
  flavors: ['ubuntu', 'debian'],
  run,
};
