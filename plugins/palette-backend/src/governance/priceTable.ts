import { CloudType } from '@palette-backstage/plugin-palette-common';
import { MACHINE_SIZES } from '../orchestration/render';

/** What one node of an instance type is and costs. */
export interface InstanceTypeInfo {
  vcpus: number;
  /** On-demand price per hour, in the price table's currency (USD). */
  hourly: number;
}

/**
 * The fixed price table of governance: vCPUs and list prices of common
 * instance types, and the size names private clouds use. It is what budget
 * checks use until the cost model (with prices per cloud, region and
 * account in app-config) replaces it; it is deliberately small and explicit.
 */
export const INSTANCE_TYPES: Readonly<Record<string, InstanceTypeInfo>> = {
  // AWS (us-east-1 on-demand, Linux)
  't3.medium': { vcpus: 2, hourly: 0.0416 },
  'm5.large': { vcpus: 2, hourly: 0.096 },
  'm5.xlarge': { vcpus: 4, hourly: 0.192 },
  'm5.2xlarge': { vcpus: 8, hourly: 0.384 },
  'c5.xlarge': { vcpus: 4, hourly: 0.17 },
  'r5.xlarge': { vcpus: 4, hourly: 0.252 },
  // Azure (East US, pay as you go)
  Standard_D2s_v5: { vcpus: 2, hourly: 0.096 },
  Standard_D4s_v5: { vcpus: 4, hourly: 0.192 },
  Standard_D8s_v5: { vcpus: 8, hourly: 0.384 },
  // GCP (us-central1 on-demand)
  'n2-standard-2': { vcpus: 2, hourly: 0.0971 },
  'n2-standard-4': { vcpus: 4, hourly: 0.1942 },
  'n2-standard-8': { vcpus: 8, hourly: 0.3885 },
  'e2-standard-4': { vcpus: 4, hourly: 0.134 },
  // Private clouds and local clusters: sizes priced per vCPU-hour.
  ...Object.fromEntries(
    Object.entries(MACHINE_SIZES).map(([size, s]) => [
      size,
      { vcpus: s.cpus, hourly: s.cpus * 0.02 },
    ]),
  ),
};

/** The hourly fee of a managed control plane. */
export const MANAGED_CONTROL_PLANE_HOURLY: Partial<Record<CloudType, number>> =
  { eks: 0.1, aks: 0.1, gke: 0.1 };

/** Hours in an average month (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;
