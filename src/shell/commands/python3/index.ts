// python3: the interpreter as far as the lab runs it — `python3 -m http.server`, the one-line web server of many
// networking tutorials (argparse usage and errors, the dual-stack bind, a log line per request, Ctrl-C to stop).
import type { CommandContext, Program } from '../../types';
import { addListener, AddressInUseError, removeListenersOf } from '../../../core/kernel/sockets';
import { attachLog, PYTHON_HTTP_SERVICE, PYTHON_VERSION } from '../../../core/sim/python-http';
import { parseIpv4 } from '../../../core/net/ipv4';
import { isLocalAddr } from '../../../core/sim/ip-stack';
import { resolvePath } from '../../vfs';

const USAGE = 'usage: server.py [-h] [--cgi] [--bind ADDRESS] [--directory DIRECTORY]\n                 [--protocol VERSION]\n                 [port]\n';

const HELP = `${USAGE}
positional arguments:
  port                  bind to this port (default: 8000)

options:
  -h, --help            show this help message and exit
  --cgi                 run as CGI server
  --bind ADDRESS, -b ADDRESS
                        bind to this address (default: all interfaces)
  --directory DIRECTORY, -d DIRECTORY
                        serve this directory (default: current directory)
  --protocol VERSION, -p VERSION
                        conform to this HTTP version (default: HTTP/1.0)
`;

interface ServerArgs {
  port: number;
  bind: string | null;
  directory: string | null;
}

/** argparse over the module's options; a string is the error argparse prints (exit 2). */
function parseServerArgs(args: string[]): ServerArgs | 'help' | string {
  const out: ServerArgs = { port: 8000, bind: null, directory: null };
  let port: string | null = null;
  const takes: Record<string, 'bind' | 'directory' | 'protocol'> = { '-b': 'bind', '--bind': 'bind', '-d': 'directory', '--directory': 'directory', '-p': 'protocol', '--protocol': 'protocol' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--cgi') continue;
    const eq = /^(--[a-z]+)=(.*)$/.exec(a);
    const name = eq ? eq[1] : a.startsWith('-') && !a.startsWith('--') && a.length > 2 ? a.slice(0, 2) : a;
    const dest = takes[name];
    if (dest) {
      const value = eq ? eq[2] : a.length > 2 && !a.startsWith('--') ? a.slice(2) : args[++i];
      if (value === undefined) return `argument ${Object.keys(takes).filter((k) => takes[k] === dest).reverse().join('/')}: expected one argument`;
      if (dest !== 'protocol') out[dest] = value;
      continue;
    }
    if (a.startsWith('-') && a !== '-') return `unrecognized arguments: ${args.slice(i).join(' ')}`;
    if (port !== null) return `unrecognized arguments: ${a}`;
    port = a;
  }
  if (port !== null) {
    if (!/^\s*[+-]?\d+\s*$/.test(port)) return `argument port: invalid int value: '${port}'`;
    out.port = Number(port);
  }
  return out;
}

function traceback(ctx: CommandContext, error: string): number {
  ctx.err(`Traceback (most recent call last):\n  File "<frozen runpy>", line 198, in _run_module_as_main\n  File "<frozen runpy>", line 88, in _run_code\n  File "/usr/lib/python3.12/http/server.py", line 1314, in <module>\n    test(\n  File "/usr/lib/python3.12/http/server.py", line 1261, in test\n    with ServerClass(addr, HandlerClass) as httpd:\n         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n${error}\n`);
  return 1;
}

async function httpServer(ctx: CommandContext, args: string[]): Promise<number> {
  const parsed = parseServerArgs(args);
  if (parsed === 'help') {
    ctx.out(HELP);
    return 0;
  }
  if (typeof parsed === 'string') {
    ctx.err(`${USAGE}server.py: error: ${parsed}\n`);
    return 2;
  }
  const { port, bind } = parsed;
  if (port < 0 || port > 65535) return traceback(ctx, 'OverflowError: bind(): port must be 0-65535.');
  let ip = 0;
  if (bind !== null && bind !== '' && bind !== '0.0.0.0') {
    const v4 = parseIpv4(bind);
    if (v4 === null) return traceback(ctx, bind.includes(':') ? 'OSError: [Errno 99] Cannot assign requested address' : 'socket.gaierror: [Errno -2] Name or service not known');
    const ns = ctx.world.state.netns[ctx.env.netns];
    if (ns === undefined || !isLocalAddr(ns, v4)) return traceback(ctx, 'OSError: [Errno 99] Cannot assign requested address');
    ip = v4;
  }
  if (port > 0 && port < 1024 && ctx.env.user !== 'root') return traceback(ctx, 'PermissionError: [Errno 13] Permission denied');
  const dual = bind === null || bind === '';
  let socket;
  try {
    socket = addListener(ctx.world, ctx.env.netns, { proto: 'tcp', ip, port, process: 'python3', ...(ctx.interrupt.pid !== undefined ? { pid: ctx.interrupt.pid } : {}), owner: ctx.env.user, service: PYTHON_HTTP_SERVICE, ...(dual ? { v6: 'dual' as const } : {}) });
  } catch (e) {
    if (e instanceof AddressInUseError) return traceback(ctx, 'OSError: [Errno 98] Address already in use');
    throw e;
  }
  socket.docroot = { fsRoot: ctx.env.fsRoot, path: resolvePath(ctx.env, parsed.directory ?? '.') };
  attachLog(socket, (line) => ctx.err(line));
  const host = dual ? '::' : bind === '0.0.0.0' ? '0.0.0.0' : bind!;
  const urlHost = dual ? '[::]' : host;
  ctx.out(`Serving HTTP on ${host} port ${port} (http://${urlHost}:${port}/) ...\n`);
  // Serve until Ctrl-C (or kill): the responder writes each request's log line as it is handled.
  while (await ctx.sleep(1_000_000));
  removeListenersOf(ctx.world, ctx.env.netns, socket.pid);
  // SIGTERM kills it outright; SIGINT is Python's KeyboardInterrupt, which the server catches to exit cleanly.
  if (ctx.interrupt.signal === 'TERM') return 130;
  ctx.out('\nKeyboard interrupt received, exiting.\n');
  return 0;
}

async function run(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args[0] === '--help' || args[0] === '-h') {
    ctx.out('usage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nOptions (and corresponding environment variables):\n-m mod : run library module as a script (terminates option list)\n-V     : print the Python version number and exit (also --version)\n');
    return 0;
  }
  if (args[0] === '--version' || args[0] === '-V') {
    ctx.out(`Python ${PYTHON_VERSION}\n`);
    return 0;
  }
  if (args[0] === '-m' && args[1] === 'http.server') return httpServer(ctx, args.slice(2));
  if (args[0] === '-m' && args[1] === undefined) {
    ctx.err('Argument expected for the -m option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h\' for more information.\n');
    return 2;
  }
  ctx.err(`cnlab: python3 runs only as 'python3 -m http.server [PORT] [-b ADDRESS] [-d DIRECTORY]' in this lab\n`);
  return 1;
}

export const python3: Program = { name: 'python3', summary: 'the Python interpreter (python3 -m http.server)', flavors: ['ubuntu', 'debian'], run };
