import {
  ClusterRequestInput,
  ControlPlaneSpec,
  controlPlaneSpecSchema,
  CostEstimate,
  profileRefSchema,
  WorkerPool,
} from '@palette-backstage/plugin-palette-common';
import type { CustomFieldExtensionSchema } from '@backstage/plugin-scaffolder-react';
import { formatMoneyRange } from '../fleet/format';
import { workerPoolProblems } from './nodePools';

/**
 * Where a scaffolder field finds the parts of the request that decide its
 * cost. Each part is read from a form field (named by `…Field`, defaulting
 * to the names the example templates use) unless the template fixes it in
 * its steps instead of asking: then `ui:options` give it, as the step's
 * input does (`cloudAccount: local`, `controlPlane: { replicas: 1 }`).
 */
export type CostEstimateUiOptions = {
  /** The form field with the `PaletteProfilePicker` value (default `profile`). */
  profileField?: string;
  /** The form field with the `PaletteNodePoolEditor` value (default `workerPools`). */
  workerPoolsField?: string;
  /** The form field with the cloud account (default `cloudAccount`). */
  cloudAccountField?: string;
  /** The form field with the region (default `region`). */
  regionField?: string;
  /** The form field with the control plane spec (default `controlPlane`). */
  controlPlaneField?: string;
  /** The cloud account when the template fixes it. */
  cloudAccount?: string;
  /** The region when the template fixes it. */
  region?: string;
  /** The control plane when the template fixes it, e.g. `{ replicas: 3 }`. */
  controlPlane?: ControlPlaneSpec;
};

/** The `ui:options` JSON schema of `CostEstimateUiOptions`, for field extensions. */
export const costEstimateUiOptionsProperties: NonNullable<
  NonNullable<CustomFieldExtensionSchema['uiOptions']>['properties']
> = {
  profileField: {
    type: 'string',
    description: 'The form field holding the profile (default: profile)',
  },
  workerPoolsField: {
    type: 'string',
    description:
      'The form field holding the worker pools (default: workerPools)',
  },
  cloudAccountField: {
    type: 'string',
    description:
      'The form field holding the cloud account (default: cloudAccount)',
  },
  regionField: {
    type: 'string',
    description: 'The form field holding the region (default: region)',
  },
  controlPlaneField: {
    type: 'string',
    description:
      'The form field holding the control plane spec (default: controlPlane)',
  },
  cloudAccount: {
    type: 'string',
    description: 'The cloud account, when the template fixes it',
  },
  region: {
    type: 'string',
    description: 'The region, when the template fixes it',
  },
  controlPlane: {
    type: 'object',
    description: 'The control plane, when the template fixes it',
    required: ['replicas'],
    properties: {
      replicas: { type: 'integer', enum: [1, 3, 5] },
      instanceType: { type: 'string' },
    },
  },
};

/**
 * The estimate route validates a whole cluster request, but the price
 * depends only on placement and sizes. The identity fields are stand-ins so
 * that a half-typed name or a project not chosen yet never stops an
 * estimate (and nothing the user typed there leaves the form early).
 */
const STAND_IN_IDENTITY = {
  name: 'cost-estimate',
  owner: 'group:default/cost-estimate',
  project: 'system:default/cost-estimate',
  environment: 'estimate',
} as const;

/** What the parts of the request are called when the form lacks them. */
export const MISSING = {
  profile: 'a cluster profile and version',
  cloudAccount: 'a cloud account',
  region: 'a region',
  controlPlane: 'the control plane size',
  workerPools: 'valid worker pools',
} as const;

/** A request to estimate, or what the form still lacks for one. */
export type CostRequest =
  | { request: ClusterRequestInput; missing?: undefined }
  | { request?: undefined; missing: string[] };

/** Values a field knows better than the form state (its own, a default). */
export interface CostRequestOverrides {
  /** The profile, when the field is the profile picker itself. */
  profile?: unknown;
  /** Pools to estimate when the form has none yet (the template's default). */
  fallbackPools?: unknown;
}

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/**
 * The request whose cost the form describes so far: its profile, placement,
 * control plane and worker pools (read as `CostEstimateUiOptions` say), or
 * what is missing for one, in the order the form asks.
 */
export function costRequestOf(
  formData: unknown,
  options: CostEstimateUiOptions = {},
  overrides: CostRequestOverrides = {},
): CostRequest {
  const data =
    formData && typeof formData === 'object'
      ? (formData as Record<string, unknown>)
      : {};
  const missing: string[] = [];

  const profile = profileRefSchema.safeParse(
    overrides.profile ?? data[options.profileField ?? 'profile'],
  );
  if (!profile.success) missing.push(MISSING.profile);
  const cloudAccount =
    text(options.cloudAccount) ??
    text(data[options.cloudAccountField ?? 'cloudAccount']);
  if (!cloudAccount) missing.push(MISSING.cloudAccount);
  const region =
    text(options.region) ?? text(data[options.regionField ?? 'region']);
  if (!region) missing.push(MISSING.region);
  const controlPlane = controlPlaneSpecSchema.safeParse(
    options.controlPlane ?? data[options.controlPlaneField ?? 'controlPlane'],
  );
  if (!controlPlane.success) missing.push(MISSING.controlPlane);
  const formPools = data[options.workerPoolsField ?? 'workerPools'];
  const pools =
    Array.isArray(formPools) && formPools.length
      ? formPools
      : overrides.fallbackPools;
  if (workerPoolProblems(pools).length) missing.push(MISSING.workerPools);

  if (missing.length) return { missing };
  return {
    request: {
      ...STAND_IN_IDENTITY,
      profile: profile.data!,
      cloudAccount: cloudAccount!,
      region: region!,
      controlPlane: controlPlane.data!,
      workerPools: pools as WorkerPool[],
    },
  };
}

/**
 * The default a step's schema gives one of its fields, e.g. the template's
 * worker pools: the shape to estimate before the form holds its own.
 */
export function schemaDefault(rootSchema: unknown, field: string): unknown {
  if (!rootSchema || typeof rootSchema !== 'object') return undefined;
  const properties = (rootSchema as { properties?: unknown }).properties;
  if (!properties || typeof properties !== 'object') return undefined;
  const property = (properties as Record<string, unknown>)[field];
  return property && typeof property === 'object'
    ? (property as { default?: unknown }).default
    : undefined;
}

/** `a cloud account, a region and valid worker pools`. */
export function listMissing(missing: string[]): string {
  if (missing.length < 2) return missing.join('');
  return `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
}

/** Whether an estimate is a range (some pool autoscales). */
export const isRange = (estimate: CostEstimate) =>
  estimate.total.hourly.min !== estimate.total.hourly.max;

/** `$412–$780 per month`, in whole units as estimates are no more precise. */
export const monthlyText = (cost: CostEstimate['total'], currency: string) =>
  `${formatMoneyRange(cost.monthly, currency, { whole: true })} per month`;

/** `$0.56–$1.07 per hour`. */
export const hourlyText = (cost: CostEstimate['total'], currency: string) =>
  `${formatMoneyRange(cost.hourly, currency)} per hour`;

/**
 * The estimate in one line, e.g. `$412–$780 per month ($0.56–$1.07 per
 * hour)`: the value of the `PaletteCostEstimate` field, as the review lists it.
 */
export const describeCostEstimate = (estimate: CostEstimate) =>
  `${monthlyText(estimate.total, estimate.currency)} (${hourlyText(
    estimate.total,
    estimate.currency,
  )})`;
