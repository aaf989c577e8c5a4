// A large engine for benchmarks and scale tests: `networks` user-defined bridges (10.N.M.0/24 subnets, as the
// default pools hold only 31) with `perNetwork` running alpine containers each, built through the engine's API.
import type { World } from '../world';
import { startContainer } from './container-start';
import { newContainer, newNetwork } from './test-support';

export function buildFleet(world: World, networks: number, perNetwork: number): void {
  const engine = world.state.docker.host1;
  for (let i = 0; i < networks; i++) {
    const subnet = `10.${100 + Math.floor(i / 256)}.${i % 256}.0/24`;
    const name = `net${i}`;
    newNetwork(world, engine, name, { ipam: { driver: 'default', options: {}, config: [{ subnet, ipRange: '', gateway: '', auxAddresses: {} }] } });
    for (let j = 0; j < perNetwork; j++) {
      const c = newContainer(world, engine, { name: `c${i}-${j}`, networkMode: name });
      startContainer(world, engine, c);
    }
  }
}
