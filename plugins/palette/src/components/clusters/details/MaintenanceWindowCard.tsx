import { InfoCard } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import DialogContentText from '@material-ui/core/DialogContentText';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  ClusterMaintenanceWindowResponse,
  MaintenanceWindow,
} from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { paletteApiRef } from '../../../api/PaletteApi';
import { errorMessage, formatDateTime } from '../../profiles/utils';
import { ConfirmDialog, FormDialog, useSaveForm } from '../../shared';
import {
  describeWindow,
  toMaintenanceWindow,
  toWindowForm,
  validateWindowForm,
  WindowForm,
} from './maintenanceWindow';

const useStyles = makeStyles(theme => ({
  actions: { display: 'flex', gap: theme.spacing(1) },
  cron: { fontFamily: 'monospace' },
}));

/** Sets a cluster's own maintenance window. */
const WindowDialog = ({
  name,
  window,
  onClose,
  onSaved,
}: {
  name: string;
  window: MaintenanceWindow | null;
  onClose: () => void;
  onSaved: (saved: ClusterMaintenanceWindowResponse) => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const { busy, failure, submit, textField } = useSaveForm({
    initial: () => toWindowForm(window),
    validate: validateWindowForm,
    save: (f: WindowForm) =>
      paletteApi.setClusterMaintenanceWindow(name, toMaintenanceWindow(f)),
    savedMessage: () => `Saved the maintenance window of ${name}`,
    onSaved,
  });
  return (
    <FormDialog
      onClose={onClose}
      busy={busy}
      titleId="maintenance-window-title"
      title={`Maintenance window of ${name}`}
      formLabel="Maintenance window"
      onSubmit={submit}
      failure={failure}
      progressLabel="Saving the window"
      actionLabel="Save window"
    >
      <DialogContentText>
        Rollouts start this cluster only while its window is open: from each
        time the cron expression names, for the duration.
      </DialogContentText>
      <TextField
        {...textField(
          'cron',
          'Five fields: minute hour day month weekday, e.g. 0 2 * * 6 for Saturdays at 02:00',
        )}
        id="window-cron"
        label="Opens at (cron)"
        required
      />
      <TextField
        {...textField('durationMinutes', '15 minutes to 7 days')}
        id="window-duration"
        label="Open for (minutes)"
        type="number"
        inputProps={{ min: 15 }}
        required
      />
      <TextField
        {...textField(
          'timeZone',
          'IANA time zone, e.g. Europe/Paris; UTC when empty',
        )}
        id="window-time-zone"
        label="Time zone"
      />
    </FormDialog>
  );
};

/** Whether the window is open now, else when it next opens. */
const openness = (state: ClusterMaintenanceWindowResponse) => {
  if (state.open) return 'Open now.';
  return state.nextOpening
    ? `Closed; next opens ${formatDateTime(state.nextOpening)}.`
    : 'Closed now.';
};

/**
 * When rollouts may update the cluster: the window that applies to it (its
 * own, else its environment's) and whether it is open, and for those who
 * may update the cluster a way to set or clear its own.
 */
export const MaintenanceWindowCard = ({
  name,
  canUpdate,
}: {
  name: string;
  canUpdate: boolean;
}) => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const state = useAsyncRetry(
    () => paletteApi.getClusterMaintenanceWindow(name),
    [paletteApi, name],
  );
  const [editing, setEditing] = useState(false);
  const [clearing, setClearing] = useState(false);
  const own = state.value?.window ?? null;
  const window = own ?? state.value?.environmentWindow ?? null;

  let body;
  if (state.loading && !state.value)
    body = <LinearProgress aria-label="Loading the maintenance window" />;
  else if (state.error)
    body = (
      <Alert severity="error">
        Could not load the maintenance window: {errorMessage(state.error)}
      </Alert>
    );
  else if (window && state.value)
    body = (
      <>
        <Typography>{describeWindow(window)}</Typography>
        <Typography variant="body2" color="textSecondary">
          {own
            ? "The cluster's own window. "
            : "Its environment's default window. "}
          {openness(state.value)}
        </Typography>
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.cron}
        >
          {window.cron}
        </Typography>
      </>
    );
  else
    body = (
      <Typography color="textSecondary">
        No maintenance window: rollouts may update this cluster at any time.
        {canUpdate && ' Set one to keep upgrades to quiet hours.'}
      </Typography>
    );

  return (
    <InfoCard
      title="Maintenance window"
      action={
        canUpdate && !state.error ? (
          <div className={classes.actions}>
            <Button
              size="small"
              color="primary"
              onClick={() => setEditing(true)}
            >
              {own ? 'Change' : 'Set window'}
            </Button>
            {own && (
              <Button size="small" onClick={() => setClearing(true)}>
                Clear
              </Button>
            )}
          </div>
        ) : undefined
      }
    >
      {body}
      {editing && (
        <WindowDialog
          name={name}
          window={window}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            state.retry();
          }}
        />
      )}
      <ConfirmDialog
        open={clearing}
        title={`Clear the maintenance window of ${name}?`}
        confirmLabel="Clear window"
        onClose={() => setClearing(false)}
        onConfirm={async () => {
          await paletteApi.setClusterMaintenanceWindow(name, null);
          alertApi.post({
            message: `Cleared the maintenance window of ${name}`,
            severity: 'success',
            display: 'transient',
          });
          state.retry();
        }}
      >
        Its environment&apos;s window applies then, if there is one; without
        one, rollouts may update the cluster at any time.
      </ConfirmDialog>
    </InfoCard>
  );
};
