import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { paletteApiRef, SimulatedExistingCluster } from '../../api/PaletteApi';
import { errorMessage } from '../profiles/utils';

const keyOf = (c: SimulatedExistingCluster) =>
  `${c.managementCluster}/${c.name}`;

/**
 * On the embedded management cluster only: the existing clusters the
 * simulator hosts, whose kubeconfig fills the form, so that import can be
 * tried without a real cluster. Renders nothing with real management
 * clusters (the list is empty) or when the list cannot be read.
 */
export const SimulatedClusterPicker = ({
  onPick,
  disabled,
}: {
  onPick: (cluster: SimulatedExistingCluster, kubeconfig: string) => void;
  disabled?: boolean;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const clusters = useAsync(
    () => paletteApi.listSimulatedExistingClusters(),
    [paletteApi],
  );
  const [picked, setPicked] = useState('');
  const [problem, setProblem] = useState<string>();
  if (!clusters.value?.length) return null;

  const pick = async (key: string) => {
    const cluster = clusters.value?.find(c => keyOf(c) === key);
    if (!cluster) return;
    setPicked(key);
    try {
      onPick(
        cluster,
        await paletteApi.getSimulatedExistingClusterKubeconfig(cluster),
      );
      setProblem(undefined);
    } catch (e) {
      setProblem(`Could not read its kubeconfig: ${errorMessage(e)}`);
    }
  };

  return (
    <TextField
      id="import-cluster-simulated"
      select
      label="Try a simulated existing cluster"
      value={picked}
      disabled={disabled}
      onChange={e => pick(e.target.value)}
      helperText={
        problem ??
        'The embedded management cluster hosts these; picking one fills in its kubeconfig.'
      }
      error={Boolean(problem)}
      fullWidth
      margin="dense"
      variant="outlined"
    >
      {clusters.value.map(c => (
        <MenuItem key={keyOf(c)} value={keyOf(c)}>
          {c.name} ({c.health})
        </MenuItem>
      ))}
    </TextField>
  );
};
