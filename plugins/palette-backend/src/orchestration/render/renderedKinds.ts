import { API, ObjectKind } from './apiVersions';
import type { ProviderCloudType } from './context';
import { PROVIDER_RENDERERS } from './providers';

/** What every cluster may have, whatever the provider. */
const SHARED_KINDS: readonly ObjectKind[] = [
  { apiVersion: API.core, kind: 'Cluster' },
  { apiVersion: API.core, kind: 'ClusterClass' },
  { apiVersion: API.controlPlane, kind: 'KubeadmControlPlaneTemplate' },
  { apiVersion: API.bootstrap, kind: 'KubeadmConfigTemplate' },
  { apiVersion: API.helm, kind: 'HelmChartProxy' },
  { apiVersion: API.clusterResourceSet, kind: 'ClusterResourceSet' },
  { apiVersion: 'v1', kind: 'ConfigMap' },
];

/**
 * Every kind the renderer may apply for a cluster of this cloud type: what
 * the reconciler lists (by the `palette.io/cluster` label) to find objects
 * it no longer renders.
 */
export function renderedKinds(cloudType: ProviderCloudType): ObjectKind[] {
  const seen = new Set<string>();
  return [...SHARED_KINDS, ...PROVIDER_RENDERERS[cloudType].kinds].filter(k => {
    const key = `${k.apiVersion}/${k.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
