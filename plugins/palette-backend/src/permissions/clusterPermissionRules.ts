import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  ClusterSummary,
  PALETTE_CLUSTER_RESOURCE_TYPE,
} from '@palette-backstage/plugin-palette-common';
import { z } from 'zod';
import { ClusterFilterProperty } from '../clusters/types';

/** What a cluster permission condition becomes in a store query. */
export type ClusterQuery = {
  property: ClusterFilterProperty;
  values: string[];
};

/** Clusters as a resource of the permission framework (resourceRef: the cluster name). @public */
export const paletteClusterResourceRef = createPermissionResourceRef<
  ClusterSummary,
  ClusterQuery
>().with({
  pluginId: 'palette',
  resourceType: PALETTE_CLUSTER_RESOURCE_TYPE,
});

const claimsSchema = z.object({
  claims: z
    .array(z.string())
    .describe('Entity refs, e.g. the user’s ownership claims'),
});

const lower = (values: string[]) =>
  values.map(v => v.toLocaleLowerCase('en-US'));

/** A team manages its own clusters: a policy passes the user's ownership claims. */
const isClusterOwner = createPermissionRule({
  name: 'IS_CLUSTER_OWNER',
  description:
    'Allow clusters whose owning group is one of the given entity refs (e.g. the user’s ownership claims)',
  resourceRef: paletteClusterResourceRef,
  paramsSchema: claimsSchema,
  apply: (cluster, { claims }) =>
    lower(claims).includes(cluster.owner.toLocaleLowerCase('en-US')),
  toQuery: ({ claims }) => ({ property: 'owner', values: claims }),
});

/** Clusters of some environments only, e.g. everything but production. */
const isClusterInEnvironment = createPermissionRule({
  name: 'IS_CLUSTER_IN_ENVIRONMENT',
  description: 'Allow clusters of the given environments',
  resourceRef: paletteClusterResourceRef,
  paramsSchema: z.object({
    environments: z.array(z.string()).describe('e.g. dev, staging'),
  }),
  apply: (cluster, { environments }) =>
    environments.includes(cluster.environment),
  toQuery: ({ environments }) => ({
    property: 'environment',
    values: environments,
  }),
});

/** Clusters of some projects (catalog Systems). */
const isClusterInProject = createPermissionRule({
  name: 'IS_CLUSTER_IN_PROJECT',
  description: 'Allow clusters of the given projects (System entity refs)',
  resourceRef: paletteClusterResourceRef,
  paramsSchema: z.object({
    projects: z.array(z.string()).describe('e.g. system:default/payments'),
  }),
  apply: (cluster, { projects }) =>
    lower(projects).includes(cluster.project.toLocaleLowerCase('en-US')),
  toQuery: ({ projects }) => ({ property: 'project', values: projects }),
});

/** The conditional rules of cluster permissions. @public */
export const paletteClusterPermissionRules = {
  isClusterOwner,
  isClusterInEnvironment,
  isClusterInProject,
};

/**
 * Conditions for permission policies, e.g.
 * `createPaletteClusterConditionalDecision(permission, paletteClusterConditions.isClusterOwner({ claims: user.identity.ownershipEntityRefs }))`.
 *
 * @public
 */
export const {
  conditions: paletteClusterConditions,
  createConditionalDecision: createPaletteClusterConditionalDecision,
} = createConditionExports({
  resourceRef: paletteClusterResourceRef,
  rules: paletteClusterPermissionRules,
});
