import { readImportKubeconfig } from '../imports/kubeconfig/importSecret';
import { ManagementClient } from '../orchestration/ManagementClient';
import { ClusterRecord } from './types';

/**
 * The admin kubeconfig of a workload cluster: Cluster API publishes it as
 * the Secret `<cluster>-kubeconfig` (key `value`) beside the Cluster; an
 * imported cluster's is the one it was imported with. Read only on request,
 * never stored or logged by the product (and never shown for imported
 * clusters: the route refuses).
 */
export async function readWorkloadKubeconfig(
  client: ManagementClient,
  record: ClusterRecord,
): Promise<string | undefined> {
  // An imported cluster is reached with the kubeconfig it was imported with.
  if (record.imported)
    return readImportKubeconfig(
      client,
      record.imported.secretName,
      record.namespace,
    );
  const secret = (await client.read({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: `${record.name}-kubeconfig`,
      namespace: record.namespace,
    },
  })) as { data?: Record<string, string> } | undefined;
  const value = secret?.data?.value;
  return value ? Buffer.from(value, 'base64').toString('utf8') : undefined;
}
