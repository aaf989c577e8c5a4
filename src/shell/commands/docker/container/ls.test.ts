import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../../core/presets';
import { buildFleet } from '../../../../core/docker/test-fleet';
import { Session } from '../../../session';

async function run(session: Session, line: string): Promise<string> {
  let out = '';
  await session.run(line, { out: (t) => (out += t), err: (t) => (out += t), readLine: async () => null });
  return out;
}

describe('docker ps', () => {
  it('prints the same table through the direct field path as through the template engine', async () => {
    const world = createWorld();
    buildFleet(world, 3, 4);
    // No pause between the two listings, so their "Up N seconds" columns agree.
    const s = new Session(world, 'host1', { thinkTimeUs: () => 0 });
    await run(s, 'docker run -d -p 8080:80 --name web nginx');
    const fast = await run(s, 'docker ps -a');
    // Spaces inside the actions keep the formatter off its direct path, so the Go template engine runs it.
    const slow = await run(s, "docker ps -a --format 'table {{ .ID }}\\t{{ .Image }}\\t{{ .Command }}\\t{{ .RunningFor }}\\t{{ .Status }}\\t{{ .Ports }}\\t{{ .Names }}'");
    expect(fast).toBe(slow);
    expect(fast.split('\n')).toHaveLength(1 + 13 + 1);
    expect(fast).toContain('0.0.0.0:8080->80/tcp, :::8080->80/tcp   web');
  });

  it('lists newest first and only running containers without -a', async () => {
    const s = new Session(createWorld(), 'host1');
    await run(s, 'docker run -dit --name first alpine');
    await run(s, 'docker create --name second alpine');
    await run(s, 'docker run -dit --name third alpine');
    expect(await run(s, "docker ps --format '{{.Names}}'")).toBe('third\nfirst\n');
    expect(await run(s, "docker ps -a --format '{{.Names}} {{.State}}'")).toBe('third running\nsecond created\nfirst running\n');
  });
});
