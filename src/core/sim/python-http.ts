// Python's http.server (SimpleHTTPRequestHandler, Python 3.12): serves a directory of the world's files (index.html
// when there is one, else a listing), answers HTTP/1.0, and writes a log line per request to its process's stderr.
import type { World } from '../world';
import type { Socket } from '../kernel/types';
import { registerTcpResponder, type AppRequest } from './apps';
import { httpDate, byteLength, type HttpRequest, type HttpResponse } from './http';
import { formatIpv4 } from '../net/ipv4';
import { MONTH_NAMES as MONTHS } from './clock';

export const PYTHON_HTTP_SERVICE = 'python-http';
export const PYTHON_VERSION = '3.12.3';
const SERVER = `SimpleHTTP/0.6 Python/${PYTHON_VERSION}`;

/** Where each serving socket's process writes its log (its terminal); process state, not world state. */
const logSinks = new WeakMap<Socket, (line: string) => void>();

/** The process behind `socket` prints each request's log line with `sink`. */
export function attachLog(socket: Socket, sink: (line: string) => void): void {
  logSinks.set(socket, sink);
}

/** BaseHTTPRequestHandler.log_date_time_string: `03/Mar/2025 09:30:08`. */
function logTime(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** mimetypes.guess_type for the common extensions; anything else is a byte stream. */
function contentType(path: string): string {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  const known: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'text/javascript', json: 'application/json', md: 'text/markdown', conf: 'application/octet-stream', sh: 'application/x-sh', xml: 'application/xml', png: 'image/png', svg: 'image/svg+xml' };
  return known[ext] ?? 'application/octet-stream';
}

/** The entries directly under `dir` among the files and directories stored for `fsRoot` (null: no such directory). */
function listDir(world: World, fsRoot: string, dir: string): { name: string; dir: boolean }[] | null {
  const prefix = `${fsRoot}:${dir === '/' ? '' : dir}/`;
  const found = new Map<string, boolean>();
  const keys = [...Object.keys(world.state.files ?? {}), ...Object.keys(world.state.fsMeta ?? {})];
  for (const k of keys) {
    if (!k.startsWith(prefix)) continue;
    const [first, ...more] = k.slice(prefix.length).split('/');
    if (!first) continue;
    found.set(first, (found.get(first) ?? false) || more.length > 0 || !!world.state.fsMeta?.[k]?.dir);
  }
  const known = found.size > 0 || dir === '/' || !!world.state.fsMeta?.[`${fsRoot}:${dir}`]?.dir || /^\/(home\/[^/]+|root|tmp)$/.test(dir);
  if (!known) return null;
  // os.listdir order, sorted case-insensitively as list_directory does.
  return [...found].map(([name, isDir]) => ({ name, dir: isDir })).sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function listing(urlPath: string, items: { name: string; dir: boolean }[]): string {
  const title = `Directory listing for ${escapeHtml(decodeURIComponent(urlPath))}`;
  const lis = items.map((e) => `<li><a href="${encodeURI(e.name)}${e.dir ? '/' : ''}">${escapeHtml(e.name)}${e.dir ? '/' : ''}</a></li>\n`).join('');
  return `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<hr>\n<ul>\n${lis}</ul>\n<hr>\n</body>\n</html>\n`;
}

/** send_error: the explain page, `Connection: close`. */
function error(date: string, status: number, reason: string, explain: string): HttpResponse {
  const body = `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: ${status}</p>\n        <p>Message: ${reason}.</p>\n        <p>Error code explanation: ${status} - ${explain}.</p>\n    </body>\n</html>\n`;
  return { status, reason, body, httpVersion: '1.0', headers: [['Server', SERVER], ['Date', date], ['Connection', 'close'], ['Content-Type', 'text/html;charset=utf-8'], ['Content-Length', String(byteLength(body))]] };
}

function serve(world: World, socket: Socket | null, req: HttpRequest): HttpResponse {
  const root = socket?.docroot ?? { fsRoot: '', path: '/' };
  const date = httpDate(world.clock.now());
  const urlPath = req.path.split(/[?#]/)[0] || '/';
  const rel = decodeURIComponent(urlPath).split('/').filter((s) => s && s !== '.' && s !== '..').join('/');
  const fsPath = `${root.path.replace(/\/$/, '')}/${rel}`.replace(/\/$/, '') || '/';
  const files = world.state.files ?? {};
  const file = (p: string) => files[`${root.fsRoot}:${p}`];
  const entries = listDir(world, root.fsRoot, fsPath);
  if (entries) {
    if (!urlPath.endsWith('/')) {
      return { status: 301, reason: 'Moved Permanently', body: '', httpVersion: '1.0', headers: [['Server', SERVER], ['Date', date], ['Location', `${urlPath}/`], ['Content-Length', '0']] };
    }
    const indexPath = `${fsPath === '/' ? '' : fsPath}/index.html`;
    const index = file(indexPath);
    if (index === undefined) {
      const body = listing(urlPath, entries);
      return { status: 200, reason: 'OK', body, httpVersion: '1.0', headers: [['Server', SERVER], ['Date', date], ['Content-type', 'text/html; charset=utf-8'], ['Content-Length', String(byteLength(body))]] };
    }
    return ok(world, date, root.fsRoot, indexPath, index);
  }
  const text = file(fsPath);
  if (text === undefined || urlPath.endsWith('/')) return error(date, 404, 'File not found', 'Nothing matches the given URI');
  return ok(world, date, root.fsRoot, fsPath, text);
}

function ok(world: World, date: string, fsRoot: string, path: string, body: string): HttpResponse {
  const mtime = world.state.fsMeta?.[`${fsRoot}:${path}`]?.mtimeUs ?? world.clock.now();
  return { status: 200, reason: 'OK', body, httpVersion: '1.0', headers: [['Server', SERVER], ['Date', date], ['Content-type', contentType(path)], ['Content-Length', String(byteLength(body))], ['Last-Modified', httpDate(mtime)]] };
}

function serveRequest(r: AppRequest): HttpResponse {
  const p = r.payload as Partial<HttpRequest> | undefined;
  const req: HttpRequest = { method: p?.method ?? 'GET', path: p?.path ?? '/', host: p?.host ?? '', userAgent: p?.userAgent ?? '' };
  // BaseHTTPRequestHandler has do_GET and do_HEAD only: anything else is 501.
  const res = req.method === 'GET' || req.method === 'HEAD' ? serve(r.world, r.socket, req) : error(httpDate(r.world.clock.now()), 501, `Unsupported method ('${req.method}')`, 'Server does not support this operation');
  // log_request / log_error: the client as the dual-stack socket sees it, then the request line and status.
  const client = `${r.socket?.v6 === 'dual' ? '::ffff:' : ''}${formatIpv4(r.packet.src)}`;
  const stamp = `${client} - - [${logTime(r.world.clock.now())}] `;
  const log = r.socket ? logSinks.get(r.socket) : undefined;
  if (log) {
    if (res.status >= 400) log(`${stamp}code ${res.status}, message ${res.reason}\n`);
    log(`${stamp}"${req.method} ${req.path} HTTP/1.1" ${res.status} -\n`);
  }
  return res;
}

registerTcpResponder(PYTHON_HTTP_SERVICE, (r) => ({ payload: serveRequest(r) }));
