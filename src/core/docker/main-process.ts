// What a container's main process (PID 1) does, decided from its argv and image: a service that listens and logs
// (nginx, httpd, redis-server), an interactive shell that lives while its stdin or TTY is open, a command that runs
// until stopped or for a while (`sleep 5`), or a one-shot command that prints and exits.
import { catalogById, type CatalogImage, type ImageService } from './image-catalog';
import type { Container } from './types';

export type MainPlan =
  | { kind: 'service'; service: ImageService }
  | { kind: 'shell'; shell: string; lives: boolean }
  | { kind: 'forever' }
  | { kind: 'timed'; seconds: number }
  | { kind: 'oneshot'; argv: string[] };

const SHELLS = ['sh', 'ash', 'bash', 'zsh'];
const ENTRYPOINT_SCRIPTS = ['/docker-entrypoint.sh', 'docker-entrypoint.sh'];
/** Programs that run until stopped when they are PID 1 (without a count or limit). */
const LONG_RUNNING = ['top', 'tail', 'watch', 'nc', 'yes', 'tcpdump', 'iperf3', 'socat'];

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/**
 * The argv that ends up running: entrypoint scripts exec their arguments. The official images' own
 * `docker-entrypoint.sh` (redis) first puts the server in front of options or a `.conf` file:
 * `docker run redis --bind 127.0.0.1` runs `redis-server --bind 127.0.0.1`.
 */
export function effectiveArgv(c: Container): string[] {
  const argv = [c.path, ...c.args];
  if (!ENTRYPOINT_SCRIPTS.includes(argv[0]) || argv.length < 2) return argv;
  const server = catalogById(c.imageId)?.cmd?.[0];
  if (argv[0] === 'docker-entrypoint.sh' && server && (argv[1].startsWith('-') || argv[1].endsWith('.conf'))) return [server, ...argv.slice(1)];
  return argv.slice(1);
}

function sleepSeconds(arg: string | undefined): number | null {
  if (arg === undefined || arg === 'infinity' || arg === 'inf') return null;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]!;
  return Number(m[1]) * unit;
}

/** Classifies the main process of `c` (whose image is `image`). */
export function planMainProcess(c: Container, image: CatalogImage | undefined): MainPlan {
  const argv = effectiveArgv(c);
  const name = basename(argv[0] ?? '');
  if (image?.service?.binaries.includes(name)) return { kind: 'service', service: image.service };
  if (SHELLS.includes(name)) {
    if (argv.length === 1 || (argv.length === 2 && (argv[1] === '-i' || argv[1] === '-l'))) {
      return { kind: 'shell', shell: name, lives: c.config.openStdin || c.config.tty };
    }
    if (argv[1] === '-c' && /\b(sleep|while|tail -f)\b/.test(argv[2] ?? '')) return { kind: 'forever' };
  }
  if (name === 'sleep') {
    const s = sleepSeconds(argv[1]);
    return s === null ? { kind: 'forever' } : { kind: 'timed', seconds: s };
  }
  if (name === 'ping' && !argv.includes('-c')) return { kind: 'forever' };
  if (LONG_RUNNING.includes(name)) return { kind: 'forever' };
  if (name === 'cat' && argv.length === 1 && c.config.openStdin) return { kind: 'forever' };
  return { kind: 'oneshot', argv };
}

/** The exit status of PID 1 after a stop signal: handled (graceful) or ignored until SIGKILL (137). */
export function exitAfterStop(plan: MainPlan, signal: string): number {
  if (signal === 'SIGKILL' || signal === 'KILL' || signal === '9') return 137;
  if (plan.kind === 'service') return plan.service.gracefulExit;
  // A shell or sleep as PID 1 has no handler for SIGTERM: the kernel ignores it, dockerd kills after the timeout.
  return 137;
}
