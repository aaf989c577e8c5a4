import { describe, expect, it } from 'vitest';
import { newContainer, testEngine } from './test-support';
import { startContainer } from './container-start';
import { reapContainers } from './container-stop';
import { NGINX_BIND_RETRY_US, NGINX_BIND_TRIES } from './service-logs';

describe('nginx whose port 80 is taken (host network)', () => {
  it('retries bind() five times 500 ms apart for 0.0.0.0:80 and [::]:80, then exits 1 after 2.5 s', () => {
    const { world, engine } = testEngine();
    const first = newContainer(world, engine, { name: 'web', image: 'nginx', networkMode: 'host' });
    startContainer(world, engine, first);
    const second = newContainer(world, engine, { name: 'web2', image: 'nginx', networkMode: 'host' });
    startContainer(world, engine, second);
    const t0 = world.clock.now();
    const text = second.logs.map((l) => l.text).join('');
    expect(text.match(/\[emerg\] 1#1: bind\(\) to 0\.0\.0\.0:80 failed \(98: Address already in use\)/g)).toHaveLength(NGINX_BIND_TRIES);
    expect(text.match(/nginx: \[emerg\] bind\(\) to \[::\]:80 failed \(98: Address already in use\)/g)).toHaveLength(NGINX_BIND_TRIES);
    expect(text.match(/try again to bind\(\) after 500ms/g)).toHaveLength(NGINX_BIND_TRIES);
    expect(text.endsWith('[emerg] 1#1: still could not bind()\nnginx: [emerg] still could not bind()\n')).toBe(true);
    const last = second.logs[second.logs.length - 1];
    expect(last.us - t0).toBe(NGINX_BIND_TRIES * NGINX_BIND_RETRY_US);
    // Still running (docker ps: Up) until it gives up, then Exited (1).
    world.clock.advance(2_000_000);
    reapContainers(world, engine);
    expect(second.state.status).toBe('running');
    world.clock.advance(600_000);
    reapContainers(world, engine);
    expect(second.state).toMatchObject({ status: 'exited', exitCode: 1 });
    expect(first.state.status).toBe('running');
  });
});
