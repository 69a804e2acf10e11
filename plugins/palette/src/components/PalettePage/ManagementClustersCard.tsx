import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { ManagementClusterHealth } from '@palette-backstage/plugin-palette-common';
import { HealthStatus } from '../HealthStatus';

const TYPE_LABELS: Record<ManagementClusterHealth['type'], string> = {
  embedded: 'Embedded simulator',
  kubeconfig: 'Kubeconfig',
  inCluster: 'In-cluster service account',
};

function clusterApiLabel(served: boolean | undefined) {
  if (served === undefined) return '—';
  return served ? 'Installed' : 'Missing';
}

const columns: TableColumn<ManagementClusterHealth>[] = [
  { title: 'Name', field: 'name', highlight: true },
  { title: 'Connection', render: row => TYPE_LABELS[row.type] },
  { title: 'Status', render: row => <HealthStatus status={row.status} /> },
  { title: 'Kubernetes', render: row => row.kubernetesVersion ?? '—' },
  {
    title: 'Cluster API',
    render: row => clusterApiLabel(row.clusterApiServed),
  },
  { title: 'Details', render: row => row.message ?? `${row.latencyMs} ms` },
];

/** The management clusters Palette orchestrates, and whether each answers. */
export const ManagementClustersCard = ({
  clusters,
}: {
  clusters: ManagementClusterHealth[];
}) => (
  <InfoCard
    title="Management clusters"
    subheader="Cluster API management clusters configured under palette.managementClusters"
    noPadding
  >
    <Table<ManagementClusterHealth>
      options={{
        paging: false,
        search: false,
        toolbar: false,
        padding: 'dense',
      }}
      columns={columns}
      data={clusters}
    />
  </InfoCard>
);
