import { ClusterRecord } from '../../clusters/types';
import { BILLED_CONTROL_PLANE_PHASES } from './billedPhases';
import { inventoryRate } from './inventoryRate';
import { PriceModel } from './PriceModel';

/** What a cluster costs per hour as it runs now. */
export interface ObservedRate {
  hourly: number;
  nodes: number;
}

type Observed = Pick<
  ClusterRecord,
  | 'provider'
  | 'region'
  | 'cloudAccount'
  | 'request'
  | 'status'
  | 'nodes'
  | 'phase'
  | 'imported'
>;

/**
 * The run-rate of a cluster from what the management cluster reports, not
 * from what was asked: a pool that is still scaling up, or a failed machine,
 * costs nothing until its node is there. Ready replicas are counted per
 * pool (each at its pool's instance type); ready nodes the status does not
 * attribute to a pool are priced at the first pool's type.
 */
export function observedRate(
  model: PriceModel,
  cluster: Observed,
): ObservedRate {
  if (cluster.imported) return inventoryRate(model, cluster);
  const ctx = cluster;
  const { request, status } = cluster;
  const fallbackType = request.workerPools[0].instanceType;
  let hourly = 0;
  let nodes = 0;
  const add = (instanceType: string, count: number) => {
    const price = model.node(ctx, instanceType);
    hourly +=
      count * ((price?.computeHourly ?? 0) + (price?.storageHourly ?? 0));
    nodes += count;
  };

  const managed = PriceModel.isManaged(cluster.provider);
  if (managed && BILLED_CONTROL_PLANE_PHASES.has(cluster.phase)) {
    hourly += model.managedControlPlaneHourly(ctx);
  }
  if (status && !managed) {
    add(
      request.controlPlane.instanceType ?? fallbackType,
      status.controlPlane.replicas?.ready ?? 0,
    );
  }
  for (const pool of status?.pools ?? []) {
    const asked = request.workerPools.find(p => p.name === pool.name);
    add(asked?.instanceType ?? fallbackType, pool.replicas?.ready ?? 0);
  }
  add(fallbackType, Math.max(0, cluster.nodes.ready - nodes));
  return { hourly, nodes };
}
