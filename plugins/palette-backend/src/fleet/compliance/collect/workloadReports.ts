import * as k8s from '@kubernetes/client-node';
import { withDeadline } from '../../../imports/discovery/errors';

/** A scan report a scanner left in a workload cluster. */
export interface WorkloadReport {
  /** Where it was read, e.g. `configmap palette-scans/kube-bench`. */
  source: string;
  /** The value of the report label: the tool that wrote it, e.g. `trivy`. */
  tool: string;
  /** The raw report; undefined when the ConfigMap has no `report.json`. */
  content?: string;
}

/** The ConfigMap key scanners write their JSON report to. */
export const REPORT_KEY = 'report.json';

/** How long listing one cluster's reports may take. */
const CALL_TIMEOUT_MS = 30_000;

/**
 * Lists the report ConfigMaps (those carrying `label`) in one namespace of a
 * workload cluster, with its own kubeconfig. A cluster without the
 * namespace has no reports. Errors are `WorkloadApiError`s, whose messages
 * never quote the kubeconfig or the request.
 */
export async function readWorkloadReports(
  kubeconfig: string,
  options: { namespace: string; label: string },
): Promise<WorkloadReport[]> {
  const config = new k8s.KubeConfig();
  config.loadFromString(kubeconfig);
  const core = config.makeApiClient(k8s.CoreV1Api);
  const list = await withDeadline(
    `ConfigMaps in ${options.namespace}`,
    CALL_TIMEOUT_MS,
    async () => {
      try {
        return await core.listNamespacedConfigMap({
          namespace: options.namespace,
          labelSelector: options.label,
        });
      } catch (error) {
        // Real API servers list a missing namespace as empty; others say 404.
        if ((error as { code?: unknown })?.code === 404) return { items: [] };
        throw error;
      }
    },
  );
  return list.items
    .map(configMap => ({
      source: `configmap ${options.namespace}/${configMap.metadata?.name}`,
      tool: configMap.metadata?.labels?.[options.label] ?? '',
      content: configMap.data?.[REPORT_KEY],
    }))
    .sort((a, b) => a.source.localeCompare(b.source));
}
