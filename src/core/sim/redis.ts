// A Redis 7.4 server behind a socket (the redis image's redis-server): the RESP replies to the commands tutorials
// use — PING, ECHO, SET, GET, DEL, EXISTS, INCR/DECR, KEYS, DBSIZE, FLUSHALL, INFO server — over a key space kept
// in the world per listening socket, so data survives between clients and snapshots.
import type { World } from '../world';
import { registerTcpResponder } from './apps';

export type RespValue =
  | { t: 'status'; v: string }
  | { t: 'error'; v: string }
  | { t: 'int'; v: number }
  | { t: 'bulk'; v: string | null }
  | { t: 'array'; v: RespValue[] };

export interface RedisRequest {
  command: string[];
}

export const REDIS_VERSION = '7.4.2';

const ARITY: Record<string, number> = { ping: -1, echo: 2, set: -3, get: 2, del: -2, exists: -2, incr: 2, decr: 2, keys: 2, dbsize: 1, flushall: -1, info: -1 };

function keyspace(world: World, key: string): Record<string, string> {
  const all = (world.state.redis ??= {});
  return (all[key] ??= {});
}

/** Glob matching as KEYS does it (* ? [...]). */
function globRe(pattern: string): RegExp {
  let re = '';
  for (const c of pattern) re += c === '*' ? '.*' : c === '?' ? '.' : c === '[' || c === ']' ? c : c.replace(/[\\^$.+(){}|]/g, '\\$&');
  return new RegExp(`^${re}$`);
}

export function redisExecute(world: World, storeKey: string, argv: string[]): RespValue {
  if (!argv.length) return { t: 'error', v: 'ERR empty command' };
  const name = argv[0].toLowerCase();
  const arity = ARITY[name];
  if (arity === undefined) {
    const args = argv.slice(1).map((a) => `'${a}' `).join('');
    return { t: 'error', v: `ERR unknown command '${argv[0]}', with args beginning with: ${args}` };
  }
  if ((arity > 0 && argv.length !== arity) || (arity < 0 && argv.length < -arity)) return { t: 'error', v: `ERR wrong number of arguments for '${name}' command` };
  const db = keyspace(world, storeKey);
  switch (name) {
    case 'ping':
      if (argv.length > 2) return { t: 'error', v: `ERR wrong number of arguments for 'ping' command` };
      return argv[1] === undefined ? { t: 'status', v: 'PONG' } : { t: 'bulk', v: argv[1] };
    case 'echo':
      return { t: 'bulk', v: argv[1] };
    case 'set':
      if (argv.length > 3) return { t: 'error', v: 'ERR syntax error' };
      db[argv[1]] = argv[2];
      return { t: 'status', v: 'OK' };
    case 'get':
      return { t: 'bulk', v: Object.hasOwn(db, argv[1]) ? db[argv[1]] : null };
    case 'del':
    case 'exists': {
      let n = 0;
      for (const k of argv.slice(1)) {
        if (!Object.hasOwn(db, k)) continue;
        n++;
        if (name === 'del') delete db[k];
      }
      return { t: 'int', v: n };
    }
    case 'incr':
    case 'decr': {
      const cur = Object.hasOwn(db, argv[1]) ? db[argv[1]] : '0';
      if (!/^-?\d+$/.test(cur)) return { t: 'error', v: 'ERR value is not an integer or out of range' };
      const next = Number(cur) + (name === 'incr' ? 1 : -1);
      db[argv[1]] = String(next);
      return { t: 'int', v: next };
    }
    case 'keys': {
      const re = globRe(argv[1]);
      return { t: 'array', v: Object.keys(db).filter((k) => re.test(k)).map((k) => ({ t: 'bulk', v: k })) };
    }
    case 'dbsize':
      return { t: 'int', v: Object.keys(db).length };
    case 'flushall':
      for (const k of Object.keys(db)) delete db[k];
      return { t: 'status', v: 'OK' };
    default: {
      const info = `# Server\r\nredis_version:${REDIS_VERSION}\r\nredis_mode:standalone\r\nos:Linux x86_64\r\narch_bits:64\r\ntcp_port:6379\r\n`;
      return { t: 'bulk', v: info };
    }
  }
}

registerTcpResponder('redis', (r) => {
  const req = r.payload as Partial<RedisRequest> | undefined;
  // An HTTP request (curl) is a cross-protocol attack to Redis: it logs a warning and closes without a reply.
  if (!req?.command) return { payload: undefined };
  return { payload: { redis: redisExecute(r.world, `${r.netns}:${r.socket?.port ?? 6379}`, req.command) } };
});
