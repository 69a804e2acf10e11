import { z } from 'zod';
import { semverSchema } from '../packs/types';
import { PROFILE_NAME_PATTERN } from '../profiles/types';

/**
 * Cluster names: DNS-1123 labels of at most 40 characters, because Cluster
 * API objects are named after them with suffixes (`<name>-control-plane`,
 * `<name>-<pool>`), and those must stay valid names too.
 *
 * @public
 */
export const CLUSTER_NAME_PATTERN = /^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/;

/** Worker pool names: DNS-1123 labels of at most 20 characters. @public */
export const POOL_NAME_PATTERN = /^[a-z]([-a-z0-9]{0,18}[a-z0-9])?$/;

/** Kubernetes label keys (optional DNS prefix, then a name). */
const LABEL_KEY_PATTERN =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE_PATTERN =
  /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

/** Environment names, e.g. `dev`, `staging`, `production`. @public */
export const ENVIRONMENT_NAME_PATTERN = /^[a-z]([-a-z0-9]{0,30}[a-z0-9])?$/;

/** A published profile at one version. @public */
export const profileRefSchema = z.object({
  name: z
    .string()
    .regex(PROFILE_NAME_PATTERN, 'must be a profile name such as aws-infra'),
  version: semverSchema,
});
/** @public */
export type ProfileRef = z.infer<typeof profileRefSchema>;

/** A Kubernetes node taint. @public */
export const taintSchema = z.object({
  key: z.string().regex(LABEL_KEY_PATTERN, 'must be a label key'),
  value: z
    .string()
    .regex(LABEL_VALUE_PATTERN, 'must be a label value')
    .optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});
/** @public */
export type Taint = z.infer<typeof taintSchema>;

/** Autoscaling bounds of a worker pool, both inclusive. @public */
export const autoscalingSchema = z
  .object({
    min: z.number().int().min(0).max(1000),
    max: z.number().int().min(1).max(1000),
  })
  .refine(a => a.min <= a.max, {
    message: 'min must not be greater than max',
    path: ['min'],
  });
/** @public */
export type Autoscaling = z.infer<typeof autoscalingSchema>;

/** A worker pool: a MachineDeployment, or a MachinePool on managed services. @public */
export const workerPoolSchema = z
  .object({
    name: z
      .string()
      .regex(
        POOL_NAME_PATTERN,
        'must be a DNS label of at most 20 characters such as workers',
      ),
    /** Instance type (clouds) or size name (private clouds, e.g. `medium`). */
    instanceType: z.string().min(1, 'is required').max(100),
    count: z.number().int().min(0).max(1000),
    autoscaling: autoscalingSchema.optional(),
    labels: z
      .record(
        z.string().regex(LABEL_KEY_PATTERN, 'must be a label key'),
        z.string().regex(LABEL_VALUE_PATTERN, 'must be a label value'),
      )
      .optional(),
    taints: z.array(taintSchema).max(20).optional(),
  })
  .refine(
    p =>
      !p.autoscaling ||
      (p.count >= p.autoscaling.min && p.count <= p.autoscaling.max),
    {
      message: 'count must lie within the autoscaling bounds',
      path: ['count'],
    },
  );
/** @public */
export type WorkerPool = z.infer<typeof workerPoolSchema>;

/** The control plane: its size (ignored by managed services) and machine type. @public */
export const controlPlaneSpecSchema = z.object({
  replicas: z.union([z.literal(1), z.literal(3), z.literal(5)], {
    error: 'must be 1, 3 or 5',
  }),
  /** Instance type or size of control plane machines; the pools' first when absent. */
  instanceType: z.string().min(1).max(100).optional(),
});
/** @public */
export type ControlPlaneSpec = z.infer<typeof controlPlaneSpecSchema>;

/**
 * An entity reference of one kind, e.g. `group:default/team-apollo`.
 *
 * @public
 */
export const entityRefOfKind = (kind: string, example: string) =>
  z
    .string()
    .regex(
      new RegExp(`^(${kind}:)?([a-z0-9-]+/)?[A-Za-z0-9][-A-Za-z0-9_.]*$`, 'i'),
      `must be a ${kind} entity reference such as ${example}`,
    );

/**
 * Who a cluster belongs to, in requests and imports alike: its owning
 * group, the catalog System of its project, and its environment.
 */
export const clusterOwnershipShape = {
  /** Owning group, e.g. `group:default/team-apollo`. */
  owner: entityRefOfKind('group', 'group:default/team-apollo'),
  /** The catalog System of the project, e.g. `system:default/payments`. */
  project: entityRefOfKind('system', 'system:default/payments'),
  environment: z
    .string()
    .regex(
      ENVIRONMENT_NAME_PATTERN,
      'must be a lowercase name such as dev, staging or production',
    ),
};

/**
 * What a developer asks for: everything palette-backend needs to render and
 * govern a cluster. Stored as the cluster's desired state.
 *
 * @public
 */
export const clusterRequestSchema = z
  .object({
    name: z
      .string()
      .regex(
        CLUSTER_NAME_PATTERN,
        'must be a DNS-1123 label of at most 40 characters: lowercase letters, digits and dashes, starting with a letter',
      ),
    /** The infra or full profile. */
    profile: profileRefSchema,
    addOnProfiles: z.array(profileRefSchema).max(20).default([]),
    /** Values of the profiles' variables, by variable name, as text. */
    variables: z.record(z.string(), z.string()).default({}),
    /** A configured cloud account (see `palette.cloudAccounts`). */
    cloudAccount: z.string().min(1, 'is required'),
    /** Region, or placement on private clouds (datacenter, availability zone, resource pool). */
    region: z.string().min(1, 'is required').max(100),
    controlPlane: controlPlaneSpecSchema,
    workerPools: z
      .array(workerPoolSchema)
      .min(1, 'needs at least one worker pool')
      .max(20),
    ...clusterOwnershipShape,
    /** Management cluster; the default one when absent. */
    managementCluster: z.string().min(1).optional(),
    description: z.string().max(2000).optional(),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.workerPools.forEach((p, i) => {
      if (seen.has(p.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['workerPools', i, 'name'],
          message: `pool "${p.name}" is named twice`,
        });
      }
      seen.add(p.name);
    });
    const profiles = new Set([r.profile.name]);
    r.addOnProfiles.forEach((p, i) => {
      if (profiles.has(p.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['addOnProfiles', i, 'name'],
          message: `profile "${p.name}" is listed twice`,
        });
      }
      profiles.add(p.name);
    });
  });

/** A cluster request before defaults are applied (what clients send). @public */
export type ClusterRequestInput = z.input<typeof clusterRequestSchema>;
/** A validated cluster request. @public */
export type ClusterRequest = z.output<typeof clusterRequestSchema>;
