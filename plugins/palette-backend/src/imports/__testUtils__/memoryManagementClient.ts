import { ManagementClient } from '../../orchestration/ManagementClient';
import { KubeObject } from '../../orchestration/types';

// Test helpers (not exported from the package).

type Ref = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
};

const keyOf = (ref: Ref) =>
  `${ref.kind}/${ref.metadata.namespace ?? ''}/${ref.metadata.name}`;

/** The verbs of a ManagementClient on an in-memory object map. */
export function memoryManagementClient(name = 'm') {
  const objects = new Map<string, KubeObject>();
  const client = {
    name,
    objects,
    async apply(object: KubeObject) {
      objects.set(keyOf(object), structuredClone(object));
      return object;
    },
    async read(ref: Ref) {
      return objects.get(keyOf(ref));
    },
    async delete(ref: Ref) {
      objects.delete(keyOf(ref));
    },
    async removeFinalizers() {},
    async ensureNamespace() {},
  };
  return client as typeof client & ManagementClient;
}
