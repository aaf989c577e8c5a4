// wget: GNU Wget 1.21.4 on Ubuntu, BusyBox wget in alpine. `wget -qO- URL` prints the page; without -O the
// page is saved (index.html) and the progress report goes to stderr.
import { FlagSet, describeFlagError } from '../../flags';
import type { CommandContext, Program } from '../../types';
import { writeFile } from '../../vfs';
import { fetchHttp, parseUrl } from '../curl/fetch';
import { byteLength } from '../../../core/sim/http';

const gnuFlags = new FlagSet(
  {
    flags: [
      { name: 'quiet', short: 'q', type: 'bool', help: 'quiet (no output)' },
      { name: 'output-document', short: 'O', type: 'string', help: 'write documents to FILE' },
      { name: 'server-response', short: 'S', type: 'bool', help: 'print server response' },
      { name: 'spider', type: 'bool', help: "don't download anything" },
      { name: 'timeout', short: 'T', type: 'string', help: 'set all timeout values to SECONDS' },
      { name: 'tries', short: 't', type: 'string', help: 'set number of retries to NUMBER' },
      { name: 'help', short: 'h', type: 'bool', help: 'print this help' },
      { name: 'version', short: 'V', type: 'bool', help: 'display the version of Wget and exit' },
    ],
  },
  'gnu',
);

const bbFlags = new FlagSet(
  {
    flags: [
      { name: 'q', short: 'q', type: 'bool', help: 'Quiet' },
      { name: 'O', short: 'O', type: 'string', help: 'Save to FILE (\'-\' for stdout)' },
      { name: 'S', short: 'S', type: 'bool', help: 'Show server response' },
      { name: 's', short: 's', type: 'bool', help: 'Spider mode - only check file existence' },
      { name: 'T', short: 'T', type: 'string', help: 'Network read timeout is SEC seconds' },
      { name: 'c', short: 'c', type: 'bool', help: 'Continue retrieval of aborted transfer' },
      { name: 'spider', type: 'bool', help: 'Only check URL existence' },
    ],
  },
  'busybox',
);

const BB_HELP = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--header STR	Add STR (of form 'header: value') to headers
	--post-data STR	Send STR using POST method
	--post-file FILE	Send FILE using POST method
	--no-check-certificate	Don't validate the server's certificate
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy
`;

const GNU_HELP = `GNU Wget 1.21.4, a non-interactive network retriever.
Usage: wget [OPTION]... [URL]...

Mandatory arguments to long options are mandatory for short options too.

Startup:
  -V,  --version                   display the version of Wget and exit
  -h,  --help                      print this help

Logging and input file:
  -q,  --quiet                     quiet (no output)

Download:
  -t,  --tries=NUMBER              set number of retries to NUMBER (0 unlimits)
  -O,  --output-document=FILE      write documents to FILE
  -S,  --server-response           print server response
       --spider                    don't download anything
  -T,  --timeout=SECONDS           set all timeout values to SECONDS

