import { CloudType } from '@palette-backstage/plugin-palette-common';
import {
  DEFAULT_MANAGED_CONTROL_PLANE_HOURLY,
  DEFAULT_PRIVATE_RATES,
  DEFAULT_PUBLIC_PRICES,
  HOURS_PER_MONTH,
} from '../fleet/cost/defaultPrices';
import { MACHINE_SIZES } from '../orchestration/render';

export { HOURS_PER_MONTH };

/** What one node of an instance type is and costs. */
export interface InstanceTypeInfo {
  vcpus: number;
  /** On-demand price per hour, in the price table's currency (USD). */
  hourly: number;
}

/** vCPUs of the public-cloud instance types governance counts against quotas. */
const PUBLIC_VCPUS: Readonly<Record<string, number>> = {
  // AWS
  't3.medium': 2,
  'm5.large': 2,
  'm5.xlarge': 4,
  'm5.2xlarge': 8,
  'c5.xlarge': 4,
  'r5.xlarge': 4,
  // Azure
  Standard_D2s_v5: 2,
  Standard_D4s_v5: 4,
  Standard_D8s_v5: 8,
  // GCP
  'n2-standard-2': 2,
  'n2-standard-4': 4,
  'n2-standard-8': 8,
  'e2-standard-4': 4,
};

/** The built-in list price of each instance type in its cloud's default region. */
const DEFAULT_REGION_PRICES: Readonly<Record<string, number>> = Object.assign(
  {},
  ...Object.values(DEFAULT_PUBLIC_PRICES).map(
    cloud =>
      (cloud.regions as Record<string, Record<string, number>>)[
        cloud.defaultRegion
      ],
  ),
);

/**
 * The fixed price table of governance: vCPUs of common instance types
 * priced at the cost model's built-in list prices (default regions), and
 * the size names private clouds use, priced per vCPU-hour. It is what
 * budget checks use when no cost model is given (see `GovernanceService`);
 * it is deliberately small and explicit.
 */
export const INSTANCE_TYPES: Readonly<Record<string, InstanceTypeInfo>> = {
  ...Object.fromEntries(
    Object.entries(PUBLIC_VCPUS).map(([type, vcpus]) => [
      type,
      { vcpus, hourly: DEFAULT_REGION_PRICES[type] },
    ]),
  ),
  // Private clouds and local clusters: sizes priced per vCPU-hour.
  ...Object.fromEntries(
    Object.entries(MACHINE_SIZES).map(([size, s]) => [
      size,
      { vcpus: s.cpus, hourly: s.cpus * DEFAULT_PRIVATE_RATES.dev.vcpuHour },
    ]),
  ),
};

/** The hourly fee of a managed control plane. */
export const MANAGED_CONTROL_PLANE_HOURLY: Partial<Record<CloudType, number>> =
  DEFAULT_MANAGED_CONTROL_PLANE_HOURLY;
