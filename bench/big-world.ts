// A large Docker host for the topology benchmark: 20 user-defined networks and 230 containers, built by running the
// lab's own docker commands in-process, so the drawing is of a real world (just over 500 drawn elements).
import { createWorld } from '../src/core/presets';
import { Session } from '../src/shell/session';

export const NETWORKS = 20;
export const CONTAINERS = 230;

export async function bigWorldSnapshot(): Promise<string> {
  const world = createWorld();
  const session = new Session(world, 'host1');
  let output = '';
  const io = { out: (t: string) => void (output += t), err: (t: string) => void (output += t), readLine: async () => null };
  const run = async (line: string) => {
    output = '';
    const code = await session.run(line, io);
    if (code !== 0) throw new Error(`${line}: exit ${code}\n${output}`);
  };
  for (let n = 0; n < NETWORKS; n++) await run(`docker network create net${n}`);
  for (let c = 0; c < CONTAINERS; c++) await run(`docker run -d --name c${c} --network net${c % NETWORKS} alpine sleep 1d`);
  return JSON.stringify(world.snapshot());
}
