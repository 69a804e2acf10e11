import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import LinearProgress from '@material-ui/core/LinearProgress';
import { ReactNode } from 'react';

/**
 * The foot of a dialog that runs something: a progress bar while `busy`,
 * then Cancel, any further `children` buttons, and the main action, all
 * disabled while busy. The action submits the dialog's form unless it has
 * an `onAction`.
 */
export const DialogProgressActions = ({
  busy,
  progressLabel,
  onCancel,
  actionLabel,
  onAction,
  actionDisabled,
  actionColor = 'primary',
  children,
}: {
  busy: boolean;
  /** The accessible name of the progress bar. */
  progressLabel?: string;
  onCancel: () => void;
  actionLabel: ReactNode;
  onAction?: () => void;
  /** Disables the action while not busy too. */
  actionDisabled?: boolean;
  actionColor?: 'primary' | 'secondary';
  /** Buttons between Cancel and the action. */
  children?: ReactNode;
}) => (
  <>
    {busy && <LinearProgress aria-label={progressLabel} />}
    <DialogActions>
      <Button onClick={onCancel} disabled={busy}>
        Cancel
      </Button>
      {children}
      <Button
        type={onAction ? 'button' : 'submit'}
        onClick={onAction}
        color={actionColor}
        variant="contained"
        disabled={busy || actionDisabled}
      >
        {actionLabel}
      </Button>
    </DialogActions>
  </>
);
