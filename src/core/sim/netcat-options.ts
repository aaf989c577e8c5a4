// netcat's command line as its getopt reads it: BusyBox nc (getopt32 over musl's getopt, which stops at the first
// operand) and OpenBSD netcat 1.226 as Debian/Ubuntu build it (glibc getopt, which permutes operands to the end).
// Shared by the `nc` program and by the Docker engine, which starts `nc -l` when it is a container's main process.

export type NetcatFlavor = 'busybox' | 'openbsd';

/** BusyBox 1.37 nc_bloaty's options (`-e PROG` takes the rest of the line). */
const BUSYBOX_OPTS = 'bnp:s:uvw:lki:o:ze:';
/** OpenBSD netcat 1.226 without TLS (netcat-openbsd on Ubuntu 24.04). */
const OPENBSD_OPTS = '46bCDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz';

export interface NetcatOptions {
  /** How many times each option letter was given (`-vv` is 2). */
  flags: Record<string, number>;
  /** The last value of each option that takes one. */
  values: Record<string, string>;
  operands: string[];
  /** BusyBox `-e PROG ARGS...`. */
  exec: string[] | null;
}

export type NetcatParse = { ok: true; opts: NetcatOptions } | { ok: false; error: 'unknown' | 'missing'; letter: string };

/** getopt(3) over `args` (argv without argv[0]) with `optstring`; `permute` is glibc's default ordering. */
function getopt(args: string[], optstring: string, permute: boolean): NetcatParse {
  const opts: NetcatOptions = { flags: {}, values: {}, operands: [], exec: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      opts.operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      if (!permute) {
        opts.operands.push(...args.slice(i));
        break;
      }
      opts.operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const letter = a[j];
      const at = letter === ':' ? -1 : optstring.indexOf(letter);
      if (at < 0) return { ok: false, error: 'unknown', letter };
      opts.flags[letter] = (opts.flags[letter] ?? 0) + 1;
      if (optstring[at + 1] !== ':') continue;
      const rest = a.slice(j + 1);
      const value = rest !== '' ? rest : args[++i];
      if (value === undefined) return { ok: false, error: 'missing', letter };
      if (letter === 'e' && optstring === BUSYBOX_OPTS) {
        opts.exec = [value, ...args.slice(i + 1)];
        return { ok: true, opts };
      }
      opts.values[letter] = value;
      break;
    }
  }
  return { ok: true, opts };
}

/** Parses nc's arguments as `flavor`'s getopt does. */
export function parseNetcatArgs(args: string[], flavor: NetcatFlavor): NetcatParse {
  return flavor === 'busybox' ? getopt(args, BUSYBOX_OPTS, false) : getopt(args, OPENBSD_OPTS, true);
}

export interface NetcatListen {
  port: number;
  /** -k: accept the next connection after one ends. */
  keep: boolean;
  verbose: boolean;
}

/**
 * The TCP port `nc -l` listens on: BusyBox takes it from -p; OpenBSD from its one operand or -p (Debian's patch).
 * Null when the command line is not a TCP listener that would start (UDP, a usage error, no port).
 */
export function netcatListenSpec(args: string[], flavor: NetcatFlavor): NetcatListen | null {
  const r = parseNetcatArgs(args, flavor);
  if (!r.ok || !r.opts.flags.l || r.opts.flags.u || r.opts.flags.z) return null;
  const { flags, values, operands } = r.opts;
  let portText: string | undefined;
  if (flavor === 'busybox') portText = operands.length <= 2 ? values.p : undefined;
  else if (operands.length === 0) portText = values.p;
  else if (operands.length === 1 && values.p === undefined && values.s === undefined) portText = operands[0];
  if (portText === undefined || !/^\d+$/.test(portText)) return null;
  const port = Number(portText);
  if (port < 1 || port > 65535) return null;
  // BusyBox's -k only keeps serving with -e PROG.
  return { port, keep: flavor === 'openbsd' && !!flags.k, verbose: !!flags.v };
}
