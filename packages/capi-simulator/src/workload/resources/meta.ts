import { KubeObjectMeta } from '../../store/types';
import { hexOf } from '../random';

/** A stable UID for a simulated object, so repeated reads agree. */
export function uidOf(...parts: string[]): string {
  const h = hexOf(parts.join('/'), 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(
    17,
    20,
  )}-${h.slice(20, 32)}`;
}

/** Metadata of an object of a workload cluster. */
export function metaOf(
  cluster: string,
  kind: string,
  name: string,
  createdAt: string,
  more: Partial<KubeObjectMeta> = {},
): KubeObjectMeta {
  return {
    name,
    ...(more.namespace ? { namespace: more.namespace } : {}),
    uid: uidOf(cluster, kind, more.namespace ?? '', name),
    resourceVersion: '1',
    creationTimestamp: createdAt,
    ...more,
  };
}
