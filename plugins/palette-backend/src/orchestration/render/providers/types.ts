import type { KubeObject } from '../../types';
import type { ObjectKind } from '../apiVersions';
import type { ProviderCloudType, RenderContext } from '../context';
import type { TopologyDesign } from '../topology';

/**
 * What a provider renders: a managed topology (every provider whose
 * Cluster API provider ships the templates a ClusterClass needs), or the
 * finished objects of a cluster without ClusterClass (MAAS).
 */
export type ProviderOutput =
  | { topology: TopologyDesign }
  | { objects: KubeObject[] };

/** The renderer of one infrastructure provider. */
export interface ProviderRenderer {
  readonly cloudType: ProviderCloudType;
  /** A human name for messages, e.g. `Amazon EKS`. */
  readonly displayName: string;
  /** The cloud runs the control plane: no control plane replicas or machine type. */
  readonly managedControlPlane: boolean;
  /** The provider kinds it renders (the shared ones are in `renderedKinds`). */
  readonly kinds: readonly ObjectKind[];
  /**
   * Kinds of `credentialRef` the provider can reference. Empty: the provider
   * uses controller-wide credentials and ignores the reference.
   */
  readonly credentialKinds: readonly string[];
  /** Whether a cloud account without `credentialRef` cannot work. */
  readonly credentialRequired?: boolean;
  /** Cloud account settings the provider cannot do without, with what they are. */
  readonly requiredSettings?: Readonly<Record<string, string>>;
  /** Checks of its own (pool names, sizes, variables), reported to `ctx.messages`. */
  validate?(ctx: RenderContext): void;
  render(ctx: RenderContext): ProviderOutput;
}
