import { Config } from '@backstage/config';
import { z } from 'zod';
import {
  DEFAULT_MANAGED_CONTROL_PLANE_HOURLY,
  DEFAULT_PRIVATE_RATES,
  DEFAULT_PUBLIC_PRICES,
} from './defaultPrices';

const price = z.number().min(0);
/** Hourly prices by instance type. */
const instancePrices = z.record(z.string().min(1), price);

const publicCloudSchema = z.object({
  /** Used for regions the price list does not have. */
  defaultRegion: z.string().min(1).optional(),
  storagePerGbMonth: price.optional(),
  /** Root disk size assumed per node when pricing storage. */
  nodeDiskGb: z.number().int().min(1).optional(),
  regions: z.record(z.string().min(1), instancePrices).optional(),
});

const privateRatesSchema = z.object({
  vcpuHour: price.optional(),
  memoryGbHour: price.optional(),
  storageGbMonth: price.optional(),
});

/** `palette.cost` as written in app-config: every part optional. */
export const costConfigSchema = z.object({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .optional(),
  aws: publicCloudSchema.optional(),
  azure: publicCloudSchema.optional(),
  gcp: publicCloudSchema.optional(),
  managedControlPlaneHourly: z
    .object({ eks: price, aks: price, gke: price })
    .partial()
    .optional(),
  private: z
    .object({
      vsphere: privateRatesSchema,
      openstack: privateRatesSchema,
      maas: privateRatesSchema,
      dev: privateRatesSchema,
    })
    .partial()
    .optional(),
  /** Per cloud account: negotiated prices and discounts. */
  accounts: z
    .record(
      z.string().min(1),
      z.object({
        /** Fraction taken off every price of the account, e.g. 0.2 for 20 % off. */
        discount: z.number().min(0).max(1).optional(),
        /** Hourly prices by instance type, over the list for any region. */
        instanceTypes: instancePrices.optional(),
      }),
    )
    .optional(),
});

export type PublicCloud = keyof typeof DEFAULT_PUBLIC_PRICES;
export type PrivateCloud = keyof typeof DEFAULT_PRIVATE_RATES;
export type ManagedCloud = keyof typeof DEFAULT_MANAGED_CONTROL_PLANE_HOURLY;

export interface PublicCloudPrices {
  defaultRegion: string;
  storagePerGbMonth: number;
  nodeDiskGb: number;
  regions: Record<string, Record<string, number>>;
}

export interface PrivateRates {
  vcpuHour: number;
  memoryGbHour: number;
  storageGbMonth: number;
}

/** The complete price settings: the defaults with `palette.cost` merged over them. */
export interface CostSettings {
  currency: string;
  public: Record<PublicCloud, PublicCloudPrices>;
  managedControlPlaneHourly: Record<ManagedCloud, number>;
  private: Record<PrivateCloud, PrivateRates>;
  accounts: Record<
    string,
    { discount: number; instanceTypes: Record<string, number> }
  >;
}

type CostConfig = z.infer<typeof costConfigSchema>;

function mergePublic(
  base: PublicCloudPrices,
  over: CostConfig['aws'],
): PublicCloudPrices {
  // Regions merge type by type, so that one negotiated price does not
  // drop the rest of the region's list.
  const regions: Record<string, Record<string, number>> = { ...base.regions };
  for (const [region, types] of Object.entries(over?.regions ?? {})) {
    regions[region] = { ...regions[region], ...types };
  }
  return {
    defaultRegion: over?.defaultRegion ?? base.defaultRegion,
    storagePerGbMonth: over?.storagePerGbMonth ?? base.storagePerGbMonth,
    nodeDiskGb: over?.nodeDiskGb ?? base.nodeDiskGb,
    regions,
  };
}

const mapValues = <K extends string, V, W>(
  record: Record<K, V>,
  fn: (value: V, key: K) => W,
) =>
  Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, fn(v as V, k as K)]),
  ) as Record<K, W>;

/** Merges validated `palette.cost` input over the built-in defaults. */
export function costSettingsFrom(input: CostConfig = {}): CostSettings {
  return {
    currency: input.currency ?? 'USD',
    public: mapValues(DEFAULT_PUBLIC_PRICES, (base, cloud) =>
      mergePublic(base, input[cloud]),
    ),
    managedControlPlaneHourly: {
      ...DEFAULT_MANAGED_CONTROL_PLANE_HOURLY,
      ...input.managedControlPlaneHourly,
    },
    private: mapValues(DEFAULT_PRIVATE_RATES, (base, cloud) => ({
      ...base,
      ...input.private?.[cloud],
    })),
    accounts: mapValues(input.accounts ?? {}, account => ({
      discount: account.discount ?? 0,
      instanceTypes: account.instanceTypes ?? {},
    })),
  };
}

/**
 * Reads `palette.cost`. Invalid settings stop the backend at start with every
 * problem named, rather than pricing the fleet wrongly later.
 */
export function readCostSettings(config: Config): CostSettings {
  const parsed = costConfigSchema.safeParse(
    config.getOptional('palette.cost') ?? {},
  );
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: ${parsed.error.issues
        .map(i => `palette.cost.${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return costSettingsFrom(parsed.data);
}
