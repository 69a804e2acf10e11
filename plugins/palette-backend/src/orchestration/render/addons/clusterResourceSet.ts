import type {
  ManifestsPackKind,
  PackManifest,
} from '@palette-backstage/plugin-palette-common';
import yaml from 'js-yaml';
import type { KubeObject } from '../../types';
import { API } from '../apiVersions';
import { AddOnContext, layerLabels, RenderLayer } from '../context';
import { clusterSelector } from '../labels';
import { clusterObjectName } from '../names';
import { namespacedObject } from '../objects';

/**
 * Kinds that are not namespaced, among those manifests packs commonly hold.
 * A manifests pack's `namespace` applies to namespaced objects that name
 * none; a kind not listed here is taken as namespaced.
 */
const CLUSTER_SCOPED_KINDS = new Set([
  'APIService',
  'ClusterRole',
  'ClusterRoleBinding',
  'CSIDriver',
  'CustomResourceDefinition',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'PersistentVolume',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeSnapshotClass',
]);

/**
 * The manifest as given, or with the pack's default namespace set on its
 * namespaced objects that name none (then re-serialised). ClusterResourceSet
 * applies the documents verbatim, so the default has to be written in.
 */
function withDefaultNamespace(
  manifest: PackManifest,
  namespace: string | undefined,
): string {
  if (!namespace) return manifest.content;
  let documents: Array<{ kind?: string; metadata?: { namespace?: string } }>;
  try {
    documents = yaml
      .loadAll(manifest.content, undefined, { schema: yaml.CORE_SCHEMA })
      .filter(d => d !== null && d !== undefined) as typeof documents;
  } catch {
    // The registry admits only parseable manifests; should one slip
    // through, ClusterResourceSet reports it on the cluster, not here.
    return manifest.content;
  }
  const needsNamespace = documents.some(
    d => !CLUSTER_SCOPED_KINDS.has(d.kind ?? '') && !d.metadata?.namespace,
  );
  if (!needsNamespace) return manifest.content;
  return documents
    .map(d =>
      CLUSTER_SCOPED_KINDS.has(d.kind ?? '') || d.metadata?.namespace
        ? d
        : { ...d, metadata: { ...d.metadata, namespace } },
    )
    .map(d => yaml.dump(d, { lineWidth: -1, noRefs: true }))
    .join('---\n');
}

/**
 * A manifests pack layer: one ConfigMap per manifest file and a
 * ClusterResourceSet `<cluster>-<pack>` that applies them to the Cluster
 * labelled `palette.io/cluster: <cluster>`, reconciling later changes
 * (strategy `Reconcile`; the default `ApplyOnce` would ignore them).
 */
export function clusterResourceSet(
  ctx: AddOnContext,
  layer: RenderLayer,
  kind: ManifestsPackKind,
): KubeObject[] {
  const name = clusterObjectName(ctx.request.name, layer.pack.name);
  const labels = layerLabels(ctx, layer);
  const configMaps = kind.manifests.map(manifest =>
    namespacedObject(
      ctx.namespace,
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name: `${name}-${manifest.name}`,
      },
      {
        data: {
          [manifest.name]: withDefaultNamespace(manifest, kind.namespace),
        },
      },
      labels,
    ),
  );
  const resourceSet = namespacedObject(
    ctx.namespace,
    { apiVersion: API.clusterResourceSet, kind: 'ClusterResourceSet', name },
    {
      spec: {
        clusterSelector: clusterSelector(ctx.request.name),
        strategy: 'Reconcile',
        resources: configMaps.map(cm => ({
          kind: 'ConfigMap',
          name: cm.metadata.name,
        })),
      },
    },
    labels,
  );
  return [...configMaps, resourceSet];
}