Mail bug reports and suggestions to <bug-wget@gnu.org>
`;

function stamp(us: number): string {
  return new Date(Math.floor(us / 1000)).toISOString().replace('T', ' ').slice(0, 19);
}

async function run(ctx: CommandContext): Promise<number> {
  const bb = ctx.env.flavor === 'busybox';
  const r = (bb ? bbFlags : gnuFlags).parse(ctx.argv.slice(1));
  if (!r.ok) {
    ctx.err(bb ? `wget: ${describeFlagError(r.error, 'busybox')}\n${BB_HELP}` : `wget: ${describeFlagError(r.error, 'gnu')}\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`);
    return bb ? 1 : 2;
  }
  const v = r.parsed.values;
  if (!bb && (v.help || r.parsed.help)) {
    ctx.out(GNU_HELP);
    return 0;
  }
  if (!bb && v.version) {
    ctx.out('GNU Wget 1.21.4 built on linux-gnu.\n');
    return 0;
  }
  const quiet = !!(v.quiet || v.q);
  const outFile = (v['output-document'] ?? v.O) as string;
  const target = r.parsed.args[0];
  if (target === undefined) {
    ctx.err(bb ? BB_HELP : "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  const url = parseUrl(target);
  if ('error' in url) {
    ctx.err(bb ? `wget: bad address '${target}'\n` : `${target}: Unsupported scheme.\n`);
    return 1;
  }
  const now = ctx.world.clock.now();
  const spider = !!v.spider;
  if (!bb && !quiet && spider) ctx.err('Spider mode enabled. Check if remote file exists.\n');
  if (!bb && !quiet) ctx.err(`--${stamp(now)}--  ${url.scheme}://${url.hostHeader}${url.path}\n`);
  const f = fetchHttp(ctx, url, { method: 'GET', path: url.path, host: url.hostHeader, userAgent: bb ? 'Wget' : 'Wget/1.21.4' });
  if (f.kind === 'resolve-failed') {
    if (!(await ctx.sleep(f.res.elapsedUs))) return 130;
    ctx.err(bb ? `wget: bad address '${url.host}'\n` : `Resolving ${url.host} (${url.host})... failed: ${f.res.error === 'NXDOMAIN' ? 'Name or service not known' : 'Temporary failure in name resolution'}.\nwget: unable to resolve host address ‘${url.host}’\n`);
    return bb ? 1 : 4;
  }
  if (!bb && !quiet && url.host !== f.ip) ctx.err(`Resolving ${url.host} (${url.host})... ${f.ip}\n`);
  if (!bb && !quiet) ctx.err(`Connecting to ${url.host === f.ip ? f.ip : `${url.host} (${url.host})|${f.ip}|`}:${url.port}... `);
  if (bb && !quiet) ctx.err(`Connecting to ${url.host} (${f.ip}:${url.port})\n`);
  if (f.kind === 'empty' || f.kind === 'not-http') {
    if (bb) ctx.err('wget: error getting response: Connection reset by peer\n');
    else ctx.err(`${quiet ? '' : 'connected.\nHTTP request sent, awaiting response... '}No data received.\n`);
    return bb ? 1 : 4;
  }
  if (f.kind === 'connect-failed' || f.kind === 'reset') {
    const how = f.kind === 'reset' ? 'Connection reset by peer' : f.how === 'refused' ? 'Connection refused' : f.how === 'unreachable' ? 'No route to host' : 'Connection timed out';
    // Ctrl-C kills the process while it waits: nothing more is printed.
    if (f.kind === 'connect-failed' && !(await ctx.sleep(f.elapsedUs))) return 130;
    if (bb) ctx.err(f.kind === 'connect-failed' && f.how === 'timeout' ? 'wget: download timed out\n' : `wget: can't connect to remote host (${f.ip}): ${how}\n`);
    else ctx.err(`${quiet ? '' : 'failed: '}${quiet ? '' : how + '.\n'}`);
    return bb ? 1 : 4;
  }
  if (!(await ctx.sleep(f.elapsedUs))) return 130;
  const resp = f.response;
  const len = byteLength(resp.body);
  // -S: the status line and headers, indented by two spaces (GNU puts them after "awaiting response...").
  const serverResponse = v['server-response'] || v.S ? [`HTTP/${resp.httpVersion ?? '1.1'} ${resp.status} ${resp.reason}`, ...resp.headers.map(([k, val]) => `${k}: ${val}`)].map((l) => `  ${l}\n`).join('') : '';
  if (bb && serverResponse && !quiet) ctx.err(serverResponse);
  const awaiting = (rest: string) => (serverResponse ? `HTTP request sent, awaiting response... \n${serverResponse}` : `HTTP request sent, awaiting response... ${rest}\n`);
  if (spider && resp.status < 400) {
    if (bb) ctx.err(quiet ? '' : 'remote file exists\n');
    else if (!quiet) {
      const type = resp.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'text/html';
      ctx.err(`connected.\n${awaiting(`${resp.status} ${resp.reason}`)}Length: ${len} [${type}]\nRemote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n`);
    }
    return 0;
  }
  if (spider && !bb) {
    if (!quiet) ctx.err(`connected.\n${awaiting(`${resp.status} ${resp.reason}`)}Remote file does not exist -- broken link!!!\n`);
    return 8;
  }
  if (resp.status >= 400) {
    if (bb) ctx.err(`wget: server returned error: HTTP/${resp.httpVersion ?? '1.1'} ${resp.status} ${resp.reason}\n`);
    else if (!quiet) ctx.err(`connected.\n${awaiting(`${resp.status} ${resp.reason}`)}${stamp(now)} ERROR ${resp.status}: ${resp.reason}.\n\n`);
    return bb ? 1 : 8;
  }
  const name = outFile || (url.path.split('/').pop() || 'index.html');
  if (!bb && !quiet) {
    const type = resp.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'text/html';
    ctx.err(`connected.\n${awaiting(`${resp.status} ${resp.reason}`)}Length: ${len} [${type}]\n`);
  }
  if (name === '-') {
    ctx.out(resp.body);
    return 0;
  }
  if (bb && !quiet) ctx.err(`saving to '${name}'\n${name.padEnd(21)}100% |********************************|   ${len}  0:00:00 ETA\n'${name}' saved\n`);
  if (!bb && !quiet) ctx.err(`Saving to: ‘${name}’\n\n${name.padEnd(19)} 100%[===================>] ${String(len).padStart(7)}  --.-KB/s    in 0s      \n\n${stamp(now)} (31.4 MB/s) - ‘${name}’ saved [${len}/${len}]\n\n`);
  const problem = writeFile(ctx.world, ctx.env, name, resp.body, false);
  if (problem) {
    ctx.err(bb ? `wget: can't open '${name}': ${problem}\n` : `${name}: ${problem}\n`);
    return 1;
  }
  return 0;
}

export const wget: Program = { name: 'wget', summary: 'the non-interactive network downloader', run };
