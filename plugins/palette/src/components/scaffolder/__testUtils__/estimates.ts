import {
  ClusterRequestInput,
  CostEstimate,
  CostRange,
} from '@palette-backstage/plugin-palette-common';

/** The test price model: every node costs this much an hour… */
export const NODE_HOURLY = 0.1;
/** …and its disk this much. */
export const DISK_HOURLY = 0.01;

const range = (min: number, max = min): CostRange => ({
  hourly: { min, max },
  monthly: { min: min * 730, max: max * 730 },
});

/**
 * Answers `estimateCost` as palette-backend does, with flat prices: the
 * control plane at its replicas, each pool at its count or autoscaling
 * bounds, and a disk per node.
 */
export async function estimateWithFlatPrices(
  request: ClusterRequestInput,
): Promise<CostEstimate> {
  const cp = request.controlPlane.replicas;
  const pools = request.workerPools.map(p => ({
    name: p.name,
    type: p.instanceType,
    min: p.autoscaling?.min ?? p.count,
    max: p.autoscaling?.max ?? p.count,
  }));
  const nodes = pools.reduce<{ min: number; max: number }>(
    (sum, p) => ({ min: sum.min + p.min, max: sum.max + p.max }),
    { min: cp, max: cp },
  );
  const lines = [
    { item: `control plane (${cp} × m5.large)`, cost: range(cp * NODE_HOURLY) },
    ...pools.map(p => ({
      item: `pool ${p.name} (${
        p.min === p.max ? p.min : `${p.min}–${p.max}`
      } × ${p.type})`,
      cost: range(p.min * NODE_HOURLY, p.max * NODE_HOURLY),
    })),
    {
      item: 'storage',
      cost: range(nodes.min * DISK_HOURLY, nodes.max * DISK_HOURLY),
    },
  ];
  const per = NODE_HOURLY + DISK_HOURLY;
  return {
    currency: 'USD',
    total: range(nodes.min * per, nodes.max * per),
    lines,
    warnings: [],
  };
}
