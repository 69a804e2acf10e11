import { PALETTE_LABELS } from '@palette-backstage/plugin-palette-common';
import { ManagementClient } from '../../orchestration/ManagementClient';
import { KubeObject } from '../../orchestration/types';

/** The Secret that holds an imported cluster's kubeconfig (the only copy). */
export const importSecretName = (cluster: string) =>
  `${cluster}-palette-import`;

/** The key of the kubeconfig in the import Secret. */
const KUBECONFIG_KEY = 'kubeconfig';

const secretRef = (name: string, namespace: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace },
});

/** The import Secret as applied to the management cluster. */
export function importSecret(
  cluster: string,
  namespace: string,
  kubeconfig: string,
): KubeObject {
  return {
    ...secretRef(importSecretName(cluster), namespace),
    metadata: {
      name: importSecretName(cluster),
      namespace,
      labels: { [PALETTE_LABELS.cluster]: cluster },
    },
    type: 'Opaque',
    data: {
      [KUBECONFIG_KEY]: Buffer.from(kubeconfig, 'utf8').toString('base64'),
    },
  };
}

/**
 * Reads an imported cluster's kubeconfig from its Secret, each time it is
 * needed: the product keeps no copy in memory, the database or logs.
 */
export async function readImportKubeconfig(
  client: ManagementClient,
  secretName: string,
  namespace: string,
): Promise<string | undefined> {
  const secret = (await client.read(secretRef(secretName, namespace))) as
    | { data?: Record<string, string> }
    | undefined;
  const value = secret?.data?.[KUBECONFIG_KEY];
  return value ? Buffer.from(value, 'base64').toString('utf8') : undefined;
}
