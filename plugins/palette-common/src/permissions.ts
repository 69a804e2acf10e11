import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of permissions that are decided per cluster profile
 * (conditional rules such as "the profile's owning group").
 *
 * @public
 */
export const PALETTE_PROFILE_RESOURCE_TYPE = 'palette-profile';

/**
 * The resource type of permissions that are decided per cluster.
 *
 * @public
 */
export const PALETTE_CLUSTER_RESOURCE_TYPE = 'palette-cluster';

/** Read cluster profiles and their versions. @public */
export const paletteProfileReadPermission = createPermission({
  name: 'palette.profile.read',
  attributes: { action: 'read' },
  resourceType: PALETTE_PROFILE_RESOURCE_TYPE,
});

/** Create new cluster profiles. @public */
export const paletteProfileCreatePermission = createPermission({
  name: 'palette.profile.create',
  attributes: { action: 'create' },
});

/** Edit the draft of a cluster profile. @public */
export const paletteProfileUpdatePermission = createPermission({
  name: 'palette.profile.update',
  attributes: { action: 'update' },
  resourceType: PALETTE_PROFILE_RESOURCE_TYPE,
});

/** Publish and deprecate versions of a cluster profile. @public */
export const paletteProfilePublishPermission = createPermission({
  name: 'palette.profile.publish',
  attributes: { action: 'update' },
  resourceType: PALETTE_PROFILE_RESOURCE_TYPE,
});

/** Delete cluster profiles or versions no cluster runs. @public */
export const paletteProfileDeletePermission = createPermission({
  name: 'palette.profile.delete',
  attributes: { action: 'delete' },
  resourceType: PALETTE_PROFILE_RESOURCE_TYPE,
});

/** Add and change custom packs in the registry. @public */
export const palettePackManagePermission = createPermission({
  name: 'palette.pack.manage',
  attributes: { action: 'update' },
});

/** Read clusters and their lifecycle. @public */
export const paletteClusterReadPermission = createPermission({
  name: 'palette.cluster.read',
  attributes: { action: 'read' },
  resourceType: PALETTE_CLUSTER_RESOURCE_TYPE,
});

/** Request new clusters. @public */
export const paletteClusterCreatePermission = createPermission({
  name: 'palette.cluster.create',
  attributes: { action: 'create' },
});

/** Upgrade, scale, pause and resume clusters. @public */
export const paletteClusterUpdatePermission = createPermission({
  name: 'palette.cluster.update',
  attributes: { action: 'update' },
  resourceType: PALETTE_CLUSTER_RESOURCE_TYPE,
});

/** Delete clusters. @public */
export const paletteClusterDeletePermission = createPermission({
  name: 'palette.cluster.delete',
  attributes: { action: 'delete' },
  resourceType: PALETTE_CLUSTER_RESOURCE_TYPE,
});

/** Download a cluster's admin kubeconfig. @public */
export const paletteClusterKubeconfigPermission = createPermission({
  name: 'palette.cluster.kubeconfig',
  attributes: { action: 'read' },
  resourceType: PALETTE_CLUSTER_RESOURCE_TYPE,
});

/**
 * Approve or reject a cluster request that needs approval. The policy's
 * approver group is checked as well: a permitted user outside it cannot
 * decide, and nobody decides on their own request.
 *
 * @public
 */
export const paletteClusterApprovePermission = createPermission({
  name: 'palette.cluster.approve',
  attributes: { action: 'update' },
  resourceType: PALETTE_CLUSTER_RESOURCE_TYPE,
});

/** Change governance policies and team quotas. @public */
export const palettePolicyManagePermission = createPermission({
  name: 'palette.policy.manage',
  attributes: { action: 'update' },
});

/** Read fleet-wide cost and compliance. @public */
export const paletteFleetReadPermission = createPermission({
  name: 'palette.fleet.read',
  attributes: { action: 'read' },
});

/**
 * Import an existing cluster by its kubeconfig (read-only or managed).
 * Whoever imports supplies the credentials; they are stored as a Secret on
 * the management cluster and never shown again.
 *
 * @public
 */
export const paletteClusterImportPermission = createPermission({
  name: 'palette.cluster.import',
  attributes: { action: 'create' },
});

/**
 * Create, pause, resume and roll back fleet rollouts of a profile version.
 * Each cluster a rollout touches is also checked against
 * `palette.cluster.update` for the rollout's creator.
 *
 * @public
 */
export const paletteRolloutManagePermission = createPermission({
  name: 'palette.rollout.manage',
  attributes: { action: 'update' },
});

/** Read the audit log of Palette changes. @public */
export const paletteAuditReadPermission = createPermission({
  name: 'palette.audit.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the Palette suite, for registration with the
 * permission framework and for policies that enumerate them.
 *
 * @public
 */
export const palettePermissions = [
  paletteProfileReadPermission,
  paletteProfileCreatePermission,
  paletteProfileUpdatePermission,
  paletteProfilePublishPermission,
  paletteProfileDeletePermission,
  palettePackManagePermission,
  paletteClusterReadPermission,
  paletteClusterCreatePermission,
  paletteClusterUpdatePermission,
  paletteClusterDeletePermission,
  paletteClusterKubeconfigPermission,
  paletteClusterApprovePermission,
  palettePolicyManagePermission,
  paletteFleetReadPermission,
  paletteAuditReadPermission,
  paletteClusterImportPermission,
  paletteRolloutManagePermission,
];
