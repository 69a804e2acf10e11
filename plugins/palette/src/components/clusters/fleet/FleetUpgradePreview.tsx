import { Progress } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import { ClusterDetails } from '@palette-backstage/plugin-palette-common';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { paletteApiRef } from '../../../api/PaletteApi';
import { errorMessage } from '../../profiles/utils';
import { ClusterDialogs } from '../actions';

/**
 * The upgrade dialog of a fleet row, straight at the preview of its update
 * available. The row holds a summary; the dialog needs the cluster's
 * details (its variables and add-ons), so they are loaded first.
 */
export const FleetUpgradePreview = ({
  name,
  onClose,
  onDone,
}: {
  name: string;
  onClose: () => void;
  onDone: (cluster: ClusterDetails) => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const details = useAsync(
    () => paletteApi.getCluster(name),
    [paletteApi, name],
  );

  useEffect(() => {
    if (!details.error) return;
    alertApi.post({
      message: `Could not load ${name}: ${errorMessage(details.error)}`,
      severity: 'error',
    });
    onClose();
  }, [details.error, alertApi, name, onClose]);

  if (!details.value)
    return details.error ? null : (
      <Dialog open aria-label={`Loading ${name}`}>
        <Progress />
      </Dialog>
    );
  return (
    <ClusterDialogs
      cluster={details.value}
      action={{ type: 'upgrade', preview: true }}
      onClose={onClose}
      onDone={onDone}
    />
  );
};
