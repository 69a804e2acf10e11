import {
  ClusterPhase,
  clusterPhaseSchema,
  ClusterRequestInput,
} from '@palette-backstage/plugin-palette-common';
import { z } from 'zod';

/**
 * What the portal's action list says about each field of the cluster
 * request (palette-common's `clusterRequestSchema`, which carries none).
 */
export const clusterRequestDescriptions: {
  [K in keyof ClusterRequestInput]-?: string;
} = {
  name: 'Cluster name: a DNS-1123 label of at most 40 characters, starting with a letter.',
  profile:
    'The infra or full cluster profile, at a published version: { name, version }.',
  addOnProfiles:
    'Add-on profiles layered on top, each { name, version }. None by default.',
  variables:
    "Values of the profiles' variables, by variable name, as text. None by default.",
  cloudAccount:
    'A configured cloud account (palette.cloudAccounts), e.g. aws-sandbox or local.',
  region:
    'Region, or placement on private clouds (datacenter, zone, resource pool).',
  controlPlane:
    'Control plane: replicas 1, 3 or 5 (ignored by managed services) and an optional instanceType.',
  workerPools:
    'Worker pools, at least one: [{ name, instanceType, count, autoscaling?: { min, max }, labels?, taints? }].',
  owner: 'Owning group, e.g. group:default/team-apollo.',
  project: 'The catalog System of the project, e.g. system:default/payments.',
  environment: 'Environment, e.g. dev, staging or production.',
  managementCluster:
    'Management cluster to reconcile on; the default one when absent.',
  description: 'Why the cluster exists, for the catalog and approvers.',
};

/** What `palette:cluster:create` outputs. */
export const clusterCreateOutputSchema = z.object({
  name: z.string().describe('The cluster name.'),
  entityRef: z
    .string()
    .describe(
      "The cluster's catalog entity, resource:default/<name>; it appears once the catalog has synced.",
    ),
  statusUrl: z
    .string()
    .describe(
      "The cluster's live status page, relative to the app: /palette/clusters/<name>.",
    ),
  phase: clusterPhaseSchema.describe(
    'The phase right after the request: Requested, or PendingApproval when governance requires an approval.',
  ),
  approvalId: z
    .string()
    .optional()
    .describe(
      'Set while the request awaits an approval: what approvers decide on /palette/approvals (the cluster name).',
    ),
});

/** @public */
export type ClusterCreateOutput = z.output<typeof clusterCreateOutputSchema>;

/** The namespace palette-backend's catalog provider puts clusters in by default. */
const CLUSTER_ENTITY_NAMESPACE = 'default';

/** The outputs of a requested (or, in a dry run, validated) cluster. */
export function clusterCreateOutput(
  name: string,
  phase: ClusterPhase,
): ClusterCreateOutput {
  return {
    name,
    entityRef: `resource:${CLUSTER_ENTITY_NAMESPACE}/${name}`,
    statusUrl: `/palette/clusters/${encodeURIComponent(name)}`,
    phase,
    // Approvals are keyed by cluster: a cluster has at most one pending.
    ...(phase === 'PendingApproval' ? { approvalId: name } : {}),
  };
}
