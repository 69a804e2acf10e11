import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import InputIcon from '@material-ui/icons/Input';
import { ClusterDetails } from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { ImportClusterDialog } from './ImportClusterDialog';
import { useCanImportCluster } from './permissions';

/**
 * "Import cluster" and its dialog. Without `palette.cluster.import` the
 * button stays visible but disabled, saying why, so that people know the
 * feature exists and whom to ask.
 */
export const ImportClusterButton = ({
  onImported,
}: {
  onImported: (cluster: ClusterDetails) => void;
}) => {
  const { loading, allowed } = useCanImportCluster();
  const [open, setOpen] = useState(false);
  if (loading) return null;
  const button = (
    <Button
      variant="outlined"
      color="primary"
      startIcon={<InputIcon />}
      onClick={() => setOpen(true)}
      disabled={!allowed}
    >
      Import cluster
    </Button>
  );
  if (!allowed)
    return (
      <Tooltip title="Importing clusters needs the palette.cluster.import permission; ask your platform team">
        {/* A disabled button fires no events: the span shows the tooltip. */}
        <span>{button}</span>
      </Tooltip>
    );
  return (
    <>
      {button}
      <ImportClusterDialog
        open={open}
        onClose={() => setOpen(false)}
        onImported={cluster => {
          setOpen(false);
          onImported(cluster);
        }}
      />
    </>
  );
};
