import { describe, expect, it } from 'vitest';
import { highlightKeys } from './highlight';
import { syntheticModel } from './fixtures';

describe('highlightKeys', () => {
  it('outlines changed objects, and only the changed interfaces of a changed host', () => {
    const before = syntheticModel(1, 1);
    const after = syntheticModel(1, 2);
    const changed = ['host:host1', `sandbox:${after.sandboxes[1].id}`, `endpoint:${after.endpoints[1].id}`];
    expect([...highlightKeys(before, after, changed)].sort()).toEqual(
      [`sandbox:${after.sandboxes[1].id}`, `endpoint:${after.endpoints[1].id}`, `iface:host1:${after.endpoints[1].hostIfname}`].sort(),
    );
  });

  it('outlines the network whose bridge device changed', () => {
    const before = syntheticModel(1, 0);
    const after = structuredClone(before);
    after.hosts[0].interfaces[2].up = false;
    expect([...highlightKeys(before, after, ['host:host1'])]).toEqual(['iface:host1:docker0', `network:${after.networks[0].id}`]);
  });
});
