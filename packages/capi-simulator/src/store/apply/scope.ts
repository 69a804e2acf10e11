import { KubeObject } from '../types';
import { isPlainObject, JsonObject } from './json';

/**
 * Metadata that identifies the object or that the system sets: never owned by
 * a manager (as kube-apiserver strips them from field sets).
 */
const UNTRACKED_METADATA = [
  'name',
  'namespace',
  'managedFields',
  'resourceVersion',
  'uid',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'selfLink',
];

/**
 * The part of an object a write through the main resource (everything but
 * `status`) or through the `status` subresource (only `status`) may set and
 * own: without apiVersion, kind and the untracked metadata.
 */
export function trackedView(
  obj: Partial<KubeObject> | undefined,
  subresource: 'status' | undefined,
): JsonObject {
  if (!obj) return {};
  if (subresource === 'status') {
    return obj.status === undefined ? {} : { status: obj.status };
  }
  const view: JsonObject = {};
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'status') continue;
    if (value === undefined) continue;
    if (key === 'metadata' && isPlainObject(value)) {
      const metadata: JsonObject = { ...value };
      for (const name of UNTRACKED_METADATA) delete metadata[name];
      if (Object.keys(metadata).length) view.metadata = metadata;
      continue;
    }
    view[key] = value;
  }
  return view;
}

/** Just what identifies an object: the base an apply that creates it starts from. */
export function identityOf(obj: KubeObject): KubeObject {
  const { name, namespace } = obj.metadata ?? {};
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    metadata: namespace === undefined ? { name } : { name, namespace },
  };
}
