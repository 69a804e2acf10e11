import {
  ClusterRequest,
  CloudType,
  isManagedCloudType,
} from '@palette-backstage/plugin-palette-common';
import {
  HOURS_PER_MONTH,
  INSTANCE_TYPES,
  MANAGED_CONTROL_PLANE_HOURLY,
} from './priceTable';

/** What a request counts against its team's quota and budget. */
export interface RequestFootprint {
  /** Nodes at their largest (an autoscaled pool at its maximum), control plane included. */
  nodes: number;
  vcpus: number;
  /** Estimated monthly cost at that size. */
  monthlyCost: number;
  /** Instance types the price table does not know (counted as 0 vCPUs and free). */
  unknownInstanceTypes: string[];
}

/**
 * The footprint of a request. Quotas and budgets are checked against the
 * worst case: an autoscaled pool at its maximum, since the autoscaler may
 * take it there without asking anyone.
 */
export function footprintOf(
  request: ClusterRequest,
  provider: CloudType,
): RequestFootprint {
  const unknown = new Set<string>();
  let nodes = 0;
  let vcpus = 0;
  let hourly = 0;
  const add = (instanceType: string, count: number) => {
    const info = INSTANCE_TYPES[instanceType];
    if (!info) unknown.add(instanceType);
    nodes += count;
    vcpus += (info?.vcpus ?? 0) * count;
    hourly += (info?.hourly ?? 0) * count;
  };
  if (isManagedCloudType(provider)) {
    hourly += MANAGED_CONTROL_PLANE_HOURLY[provider] ?? 0;
  } else {
    add(
      request.controlPlane.instanceType ?? request.workerPools[0].instanceType,
      request.controlPlane.replicas,
    );
  }
  for (const pool of request.workerPools) {
    add(pool.instanceType, pool.autoscaling?.max ?? pool.count);
  }
  return {
    nodes,
    vcpus,
    monthlyCost: Math.round(hourly * HOURS_PER_MONTH * 100) / 100,
    unknownInstanceTypes: [...unknown],
  };
}
