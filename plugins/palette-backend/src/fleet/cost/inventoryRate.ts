import { ClusterRecord } from '../../clusters/types';
import { BILLED_CONTROL_PLANE_PHASES } from './billedPhases';
import type { ObservedRate } from './observedRate';
import { PriceModel } from './PriceModel';

/** Disk assumed for a discovered node: its capacity does not say. */
const DISCOVERED_NODE_DISK_GIB = 100;

/**
 * The run-rate of an imported cluster from its last discovery: each Ready
 * node at its instance type, or by its CPU and memory on private clouds
 * when it has no instance type. A node that cannot be priced still counts
 * as a node.
 */
export function inventoryRate(
  model: PriceModel,
  cluster: Pick<
    ClusterRecord,
    'provider' | 'region' | 'cloudAccount' | 'phase' | 'imported'
  >,
): ObservedRate {
  const nodes = (cluster.imported?.inventory?.nodes ?? []).filter(n => n.ready);
  let hourly =
    PriceModel.isManaged(cluster.provider) &&
    BILLED_CONTROL_PLANE_PHASES.has(cluster.phase)
      ? model.managedControlPlaneHourly(cluster)
      : 0;
  for (const node of nodes) {
    const price =
      (node.instanceType
        ? model.node(cluster, node.instanceType)
        : undefined) ??
      model.nodeOfSize(cluster, {
        cpus: node.cpu,
        memoryMiB: node.memoryGiB * 1024,
        diskGiB: DISCOVERED_NODE_DISK_GIB,
      });
    hourly += (price?.computeHourly ?? 0) + (price?.storageHourly ?? 0);
  }
  return { hourly, nodes: nodes.length };
}
