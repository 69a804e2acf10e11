import { DiscoveredNode } from '@palette-backstage/plugin-palette-common';
import { HOURS_PER_MONTH } from './defaultPrices';
import { observedRate } from './observedRate';
import { costSettingsFrom } from './priceConfig';
import { PriceModel } from './PriceModel';

const model = new PriceModel(costSettingsFrom());

const node = (overrides: Partial<DiscoveredNode>): DiscoveredNode => ({
  name: 'n',
  roles: [],
  cpu: 4,
  memoryGiB: 16,
  osImage: 'Ubuntu 22.04.5 LTS',
  kubeletVersion: 'v1.32.3',
  ready: true,
  problems: [],
  ...overrides,
});

/** An imported cluster as the cost model sees it (the rest is unused). */
function imported(
  provider: 'eks' | 'vsphere',
  nodes: DiscoveredNode[],
  phase: 'Running' | 'Unreachable' = 'Running',
) {
  return {
    provider,
    region: 'eu-west-1',
    cloudAccount: '',
    phase,
    nodes: { ready: 0, desired: 0 },
    request: { workerPools: [] } as any,
    imported: {
      mode: 'read-only' as const,
      secretName: 's',
      inventory: {
        discoveredAt: '2026-11-24T10:00:00Z',
        kubernetes: {
          gitVersion: 'v1.32.3',
          version: '1.32.3',
          distribution: 'eks',
        },
        nodes,
        csi: [],
        helmReleases: [],
        namespaces: [],
      },
    },
  };
}

describe('observed rate of imported clusters', () => {
  it('prices each Ready discovered node at its instance type, with the managed control plane', () => {
    const rate = observedRate(
      model,
      imported('eks', [
        node({ instanceType: 'm6i.large' }),
        node({ instanceType: 'm6i.large' }),
        node({ instanceType: 'm6i.large', ready: false }),
      ]),
    );
    const disk = (80 * 0.08) / HOURS_PER_MONTH;
    expect(rate.nodes).toBe(2);
    expect(rate.hourly).toBeCloseTo(0.1 + 2 * (0.107 + disk), 6);
  });

  it('prices nodes without an instance type by CPU and memory on private clouds', () => {
    const rate = observedRate(
      model,
      imported('vsphere', [node({ cpu: 8, memoryGiB: 32 })]),
    );
    const expected = model.nodeOfSize(
      { provider: 'vsphere', region: 'eu-west-1', cloudAccount: '' },
      { cpus: 8, memoryMiB: 32 * 1024, diskGiB: 100 },
    )!;
    expect(rate).toEqual({
      nodes: 1,
      hourly: expected.computeHourly + expected.storageHourly,
    });
    expect(rate.hourly).toBeGreaterThan(0);
  });

  it('still bills the managed control plane of an unreachable cluster', () => {
    expect(observedRate(model, imported('eks', [], 'Unreachable'))).toEqual({
      hourly: 0.1,
      nodes: 0,
    });
  });
});
