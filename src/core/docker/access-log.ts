// The web servers in containers answer like the lab's nginx/httpd and log each request to their container's
// stdout, as the official images do (nginx's "combined" format with $http_x_forwarded_for; httpd's common log).
import type { World } from '../world';
import { registerTcpResponder, tcpResponder, type AppRequest } from '../sim/apps';
import { formatIpv4 } from '../net/ipv4';
import type { Container } from './types';
import { MONTH_NAMES as MONTHS } from '../sim/clock';

/** `03/Mar/2025:09:30:08 +0000`: nginx's $time_local and Apache's %t (without brackets). */
function clf(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** The container whose PID 1 owns the socket that took the request. */
function ownerOf(world: World, r: AppRequest): Container | undefined {
  const ns = r.netns ? world.state.netns[r.netns] : undefined;
  const engine = ns && world.state.docker[ns.host];
  return Object.values(engine?.containers ?? {}).find((c) => c.state.status === 'running' && c.state.pid === r.socket?.pid);
}

interface HttpExchange {
  method?: string;
  path?: string;
  userAgent?: string;
}

function logging(server: 'nginx' | 'httpd') {
  return (r: AppRequest) => {
    const answer = tcpResponder(server)?.(r) ?? null;
    const c = ownerOf(r.world, r);
    const res = answer?.payload as { status?: number; body?: string } | undefined;
    if (c && res?.status) {
      const q = (r.payload ?? {}) as HttpExchange;
      const method = q.method ?? 'GET';
      const bytes = method === 'HEAD' ? 0 : new TextEncoder().encode(res.body ?? '').length;
      const line = `${formatIpv4(r.packet.src)} - - [${clf(r.world.clock.now())}] "${method} ${q.path ?? '/'} HTTP/1.1" ${res.status} ${bytes}`;
      const text = server === 'nginx' ? `${line} "-" "${q.userAgent ?? '-'}" "-"\n` : `${line}\n`;
      c.logs.push({ stream: 'stdout', text, us: r.world.clock.now() });
    }
    return answer;
  };
}

registerTcpResponder('container-nginx', logging('nginx'));
registerTcpResponder('container-httpd', logging('httpd'));
