// What the catalog's servers print when they start (what `docker logs` shows): nginx's entrypoint and notices,
// httpd's AH00558/AH00489 lines, redis' banner. Timestamps come from the simulated clock.
import type { World } from '../world';
import type { ImageService } from './image-catalog';
import type { Container } from './types';
import { effectiveArgv } from './main-process';
import { DAY_NAMES as DAYS, MONTH_NAMES as MONTHS } from '../sim/clock';

type LogLine = Container['logs'][number];

function p2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The kernel release the lab host runs (Ubuntu 24.04 GA kernel), as nginx reports it. */
export const HOST_KERNEL = '6.8.0-51-generic';

function nginxStamp(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** The listen sockets of the official image's default.conf once 10-listen-on-ipv6-by-default.sh has run. */
const NGINX_LISTEN = ['0.0.0.0:80', '[::]:80'];
/** ngx_open_listening_sockets: five rounds over every listen socket, 500 ms apart, before giving up. */
export const NGINX_BIND_TRIES = 5;
export const NGINX_BIND_RETRY_US = 500_000;

/**
 * A port that stays taken: each round logs `bind() ... failed` for every socket (level emerg, so the error log and
 * the `nginx:` copy on stderr), then `try again to bind() after 500ms` (notice: error log only) and sleeps; after the
 * fifth round `still could not bind()` and nginx exits 1.
 */
function nginxBindFailure(us: number): LogLine[] {
  const out: LogLine[] = [];
  const emerg = (t: string, at: number) => out.push({ stream: 'stderr', text: `${nginxStamp(at)} [emerg] 1#1: ${t}\n`, us: at }, { stream: 'stderr', text: `nginx: [emerg] ${t}\n`, us: at });
  let at = us;
  for (let round = 0; round < NGINX_BIND_TRIES; round++) {
    for (const addr of NGINX_LISTEN) emerg(`bind() to ${addr} failed (98: Address already in use)`, at);
    out.push({ stream: 'stderr', text: `${nginxStamp(at)} [notice] 1#1: try again to bind() after 500ms\n`, us: at });
    at += NGINX_BIND_RETRY_US;
  }
  emerg('still could not bind()', at);
  return out;
}

function nginxLogs(d: Date, us: number, failed: boolean): LogLine[] {
  const stamp = nginxStamp(us);
  const out = [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
  ].map((text): LogLine => ({ stream: 'stdout', text: text + '\n', us }));
  const err = (t: string): LogLine => ({ stream: 'stderr', text: `${stamp} ${t}\n`, us });
  if (failed) return [...out, ...nginxBindFailure(us)];
  return [
    ...out,
    err('[notice] 1#1: using the "epoll" event method'),
    err('[notice] 1#1: nginx/1.27.3'),
    err('[notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) '),
    err(`[notice] 1#1: OS: Linux ${HOST_KERNEL}`),
    err('[notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
    err('[notice] 1#1: start worker processes'),
    err('[notice] 1#1: start worker process 29'),
    err('[notice] 1#1: start worker process 30'),
  ];
}

function httpdLogs(d: Date, us: number, ip: string, failed: boolean): LogLine[] {
  const frac = String(us % 1_000_000).padStart(6, '0');
  const stamp = `[${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${frac} ${d.getUTCFullYear()}]`;
  const ah558 = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip || '127.0.1.1'}. Set the 'ServerName' directive globally to suppress this message\n`;
  const lines: LogLine[] = [{ stream: 'stderr', text: ah558, us }, { stream: 'stderr', text: ah558, us }];
  if (failed) {
    return [...lines, { stream: 'stderr', text: '(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:80\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n', us }];
  }
  return [
    ...lines,
    { stream: 'stderr', text: `${stamp} [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations\n`, us },
    { stream: 'stderr', text: `${stamp} [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`, us },
  ];
}

function redisLogs(d: Date, us: number, failed: boolean, args: boolean): LogLine[] {
  const ms = String(Math.floor((us % 1_000_000) / 1000)).padStart(3, '0');
  const stamp = `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${ms}`;
  const c = (t: string): LogLine => ({ stream: 'stdout', text: `1:C ${stamp} ${t}\n`, us });
  const m = (t: string): LogLine => ({ stream: 'stdout', text: `1:M ${stamp} ${t}\n`, us });
  const head = [
    c("# WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect."),
    c('* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
    c('* Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=1, just started'),
    // redis-server with arguments (`--bind 127.0.0.1`) says its configuration was loaded instead.
    c(args ? '# Configuration loaded' : '# Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf'),
    m('* monotonic clock: POSIX clock_gettime'),
  ];
  if (failed) return [...head, m('# Warning: Could not create server TCP listening socket *:6379: bind: Address already in use'), m('# Failed listening on port 6379 (tcp), aborting.')];
  return [...head, m('* Running mode=standalone, port=6379.'), m('* Server initialized'), m('* Ready to accept connections tcp')];
}

/** The start-up lines of a service; `failed` when its port was taken (it then exits 1). */
export function serviceStartLogs(world: World, c: Container, service: ImageService, ip: string, failed: boolean): LogLine[] {
  const us = world.clock.now();
  const d = new Date(Math.floor(us / 1000));
  switch (service.process) {
    case 'nginx':
      return nginxLogs(d, us, failed);
    case 'httpd':
      return httpdLogs(d, us, ip, failed);
    default:
      return redisLogs(d, us, failed, effectiveArgv(c).length > 1);
  }
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15, SIGWINCH: 28 };

/** What a server prints when its stop signal (or Ctrl-C) makes it shut down. */
export function serviceStopLogs(world: World, service: ImageService, signal: string): LogLine[] {
  const us = world.clock.now();
  const d = new Date(Math.floor(us / 1000));
  const sig = signal.startsWith('SIG') ? signal : `SIG${signal}`;
  if (service.process === 'nginx') {
    const stamp = `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
    const graceful = sig === 'SIGQUIT';
    const lines = [
      `1#1: signal ${SIGNAL_NUMBERS[sig] ?? 15} (${sig}) received, ${graceful ? 'shutting down' : 'exiting'}`,
      ...[29, 30].flatMap((w) => [...(graceful ? [`${w}#${w}: gracefully shutting down`] : []), `${w}#${w}: exiting`, `${w}#${w}: exit`]),
      '1#1: signal 17 (SIGCHLD) received from 30',
      '1#1: worker process 30 exited with code 0',
      '1#1: signal 29 (SIGIO) received',
      '1#1: signal 17 (SIGCHLD) received from 29',
      '1#1: worker process 29 exited with code 0',
      '1#1: exit',
    ];
    return lines.map((t) => ({ stream: 'stderr', text: `${stamp} [notice] ${t}\n`, us }));
  }
  if (service.process === 'httpd') {
    const frac = String(us % 1_000_000).padStart(6, '0');
    const stamp = `[${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${frac} ${d.getUTCFullYear()}]`;
    const text = sig === 'SIGWINCH' ? 'AH00492: caught SIGWINCH, shutting down gracefully' : `AH00491: caught ${sig === 'SIGINT' ? 'SIGTERM' : sig}, shutting down`;
    return [{ stream: 'stderr', text: `${stamp} [mpm_event:notice] [pid 1:tid 1] ${text}\n`, us }];
  }
  const ms = String(Math.floor((us % 1_000_000) / 1000)).padStart(3, '0');
  const stamp = `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${ms}`;
  return [
    `1:signal-handler (${Math.floor(us / 1_000_000)}) Received ${sig === 'SIGINT' ? 'SIGINT' : 'SIGTERM'} scheduling shutdown...`,
    `1:M ${stamp} * User requested shutdown...`,
    `1:M ${stamp} * Saving the final RDB snapshot before exiting.`,
    `1:M ${stamp} * DB saved on disk`,
    `1:M ${stamp} # Redis is now ready to exit, bye bye...`,
  ].map((t) => ({ stream: 'stdout', text: t + '\n', us }));
}
