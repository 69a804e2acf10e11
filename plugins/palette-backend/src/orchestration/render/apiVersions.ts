/**
 * The API versions the renderers write, as served by Cluster API v1.14 and
 * the providers' current releases (see ../shared/capi-crds/INDEX.txt): the
 * core, CAPA, CAPV and CAPD on v1beta2; CAPZ, CAPG, CAPO and MAAS still on
 * v1beta1; CAAPH on v1alpha1.
 */
export const GROUP = {
  core: 'cluster.x-k8s.io',
  controlPlane: 'controlplane.cluster.x-k8s.io',
  bootstrap: 'bootstrap.cluster.x-k8s.io',
  infrastructure: 'infrastructure.cluster.x-k8s.io',
  addons: 'addons.cluster.x-k8s.io',
} as const;

export const API = {
  core: `${GROUP.core}/v1beta2`,
  controlPlane: `${GROUP.controlPlane}/v1beta2`,
  bootstrap: `${GROUP.bootstrap}/v1beta2`,
  /** CAPA, CAPV and CAPD. */
  infrastructureV1beta2: `${GROUP.infrastructure}/v1beta2`,
  /** CAPZ, CAPG, CAPO and MAAS. */
  infrastructureV1beta1: `${GROUP.infrastructure}/v1beta1`,
  /** CAPG's GKEConfigTemplate. */
  bootstrapV1beta1: `${GROUP.bootstrap}/v1beta1`,
  helm: `${GROUP.addons}/v1alpha1`,
  clusterResourceSet: `${GROUP.addons}/v1beta2`,
} as const;

/** An object type: what a garbage collector lists by label. */
export interface ObjectKind {
  apiVersion: string;
  kind: string;
}

/** The group of an `apiVersion` (`''` for the core group). */
export function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}
