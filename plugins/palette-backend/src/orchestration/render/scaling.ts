import type { WorkerPool } from '@palette-backstage/plugin-palette-common';

/** Annotations Cluster API reads to know who scales a pool. */
export const SCALING_ANNOTATIONS = {
  /** The Cluster API autoscaler's bounds for a MachineDeployment. */
  minSize: 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size',
  maxSize: 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size',
  /** Marks a MachinePool whose replicas an autoscaler outside Cluster API drives. */
  replicasManagedBy: 'cluster.x-k8s.io/replicas-managed-by',
} as const;

/** How one worker entry is sized: a replica count, or annotations instead. */
export interface PoolScaling {
  replicas?: number;
  annotations?: Record<string, string>;
}

/**
 * A MachineDeployment scaled by the Cluster API autoscaler. Cluster API's
 * rule for autoscaling with managed topologies: set the autoscaler's min and
 * max annotations and leave `replicas` unset, otherwise the topology
 * controller resets every change the autoscaler makes. The MachineDeployment
 * webhook then starts the pool at the minimum size, so the pool's `count`
 * only applies while autoscaling is off.
 */
export function machineDeploymentScaling(pool: WorkerPool): PoolScaling {
  if (!pool.autoscaling) return { replicas: pool.count };
  return {
    annotations: {
      [SCALING_ANNOTATIONS.minSize]: String(pool.autoscaling.min),
      [SCALING_ANNOTATIONS.maxSize]: String(pool.autoscaling.max),
    },
  };
}

/**
 * A MachinePool of a managed service, scaled by the service's own
 * autoscaler (EKS node group scaling, AKS cluster autoscaler, GKE node pool
 * autoscaling), whose bounds the provider renders. Cluster API leaves
 * `replicas` to an external autoscaler when the MachinePool carries
 * `cluster.x-k8s.io/replicas-managed-by`; `replicas` stays unset for the same
 * reason as with MachineDeployments.
 */
export function machinePoolScaling(pool: WorkerPool): PoolScaling {
  if (!pool.autoscaling) return { replicas: pool.count };
  return {
    annotations: {
      [SCALING_ANNOTATIONS.replicasManagedBy]: 'external-autoscaler',
    },
  };
}
