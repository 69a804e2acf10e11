import type {
  CloudAccount,
  CloudType,
  ClusterRequest,
  KubernetesPackKind,
  OsPackKind,
  Pack,
  ProfileVersion,
} from '@palette-backstage/plugin-palette-common';
import type { ValuesObject } from '../../packs';
import { paletteLabels } from './labels';
import { RenderMessages } from './messages';

/** The cloud types a cluster can be rendered for (`all` only marks add-ons). */
export type ProviderCloudType = Exclude<CloudType, 'all'>;

/** Where a layer comes from: the infra/full profile or one add-on profile. */
export interface LayerSource {
  profile: ProfileVersion;
  /** The request field of that profile: `profile` or `addOnProfiles.<i>`. */
  field: string;
}

/** One layer, ready to render. */
export interface RenderLayer {
  pack: Pack;
  /** The pack's default values merged with the layer's, variables substituted. */
  values: ValuesObject;
  source: LayerSource;
}

/** Everything the provider renderers and the shared builders read. */
export interface RenderContext {
  request: ClusterRequest;
  /** The management-cluster namespace of the cluster's objects. */
  namespace: string;
  cloudType: ProviderCloudType;
  account: CloudAccount;
  /** The infra or full profile. */
  profile: ProfileVersion;
  /** `spec.topology.version`: the Kubernetes pack's version, `v`-prefixed. */
  kubernetesVersion: string;
  kubernetes: { layer: RenderLayer; kind: KubernetesPackKind };
  os: { layer: RenderLayer; kind: OsPackKind };
  /** Network, storage and add-on layers installed on the cluster, in install order. */
  addOns: RenderLayer[];
  /** Layers the managed service provides itself (`managedOn` this cloud): they configure it. */
  managed: RenderLayer[];
  messages: RenderMessages;
}

/**
 * What the add-on builders read: the cluster's name and namespace and the
 * layers to install. Imported clusters have only this (no infra profile).
 */
export type AddOnContext = Pick<RenderContext, 'namespace' | 'addOns'> & {
  request: Pick<ClusterRequest, 'name'>;
};

/** Labels of the objects that render the cluster's infrastructure (infra/full profile). */
export function infrastructureLabels(ctx: RenderContext) {
  return paletteLabels({ cluster: ctx.request.name, profile: ctx.profile });
}

/** Labels of the objects that install one layer (add-on objects carry the pack). */
export function layerLabels(ctx: AddOnContext, layer: RenderLayer) {
  return paletteLabels({
    cluster: ctx.request.name,
    profile: layer.source.profile,
    pack: layer.pack.name,
  });
}

/** The managed layer of a pack, when the profile has it. */
export function managedLayer(
  ctx: RenderContext,
  packName: string,
): RenderLayer | undefined {
  return ctx.managed.find(l => l.pack.name === packName);
}

/** A setting of the cloud account (non-secret provider configuration). */
export function setting(ctx: RenderContext, key: string): string | undefined {
  const value = ctx.account.settings[key];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The value a variable of the infra/full profile takes for this cluster:
 * the request's value (unless the variable is read-only), else its default.
 * (Already checked against its format by the values resolution.)
 */
export function variableValue(
  ctx: RenderContext,
  name: string,
): string | undefined {
  const variable = ctx.profile.variables?.find(v => v.name === name);
  if (!variable) return undefined;
  const given = ctx.request.variables[name];
  return given !== undefined && !variable.readOnly ? given : variable.default;
}
