import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import { ClusterDetails } from '@palette-backstage/plugin-palette-common';
import {
  CLOUD_TYPE_LABELS,
  formatDateTime,
  humanizeOwner,
} from '../../profiles/utils';
import { DriftChip, UpdateAvailableChip } from '../ClusterChips';
import { applicableChanges, canChangeInPhase, profileRefText } from '../utils';
import { ClusterAction } from './actionTypes';

/** What the cluster runs and where: profile, add-ons, versions, placement, ownership. */
export const ProfileCard = ({
  cluster,
  canUpdate,
  onAction,
}: {
  cluster: ClusterDetails;
  canUpdate: boolean;
  onAction: (action: ClusterAction) => void;
}) => {
  const changes = applicableChanges(cluster);
  const changeable = canUpdate && canChangeInPhase(cluster.phase);
  const metadata: Record<string, unknown> = {
    Profile: (
      <>
        {profileRefText(cluster.profile)}{' '}
        {cluster.updateAvailable && (
          <UpdateAvailableChip
            version={cluster.updateAvailable}
            onClick={
              changeable && changes.version
                ? () => onAction({ type: 'upgrade', preview: true })
                : undefined
            }
          />
        )}
      </>
    ),
    'Add-on profiles': cluster.addOnProfiles.length
      ? cluster.addOnProfiles.map(profileRefText).join(', ')
      : 'None',
    Kubernetes: cluster.kubernetesVersion ?? '—',
    Drift: cluster.drifted ? <DriftChip /> : 'None',
    Provider: `${CLOUD_TYPE_LABELS[cluster.provider]} · ${cluster.region}`,
    'Cloud account': cluster.cloudAccount,
    Owner: humanizeOwner(cluster.owner),
    Project: cluster.project,
    Environment: cluster.environment,
    'Management cluster': cluster.managementCluster,
  };
  if (cluster.apiServer) metadata['API server'] = cluster.apiServer;
  if (cluster.imported?.distribution)
    metadata.Distribution = cluster.imported.distribution;
  metadata[cluster.imported ? 'Imported' : 'Requested'] = `${formatDateTime(
    cluster.imported?.importedAt ?? cluster.createdAt,
  )} by ${humanizeOwner(cluster.createdBy)}`;
  if (cluster.lastReconciledAt)
    metadata['Last reconciled'] = formatDateTime(cluster.lastReconciledAt);
  return (
    <InfoCard
      title="Profile and placement"
      action={
        changeable && changes.version ? (
          <Button
            size="small"
            color="primary"
            variant={cluster.updateAvailable ? 'contained' : 'text'}
            onClick={() => onAction({ type: 'upgrade' })}
          >
            {cluster.updateAvailable
              ? `Upgrade to ${cluster.updateAvailable}`
              : 'Change version'}
          </Button>
        ) : (
          changeable &&
          changes.addOns && (
            <Button
              size="small"
              color="primary"
              onClick={() => onAction({ type: 'addOns' })}
            >
              Change add-ons
            </Button>
          )
        )
      }
    >
      <StructuredMetadataTable
        metadata={metadata}
        options={{ titleFormat: (key: string) => key }}
      />
    </InfoCard>
  );
};
