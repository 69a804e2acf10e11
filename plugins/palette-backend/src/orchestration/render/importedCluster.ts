import {
  PALETTE_LABELS,
  PALETTE_MANAGED_BY,
  ProfileVersion,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { PackRegistry } from '../../packs';
import type { KubeObject } from '../types';
import { renderAddOns } from './addons';
import { API } from './apiVersions';
import type { ProviderCloudType } from './context';
import { resolveLayers } from './layers';
import { RenderMessages } from './messages';
import { namespacedObject } from './objects';

/** The label that marks the Cluster of an imported cluster (no infrastructure). */
export const IMPORTED_LABEL = 'palette.io/imported';

/** What an imported cluster in managed mode is rendered from. */
export interface ImportedRenderInput {
  name: string;
  namespace: string;
  /** The API server URL of the cluster's kubeconfig. */
  server: string;
  cloudType: ProviderCloudType;
  addOnProfiles: ProfileVersion[];
  packs: PackRegistry;
}

/** `https://host:6443` → `{ host, port }` (443 when the URL names none). */
function endpointOf(server: string): { host: string; port: number } {
  const url = new URL(server);
  return {
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'http:' ? 80 : 443)),
  };
}

/**
 * An imported cluster in managed mode, as Cluster API objects: a `Cluster`
 * with no topology and no infrastructure or control plane references
 * (Cluster API manages none of its machines; it only gives CAAPH a cluster
 * to install on), whose endpoint is the kubeconfig's server, and the layers
 * of its add-on profiles as the same HelmChartProxies and
 * ClusterResourceSets a created cluster gets. The kubeconfig Secret
 * `<name>-kubeconfig` that CAAPH reaches the cluster with is not rendered:
 * the reconciler writes it from the import Secret, so credentials never sit
 * in rendered output.
 */
export function renderImportedCluster(input: ImportedRenderInput): {
  objects?: KubeObject[];
  messages: ValidationMessage[];
} {
  const messages = new RenderMessages();
  // Imported clusters have no variables: add-on values use their defaults.
  const layers = resolveLayers(
    { request: { variables: {} }, packs: input.packs },
    input.addOnProfiles.map((profile, i) => ({
      profile,
      field: `addOnProfiles.${i}`,
    })),
    input.cloudType,
    messages,
  );
  for (const layer of layers) {
    if (layer.pack.layer === 'os' || layer.pack.layer === 'k8s')
      messages.error(
        'addOnProfile.layers',
        layer.source.field,
        `${layer.source.profile.name} holds the ${layer.pack.layer} pack ${layer.pack.name}; an imported cluster takes add-ons only`,
        layer.pack.name,
      );
  }
  if (messages.hasErrors) return { messages: messages.list() };
  const addOns = layers.sort(
    (a, b) => a.pack.installPriority - b.pack.installPriority,
  );
  const cluster = namespacedObject(
    input.namespace,
    { apiVersion: API.core, kind: 'Cluster', name: input.name },
    { spec: { controlPlaneEndpoint: endpointOf(input.server) } },
    {
      [PALETTE_LABELS.managedBy]: PALETTE_MANAGED_BY,
      [PALETTE_LABELS.cluster]: input.name,
      [IMPORTED_LABEL]: 'managed',
    },
  );
  return {
    objects: [
      cluster,
      ...renderAddOns({
        request: { name: input.name },
        namespace: input.namespace,
        addOns,
      }),
    ],
    messages: messages.list(),
  };
}
