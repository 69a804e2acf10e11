import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import {
  BulkClusterActionRequest,
  BulkClusterActionResponse,
} from '@palette-backstage/plugin-palette-common';
import { SimpleTable } from '../../shared';
import { StatusChip } from '../ClusterChips';

/** What each bulk action did, in words. */
export const BULK_ACTION_LABELS: Record<
  BulkClusterActionRequest['action'],
  string
> = {
  upgrade: 'Upgrade',
  pause: 'Pause',
  resume: 'Resume',
  delete: 'Delete',
};

const OK = { tone: 'ok', help: 'Palette accepted the action' } as const;
const FAILED = {
  tone: 'error',
  help: 'Refused for this cluster; the others went ahead',
} as const;

/** Every cluster's own outcome of a bulk action. */
export const BulkResultsDialog = ({
  action,
  response,
  onClose,
}: {
  action: BulkClusterActionRequest['action'];
  response: BulkClusterActionResponse;
  onClose: () => void;
}) => {
  const failed = response.results.filter(r => !r.ok).length;
  const succeeded = response.results.length - failed;
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="bulk-results-title"
    >
      <DialogTitle id="bulk-results-title">
        {BULK_ACTION_LABELS[action]}: {succeeded} succeeded, {failed} failed
      </DialogTitle>
      <DialogContent dividers>
        {failed > 0 && (
          <Typography paragraph>
            Each cluster was checked on its own: the failed ones were left as
            they were, with why below.
          </Typography>
        )}
        <SimpleTable
          label="Results"
          rows={response.results}
          rowKey={r => r.cluster}
          columns={[
            { title: 'Cluster', value: r => r.cluster },
            {
              title: 'Result',
              value: r => (
                <StatusChip
                  label={r.ok ? 'OK' : 'Failed'}
                  style={r.ok ? OK : FAILED}
                />
              ),
            },
            { title: 'Message', value: r => r.message ?? '' },
          ]}
        />
      </DialogContent>
      <DialogActions>
        <Button color="primary" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
};
