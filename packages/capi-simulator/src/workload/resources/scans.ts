import { KubeObject } from '../../store/types';
import { SCANS_NAMESPACE } from '../model/buildCluster';
import { WorkloadCluster } from '../model/types';
import { kubeBenchReport } from '../scans/kubeBench';
import { sonobuoyStatus } from '../scans/sonobuoy';
import { trivyClusterReport } from '../scans/trivy';
import { metaOf } from './meta';

/** The label scan ConfigMaps carry, valued with the tool. */
export const SCAN_REPORT_LABEL = 'palette.io/scan-report';

/**
 * The scan reports in-cluster scanners leave behind, one ConfigMap per tool
 * in `palette-scans` with the tool's JSON output under `report.json`.
 */
export function scanConfigMaps(model: WorkloadCluster): KubeObject[] {
  const reports: Array<[string, unknown]> = [
    ['kube-bench', kubeBenchReport(model)],
    ['sonobuoy', sonobuoyStatus(model)],
    ['trivy', trivyClusterReport(model)],
  ];
  return reports.map(([tool, report]) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metaOf(model.name, 'ConfigMap', tool, model.createdAt, {
      namespace: SCANS_NAMESPACE,
      labels: {
        [SCAN_REPORT_LABEL]: tool,
        'app.kubernetes.io/managed-by': 'capi-simulator',
      },
    }),
    data: { 'report.json': JSON.stringify(report, null, 2) },
  }));
}
