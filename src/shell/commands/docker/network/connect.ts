// `docker network connect` and `disconnect`: attach a container to a network or detach it, live if it runs.
import type { CobraCommand } from '../../../cobra';
import { findNetwork, getContainer } from '../../../../core/docker/lookup';
import { connectContainer, disconnectContainer } from '../../../../core/docker/container-connect';
import { withDaemon } from '../client';
import { kvPairs } from '../kv';

export const networkConnect: CobraCommand = {
  name: 'connect',
  use: 'connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: { exact: 2 },
  flags: [
    { name: 'alias', type: 'stringSlice', help: 'Add network-scoped alias for the container' },
    { name: 'driver-opt', type: 'stringSlice', help: 'driver options for the network' },
    { name: 'ip', type: 'string', help: 'IPv4 address (e.g., "172.30.100.104")' },
    { name: 'ip6', type: 'string', help: 'IPv6 address (e.g., "2001:db8::33")' },
    { name: 'link', type: 'stringArray', valueName: 'list', help: 'Add link to another container' },
    { name: 'link-local-ip', type: 'stringSlice', help: 'Add a link-local address for the container' },
  ],
  run: (ctx, { values, args }) =>
    withDaemon(ctx, (engine) => {
      const c = getContainer(engine, args[1]);
      const n = findNetwork(engine, args[0]);
      const driverOpts = kvPairs(values['driver-opt'] as string[]);
      connectContainer(ctx.world, engine, c, n, {
        aliases: values.alias as string[],
        links: values.link as string[],
        ipv4Address: values.ip as string,
        ipamConfigSent: true,
        ipv6Address: values.ip6 as string,
        driverOpts: Object.keys(driverOpts).length ? driverOpts : null,
      });
      return 0;
    }),
};

export const networkDisconnect: CobraCommand = {
  name: 'disconnect',
  use: 'disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: { exact: 2 },
  flags: [{ name: 'force', short: 'f', type: 'bool', help: 'Force the container to disconnect from a network' }],
  run: (ctx, { args }) =>
    withDaemon(ctx, (engine) => {
      const c = getContainer(engine, args[1]);
      disconnectContainer(ctx.world, engine, c, findNetwork(engine, args[0]));
      return 0;
    }),
};
