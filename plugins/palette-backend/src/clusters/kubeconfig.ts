import { ManagementClient } from '../orchestration/ManagementClient';
import { ClusterRecord } from './types';

/**
 * The admin kubeconfig of a workload cluster: Cluster API publishes it as
 * the Secret `<cluster>-kubeconfig` (key `value`) beside the Cluster. Read
 * only on request, never stored or logged by the product.
 */
export async function readWorkloadKubeconfig(
  client: ManagementClient,
  record: ClusterRecord,
): Promise<string | undefined> {
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
