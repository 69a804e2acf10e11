import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Rollout } from '@palette-backstage/plugin-palette-common';
import { ReactNode, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { plural } from '../../clusters/utils';
import { errorMessage } from '../../profiles/utils';
import { ConfirmDialog } from '../../shared';
import { rolloutMoves } from '../status';
import { NO_ROLLOUT_PERMISSION } from '../useCanManageRollouts';

const useStyles = makeStyles(theme => ({
  actions: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
}));

/** An action that asks first: what it says, and what it calls. */
interface Confirmation {
  title: string;
  confirmLabel: string;
  text: ReactNode;
  run: () => Promise<Rollout>;
  done: string;
}

/**
 * What may be done with a rollout in its status: pause a running one,
 * resume a paused or halted one, roll a halted one's failed (or all moved)
 * clusters back, cancel one that has not finished. Without
 * `palette.rollout.manage` the buttons stay, disabled, saying why.
 */
export const RolloutActions = ({
  rollout,
  canManage,
  onChanged,
}: {
  rollout: Rollout;
  canManage: boolean;
  /** With what the action returned. */
  onChanged: (rollout: Rollout) => void;
}) => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<Confirmation>();
  const moves = rolloutMoves(rollout.status);
  const { id } = rollout;
  const failed = rollout.counts.Failed ?? 0;

  const succeeded = (message: string) => (next: Rollout) => {
    alertApi.post({ message, severity: 'success', display: 'transient' });
    onChanged(next);
  };
  const runNow = async (
    work: () => Promise<Rollout>,
    done: string,
    what: string,
  ) => {
    setBusy(true);
    try {
      succeeded(done)(await work());
    } catch (e) {
      alertApi.post({
        message: `Could not ${what} the rollout: ${errorMessage(e)}`,
        severity: 'error',
      });
    }
    setBusy(false);
  };

  const button = (
    label: string,
    onClick: () => void,
    color: 'primary' | 'secondary' | 'default' = 'default',
  ) => {
    const control = (
      <Button
        size="small"
        variant="outlined"
        color={color}
        onClick={onClick}
        disabled={!canManage || busy}
      >
        {label}
      </Button>
    );
    // A disabled button fires no events: the tooltip needs a wrapper.
    return canManage ? (
      <span key={label}>{control}</span>
    ) : (
      <Tooltip key={label} title={NO_ROLLOUT_PERMISSION}>
        <span>{control}</span>
      </Tooltip>
    );
  };

  const buttons: ReactNode[] = [];
  if (moves.pause)
    buttons.push(
      button('Pause', () =>
        runNow(
          () => paletteApi.pauseRollout(id),
          'Paused the rollout',
          'pause',
        ),
      ),
    );
  if (moves.resume)
    buttons.push(
      button(
        'Resume',
        () =>
          runNow(
            () => paletteApi.resumeRollout(id),
            'Resumed the rollout',
            'resume',
          ),
        'primary',
      ),
    );
  if (moves.rollback) {
    buttons.push(
      button('Roll back failed', () =>
        setConfirming({
          title: `Roll back ${plural(failed, 'failed cluster')}?`,
          confirmLabel: 'Roll back failed',
          text: `The clusters that failed go back to the version they ran before the rollout. The clusters that succeeded keep ${rollout.targetVersion}, and the rollout ends as RolledBack.`,
          run: () => paletteApi.rollbackRollout(id, 'failed'),
          done: 'Rolling back the failed clusters',
        }),
      ),
      button(
        'Roll back all',
        () =>
          setConfirming({
            title: 'Roll back every cluster the rollout moved?',
            confirmLabel: 'Roll back all',
            text: `Every cluster the rollout moved, the healthy ones too, goes back to the version it ran before; ${plural(
              rollout.counts.Succeeded ?? 0,
              'cluster',
            )} on ${rollout.targetVersion} roll again.`,
            run: () => paletteApi.rollbackRollout(id, 'all'),
            done: 'Rolling back every moved cluster',
          }),
        'secondary',
      ),
    );
  }
  if (moves.cancel)
    buttons.push(
      button(
        'Cancel rollout',
        () =>
          setConfirming({
            title: 'Cancel the rollout?',
            confirmLabel: 'Cancel rollout',
            text: 'No further cluster starts. Clusters keep the version they run now, and a cancelled rollout cannot be resumed.',
            run: () => paletteApi.cancelRollout(id),
            done: 'Cancelled the rollout',
          }),
        'secondary',
      ),
    );

  return (
    <div className={classes.actions}>
      {buttons}
      {confirming && (
        <ConfirmDialog
          open
          title={confirming.title}
          confirmLabel={confirming.confirmLabel}
          onClose={() => setConfirming(undefined)}
          onConfirm={() => confirming.run().then(succeeded(confirming.done))}
        >
          <Typography>{confirming.text}</Typography>
        </ConfirmDialog>
      )}
    </div>
  );
};
