import {
  CloudAccount,
  ClusterRequest,
  ProfileVersion,
  RenderedObject,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { PackRegistry } from '../packs';

/** A Kubernetes object the product applies (see `RenderedObject`). */
export type KubeObject = RenderedObject;

/** Everything a renderer needs; resolved and validated by the caller. */
export interface RenderInput {
  request: ClusterRequest;
  /** The management-cluster namespace the cluster's objects live in. */
  namespace: string;
  /** The request's infra or full profile at the requested version. */
  profile: ProfileVersion;
  /** The add-on profiles at their requested versions, in request order. */
  addOnProfiles: ProfileVersion[];
  packs: PackRegistry;
  cloudAccount: CloudAccount;
}

/**
 * The outcome of rendering: the objects in the order they are applied
 * (templates and ClusterClass before the Cluster, add-ons after), or every
 * problem at once with the request field it concerns (e.g.
 * `variables.podCidr`, `workerPools.0.instanceType`, `region`).
 */
export type RenderResult =
  | {
      ok: true;
      objects: KubeObject[];
      /** The Kubernetes version given to Cluster API (`spec.topology.version`). */
      kubernetesVersion: string;
    }
  | { ok: false; messages: ValidationMessage[] };
