// Web servers behind sockets: what nginx, Apache httpd and the internet's sites answer to an HTTP request
// (status line, headers in the server's order, body), for curl and wget.
import type { World } from '../world';
import { registerTcpResponder, type AppRequest } from './apps';
import { INTERNET_WEB_SERVICE } from './external';
import { internetHostAt } from '../dns/internet';
import { DAY_NAMES as DAYS, MONTH_NAMES as MONTHS } from './clock';

export interface HttpRequest {
  /** GET and HEAD, or whatever `curl -X`/`-d` sends (POST, PUT, DELETE...). */
  method: string;
  path: string;
  host: string;
  userAgent: string;
  /** A request body (`curl -d`). */
  body?: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
  /** The protocol version of the status line; absent means 1.1. */
  httpVersion?: '1.0' | '1.1';
}

/** An HTTP-date (RFC 9110 IMF-fixdate): `Mon, 03 Mar 2025 09:30:00 GMT`. */
export function httpDate(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

/** Byte length of a UTF-8 string (Content-Length). */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

export const NGINX_VERSION = '1.27.3';

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

function nginxError(status: number, reason: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;
}

function reqOf(r: AppRequest): HttpRequest {
  const p = r.payload as Partial<HttpRequest> | undefined;
  return { method: p?.method ?? 'GET', path: p?.path ?? '/', host: p?.host ?? '', userAgent: p?.userAgent ?? '', body: p?.body };
}

/** ngx_http_static_handler: only GET, HEAD and POST get past the method check; POST to a file that exists is 405 too. */
function nginxNotAllowed(date: string): HttpResponse {
  const body = nginxError(405, 'Not Allowed');
  return { status: 405, reason: 'Not Allowed', body, headers: [['Server', `nginx/${NGINX_VERSION}`], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive']] };
}

function nginx(world: World, req: HttpRequest): HttpResponse {
  const date = httpDate(world.clock.now());
  const found = req.path === '/' || req.path === '/index.html';
  if (!['GET', 'HEAD', 'POST'].includes(req.method) || (req.method === 'POST' && found)) return nginxNotAllowed(date);
  if (found) {
    return {
      status: 200, reason: 'OK', body: NGINX_WELCOME,
      headers: [['Server', `nginx/${NGINX_VERSION}`], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', String(byteLength(NGINX_WELCOME))],
        ['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT'], ['Connection', 'keep-alive'], ['ETag', '"6745ef54-267"'], ['Accept-Ranges', 'bytes']],
    };
  }
  const body = nginxError(404, 'Not Found');
  return { status: 404, reason: 'Not Found', body, headers: [['Server', `nginx/${NGINX_VERSION}`], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive']] };
}

const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';

function httpd(world: World, req: HttpRequest): HttpResponse {
  const date = httpDate(world.clock.now());
  if (req.path === '/' || req.path === '/index.html') {
    return {
      status: 200, reason: 'OK', body: HTTPD_INDEX,
      headers: [['Date', date], ['Server', 'Apache/2.4.62 (Unix)'], ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'], ['ETag', '"2d-432a5e4a73a80"'], ['Accept-Ranges', 'bytes'], ['Content-Length', String(byteLength(HTTPD_INDEX))], ['Content-Type', 'text/html']],
    };
  }
  const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`;
  return { status: 404, reason: 'Not Found', body, headers: [['Date', date], ['Server', 'Apache/2.4.62 (Unix)'], ['Content-Length', String(byteLength(body))], ['Content-Type', 'text/html; charset=iso-8859-1']] };
}

function internetSite(r: AppRequest, req: HttpRequest): HttpResponse {
  const date = httpDate(r.world.clock.now());
  const site = internetHostAt(r.packet.dst);
  const name = req.host.replace(/:\d+$/, '') || site?.names[0] || 'site';
  if (name === 'google.com') {
    const body = '<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">\n<TITLE>301 Moved</TITLE></HEAD><BODY>\n<H1>301 Moved</H1>\nThe document has moved\n<A HREF="http://www.google.com/">here</A>.\r\n</BODY></HTML>\r\n';
    return { status: 301, reason: 'Moved Permanently', body, headers: [['Location', 'http://www.google.com/'], ['Content-Type', 'text/html; charset=UTF-8'], ['Date', date], ['Server', 'gws'], ['Content-Length', String(byteLength(body))]] };
  }
  if (req.path !== '/' && req.path !== '/index.html') {
    const missing = `<!doctype html>\n<html>\n<head><title>404 Not Found</title></head>\n<body><h1>Not Found</h1></body>\n</html>\n`;
    return { status: 404, reason: 'Not Found', body: missing, headers: [['Date', date], ['Content-Type', 'text/html; charset=UTF-8'], ['Content-Length', String(byteLength(missing))], ['Server', site?.server ?? 'nginx']] };
  }
  const body = `<!doctype html>\n<html>\n<head><title>${name}</title></head>\n<body><h1>${name}</h1></body>\n</html>\n`;
  return { status: 200, reason: 'OK', body, headers: [['Date', date], ['Content-Type', 'text/html; charset=UTF-8'], ['Content-Length', String(byteLength(body))], ['Server', site?.server ?? 'nginx']] };
}

registerTcpResponder('nginx', (r) => ({ payload: nginx(r.world, reqOf(r)) }));
registerTcpResponder('httpd', (r) => ({ payload: httpd(r.world, reqOf(r)) }));
registerTcpResponder(INTERNET_WEB_SERVICE, (r) => ({ payload: internetSite(r, reqOf(r)) }));

/** sshd greets every connection with its version banner (not HTTP: curl reports HTTP/0.9). */
registerTcpResponder('sshd', () => ({ payload: { banner: 'SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5' } }));
