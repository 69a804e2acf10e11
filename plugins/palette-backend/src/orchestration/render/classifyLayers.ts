import {
  KubernetesPackKind,
  OsPackKind,
  PACK_LAYER_LABELS,
} from '@palette-backstage/plugin-palette-common';
import type { RenderInput } from '../types';
import type { ProviderCloudType, RenderContext, RenderLayer } from './context';
import { RenderMessages } from './messages';

/**
 * The one layer of a core kind. A profile that does not declare exactly
 * one is reported; one whose layer was left out for a problem already
 * reported (an unknown pack, bad values) is not reported again.
 */
function single(
  layers: RenderLayer[],
  kind: 'os' | 'k8s',
  input: RenderInput,
  messages: RenderMessages,
): RenderLayer | undefined {
  if (layers.length === 1) return layers[0];
  const declared = input.profile.layers.filter(
    l => input.packs.get(l.packName, l.packVersion)?.layer === kind,
  ).length;
  if (declared !== 1) {
    messages.error(
      'profile.layers',
      'profile',
      `${input.profile.name}@${input.profile.version} needs exactly one ${PACK_LAYER_LABELS[kind]} layer, not ${declared}`,
    );
  }
  return undefined;
}

/**
 * Sorts the resolved layers into the render context: the OS and Kubernetes
 * layers of the infra/full profile, the layers to install (in install
 * order; the sort is stable, so equal priorities keep profile order) and
 * those the managed service provides itself. Undefined when the profile
 * lacks a usable OS or Kubernetes layer (reported).
 */
export function buildContext(
  input: RenderInput,
  cloudType: ProviderCloudType,
  layers: RenderLayer[],
  messages: RenderMessages,
): RenderContext | undefined {
  const own = layers.filter(l => l.source.field === 'profile');
  const os = single(
    own.filter(l => l.pack.layer === 'os'),
    'os',
    input,
    messages,
  );
  const kubernetes = single(
    own.filter(l => l.pack.layer === 'k8s'),
    'k8s',
    input,
    messages,
  );
  for (const layer of layers) {
    const core = layer.pack.layer === 'os' || layer.pack.layer === 'k8s';
    if (core && layer.source.field !== 'profile') {
      messages.error(
        'addOnProfile.layers',
        layer.source.field,
        `${layer.source.profile.name} holds the ${layer.pack.layer} pack ${layer.pack.name}; add-on profiles hold add-ons only`,
        layer.pack.name,
      );
    }
  }
  if (!os || !kubernetes) return undefined;

  const installable = layers
    .filter(l => l.pack.layer !== 'os' && l.pack.layer !== 'k8s')
    .sort((a, b) => a.pack.installPriority - b.pack.installPriority);
  const isManaged = (l: RenderLayer) =>
    l.pack.managedOn?.includes(cloudType) ?? false;
  const kubernetesKind = kubernetes.pack.kind as KubernetesPackKind;

  return {
    request: input.request,
    namespace: input.namespace,
    cloudType,
    account: input.cloudAccount,
    profile: input.profile,
    kubernetesVersion: `v${kubernetesKind.kubernetesVersion}`,
    kubernetes: { layer: kubernetes, kind: kubernetesKind },
    os: { layer: os, kind: os.pack.kind as OsPackKind },
    addOns: installable.filter(l => !isManaged(l)),
    managed: installable.filter(isManaged),
    messages,
  };
}
