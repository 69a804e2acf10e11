import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Toolbar from '@material-ui/core/Toolbar';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import DeleteIcon from '@material-ui/icons/Delete';
import PauseIcon from '@material-ui/icons/Pause';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import UpdateIcon from '@material-ui/icons/Update';
import {
  BulkClusterActionRequest,
  BulkClusterActionResponse,
  ClusterSummary,
} from '@palette-backstage/plugin-palette-common';
import { ReactNode, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { ConfirmDialog } from '../../shared';
import { plural } from '../utils';
import { BulkResultsDialog } from './BulkResultsDialog';
import { BulkUpgradeDialog } from './BulkUpgradeDialog';
import { ListedClusterPermissions } from './useClusterPermissionMap';

const useStyles = makeStyles(theme => ({
  bar: {
    gap: theme.spacing(1),
    flexWrap: 'wrap',
    backgroundColor: theme.palette.action.selected,
  },
  count: { flex: 1 },
}));

type BulkAction = BulkClusterActionRequest['action'];

/** The last bulk action and what each cluster answered. */
interface Outcome {
  action: BulkAction;
  response: BulkClusterActionResponse;
}

/**
 * Day-2 actions on the selected clusters, shown while any is selected: upgrade to a version, pause,
 * resume, delete. palette-backend checks each cluster on its own and
 * answers for each; the outcome opens in a dialog. An action is enabled
 * when the user may take it on at least one selected cluster, and says
 * how many of them would be refused.
 */
export const BulkActionBar = ({
  selected,
  permissionsOf,
  onClear,
  onDone,
}: {
  selected: ClusterSummary[];
  permissionsOf: (name: string) => ListedClusterPermissions;
  onClear: () => void;
  /** After an action ran, to reload the page. */
  onDone: () => void;
}) => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const [dialog, setDialog] = useState<BulkAction>();
  const [outcome, setOutcome] = useState<Outcome>();
  const names = selected.map(c => c.name);
  const updatable = selected.filter(c => permissionsOf(c.name).canUpdate);
  const deletable = selected.filter(c => permissionsOf(c.name).canDelete);
  const count = plural(selected.length, 'cluster');

  const run = async (action: BulkAction, profileVersion?: string) => {
    const response = await paletteApi.bulkClusterAction({
      action,
      clusters: names,
      ...(profileVersion ? { profileVersion } : {}),
    });
    setDialog(undefined);
    setOutcome({ action, response });
    onClear();
    onDone();
  };

  /** Why a bulk action is disabled, or nothing when it is enabled. */
  const reason = (
    allowed: ClusterSummary[],
    eligible: ClusterSummary[],
    permission: string,
    what: string,
  ) => {
    if (!allowed.length)
      return `You may not ${what} any of the selected clusters (${permission})`;
    if (!eligible.length) return `None of the selected clusters can ${what}`;
    return undefined;
  };
  const action = (
    label: string,
    icon: ReactNode,
    disabledBecause: string | undefined,
    onClick: () => void,
    color: 'default' | 'secondary' = 'default',
  ) => {
    const button = (
      <Button
        size="small"
        variant="outlined"
        color={color}
        startIcon={icon}
        disabled={!!disabledBecause}
        onClick={onClick}
      >
        {label}
      </Button>
    );
    return disabledBecause ? (
      <Tooltip title={disabledBecause}>
        {/* A disabled button fires no events: the tooltip needs a wrapper. */}
        <span>{button}</span>
      </Tooltip>
    ) : (
      button
    );
  };
  const refusedNote = (allowed: number, what: string) =>
    allowed < selected.length
      ? ` You may not ${what} ${
          selected.length - allowed
        } of them: palette-backend refuses those and goes ahead with the rest.`
      : '';

  return (
    <>
      {selected.length > 0 && (
        <Toolbar
          className={classes.bar}
          variant="dense"
          role="toolbar"
          aria-label="Bulk actions"
        >
          <Typography className={classes.count}>{count} selected</Typography>
          {action(
            'Upgrade to version…',
            <UpdateIcon />,
            reason(
              updatable,
              updatable.filter(c => c.profile),
              'palette.cluster.update',
              'upgrade',
            ),
            () => setDialog('upgrade'),
          )}
          {action(
            'Pause',
            <PauseIcon />,
            reason(
              updatable,
              updatable.filter(c => !c.paused),
              'palette.cluster.update',
              'pause',
            ),
            () => setDialog('pause'),
          )}
          {action(
            'Resume',
            <PlayArrowIcon />,
            reason(
              updatable,
              updatable.filter(c => c.paused),
              'palette.cluster.update',
              'resume',
            ),
            () => setDialog('resume'),
          )}
          {action(
            'Delete',
            <DeleteIcon />,
            reason(deletable, deletable, 'palette.cluster.delete', 'delete'),
            () => setDialog('delete'),
            'secondary',
          )}
          <Button size="small" onClick={onClear}>
            Clear selection
          </Button>
        </Toolbar>
      )}
      {dialog === 'upgrade' && (
        <BulkUpgradeDialog
          clusters={selected}
          refused={selected.length - updatable.length}
          onUpgrade={version => run('upgrade', version)}
          onClose={() => setDialog(undefined)}
        />
      )}
      {(dialog === 'pause' || dialog === 'resume') && (
        <ConfirmDialog
          open
          title={`${dialog === 'pause' ? 'Pause' : 'Resume'} ${count}?`}
          confirmLabel={`${dialog === 'pause' ? 'Pause' : 'Resume'} ${count}`}
          onClose={() => setDialog(undefined)}
          onConfirm={() => run(dialog)}
        >
          {dialog === 'pause'
            ? 'Cluster API stops reconciling them: no upgrades, scaling or repairs until they are resumed. The clusters keep running.'
            : 'Cluster API reconciles them again and applies what changed meanwhile.'}
          {refusedNote(updatable.length, dialog)}
        </ConfirmDialog>
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          open
          title={`Delete ${count}?`}
          confirmLabel={`Delete ${count}`}
          onClose={() => setDialog(undefined)}
          onConfirm={() => run('delete')}
        >
          Cluster API tears down {names.join(', ')}: control planes, worker
          pools and their cloud resources. Workloads and data on them are lost.
          This cannot be undone.
          {refusedNote(deletable.length, 'delete')}
        </ConfirmDialog>
      )}
      {outcome && (
        <BulkResultsDialog
          action={outcome.action}
          response={outcome.response}
          onClose={() => setOutcome(undefined)}
        />
      )}
    </>
  );
};
