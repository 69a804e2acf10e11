import type { ResourceType } from '../api/resourceTypes';
import type { KubeObject } from '../store/types';

/**
 * Why a field was rejected, as a Kubernetes `StatusCause` reason.
 *
 * @public
 */
export type FieldCauseReason =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueTypeInvalid'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden';

/**
 * One rejected field, as kube-apiserver reports it in `details.causes` of an
 * `Invalid` status: `field` is the path (`spec.workers.machineDeployments[0].name`)
 * and `message` the error body without the field (`Required value`).
 *
 * @public
 */
export interface FieldCause {
  field: string;
  message: string;
  reason: FieldCauseReason;
}

/**
 * The compiled `openAPIV3Schema` of one served version of a CRD.
 *
 * @public
 */
export interface CrdSchema {
  /** Prunes unknown fields, applies defaults, then validates; never mutates its input. */
  normalize(obj: KubeObject): { object: KubeObject; causes: FieldCause[] };
  /**
   * The x-kubernetes-list-type (and list-map-keys) at a field path such as
   * ['spec','topology','workers','machineDeployments'], for server-side apply.
   * An array without an explicit list type is `atomic` (the Kubernetes
   * default); a path that is not an array of the schema gives `undefined`.
   */
  listTypeAt(
    path: string[],
  ): { type: 'atomic' | 'set' | 'map'; keys?: string[] } | undefined;
}

/**
 * The custom resource kinds loaded from a folder of CRD files.
 *
 * @public
 */
export interface LoadedCrds {
  /** One ResourceType per served version of every CRD (unserved versions left out; scope Namespaced/Cluster; hasStatus from subresources.status). */
  types: ResourceType[];
  schemaFor(
    group: string,
    version: string,
    kind: string,
  ): CrdSchema | undefined;
  /** The CRD's openAPIV3Schema as written, for the server's OpenAPI documents. */
  openApiSchemaFor(
    group: string,
    version: string,
    kind: string,
  ): Record<string, unknown> | undefined;
  /** How many x-kubernetes-validations (CEL) rules were found and not evaluated. */
  skippedCelRules: number;
}
