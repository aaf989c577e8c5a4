import { describe, expect, it } from 'vitest';
import { Session } from '../../session';
import { createWorld } from '../../../core/presets';

function lab() {
  const s = new Session(createWorld({ seed: 1 }), 'host1', { user: 'root' });
  const run = async (line: string) => {
    let text = '';
    const put = (t: string) => (text += t);
    const code = await s.run(line, { out: put, err: put, readLine: async () => null });
    return { code, text };
  };
  return { s, run };
}

describe('nsenter', () => {
  it("finds a container's main process by the PID docker inspect shows, and loses it when the container stops", async () => {
    const { run } = lab();
    await run('docker run -dit --name c1 alpine');
    await run('docker run -dit --name h1 --network host alpine');
    const pid = (name: string) => run(`docker inspect -f '{{.State.Pid}}' ${name}`).then((r) => r.text.trim());
    const a = await pid('c1');
    expect((await run(`nsenter -t ${a} -n ip -o -4 addr show eth0`)).text).toContain('172.17.0.2/16');
    // A host-network container's namespace is the host's own.
    expect((await run(`nsenter -t ${await pid('h1')} -n ip -o -4 addr show eth0`)).text).toContain('10.10.0.11/24');
    await run('docker restart c1');
    const again = await pid('c1');
    expect(again).not.toBe(a);
    expect(await run(`nsenter -t ${a} -n true`)).toEqual({ code: 1, text: `nsenter: cannot open /proc/${a}/ns/net: No such file or directory\n` });
    expect((await run(`nsenter -t ${again} -n -u hostname`)).text).toMatch(/^[0-9a-f]{12}\n$/);
  });

  it('needs CAP_SYS_ADMIN inside a container, which Docker grants only with --privileged', async () => {
    const { run } = lab();
    await run('docker run -dit --name u1 ubuntu');
    await run('docker run -dit --privileged --name p1 ubuntu');
    expect(await run('docker exec u1 nsenter -t 1 -n ip -br link')).toEqual({ code: 1, text: "nsenter: reassociate to namespace 'ns/net' failed: Operation not permitted\n" });
    // The ubuntu image has no iproute2 until it is installed.
    expect(await run('docker exec p1 nsenter -t 1 -n ip -br link')).toEqual({ code: 127, text: 'nsenter: failed to execute ip: No such file or directory\n' });
    await run('docker exec p1 apt-get update');
    await run('docker exec p1 apt-get install -y iproute2');
    expect((await run('docker exec p1 nsenter -t 1 -n ip -br link')).code).toBe(0);
    // Only the container's own processes are visible in its PID namespace.
    expect((await run('docker exec p1 nsenter -t 1000 -n true')).text).toBe('nsenter: cannot open /proc/1000/ns/net: No such file or directory\n');
  });
});
