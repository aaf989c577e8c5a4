import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyTopologyDiff, diffTopology, isEmptyDiff } from './diff';
import type { TopoNetwork, TopoSandbox, TopologyModel } from './model';
import { createWorld } from '../presets';
import { projectTopology } from './project';

function net(id: string, subnet = '10.0.0.0/24'): TopoNetwork {
  return { id, name: `n${id}`, driver: 'bridge', scope: 'local', host: 'h', subnets: [subnet], gateways: [], bridge: null, internal: false };
}

function sandbox(id: string, running = true): TopoSandbox {
  return { id, host: 'h', name: `c${id}`, containerId: id, containers: [`c${id}`], mode: 'bridge', netns: `h/ctr/${id}`, interfaces: [], running };
}

function model(networks: TopoNetwork[], sandboxes: TopoSandbox[] = []): TopologyModel {
  return { segments: [], hosts: [{ name: 'h', interfaces: [] }], networks, sandboxes, endpoints: [], namespaces: [] };
}

describe('topology diffs', () => {
  it('is empty between equal models', () => {
    const m = projectTopology(createWorld());
    expect(isEmptyDiff(diffTopology(m, structuredClone(m)))).toBe(true);
  });

  it('names an added network as an upsert and gives the new order', () => {
    const d = diffTopology(model([net('a')]), model([net('a'), net('b')]));
    expect(d.upserts.map((u) => u.key)).toEqual(['network:b']);
    expect(d.removed).toEqual([]);
    expect(d.order.networks).toEqual(['network:a', 'network:b']);
  });

  it('names a changed field as an upsert without a new order', () => {
    const d = diffTopology(model([], [sandbox('x')]), model([], [sandbox('x', false)]));
    expect(d.upserts).toEqual([{ collection: 'sandboxes', key: 'sandbox:x', value: sandbox('x', false) }]);
    expect(d.order).toEqual({});
  });

  it('names removed objects by key', () => {
    const d = diffTopology(model([net('a'), net('b')]), model([net('b')]));
    expect(d.removed).toEqual(['network:a']);
    expect(d.order.networks).toEqual(['network:b']);
  });

  it('turns any model into any other when applied', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 });
    const nets = ids.chain((xs) => fc.tuple(...xs.map((x) => fc.constantFrom('10.0.0.0/24', '10.1.0.0/24').map((s) => net(x, s)))));
    const sbs = ids.chain((xs) => fc.tuple(...xs.map((x) => fc.boolean().map((r) => sandbox(x, r)))));
    const models = fc.tuple(nets, sbs).map(([n, s]) => model(n, s));
    fc.assert(
      fc.property(models, models, (a, b) => {
        expect(applyTopologyDiff(a, diffTopology(a, b))).toEqual(b);
      }),
    );
  });

  it('does not modify the model it is applied to', () => {
    const a = model([net('a')]);
    const copy = structuredClone(a);
    applyTopologyDiff(a, diffTopology(a, model([net('b')])));
    expect(a).toEqual(copy);
  });
});
