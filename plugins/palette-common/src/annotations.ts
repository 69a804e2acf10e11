/**
 * Annotation keys that Palette puts on catalog entities. The catalog carries
 * only a coarse phase; live lifecycle is read from palette-backend.
 *
 * @public
 */
export const PALETTE_ANNOTATIONS = {
  /** The coarse lifecycle phase of a cluster when the catalog last synced. */
  phase: 'palette.io/phase',
  /** The profile a cluster runs, as `name@version`. */
  profile: 'palette.io/profile',
  /** The cloud type of a profile or cluster. */
  cloudType: 'palette.io/cloud-type',
  /** The latest published version of a profile. */
  latestVersion: 'palette.io/latest-version',
  /** The name of a cluster in palette-backend. */
  cluster: 'palette.io/cluster',
  /** The region (or placement) of a cluster. */
  region: 'palette.io/region',
  /** The environment of a cluster, e.g. `production`. */
  environment: 'palette.io/environment',
  /** The Kubernetes version a cluster runs (or is moving to). */
  kubernetesVersion: 'palette.io/kubernetes-version',
  /** The management cluster a cluster is reconciled on. */
  managementCluster: 'palette.io/management-cluster',
} as const;
