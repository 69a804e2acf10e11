import Dialog, { DialogProps } from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, ReactNode } from 'react';
import { DialogProgressActions } from './DialogProgressActions';

/**
 * A dialog that is one form: its title, its inputs (`children`), why the
 * last attempt failed, and `DialogProgressActions` whose action submits the
 * form. It cannot be closed while `busy`.
 */
export const FormDialog = ({
  open = true,
  onClose,
  busy,
  titleId,
  title,
  formLabel,
  onSubmit,
  maxWidth = 'sm',
  dividers,
  failure,
  progressLabel,
  actionLabel,
  actionColor,
  actionDisabled,
  actions,
  children,
}: {
  open?: boolean;
  /** Closes the dialog: Cancel, Escape or a click outside. */
  onClose: () => void;
  busy: boolean;
  /** The id of the title, which names the dialog. */
  titleId: string;
  title: ReactNode;
  /** The accessible name of the form. */
  formLabel: string;
  onSubmit: (event: FormEvent) => void;
  maxWidth?: DialogProps['maxWidth'];
  /** Dividers above and below the inputs. */
  dividers?: boolean;
  /** Why the last attempt failed; an alert below the inputs. */
  failure?: string;
  progressLabel?: string;
  actionLabel: ReactNode;
  actionColor?: 'primary' | 'secondary';
  actionDisabled?: boolean;
  /** Buttons between Cancel and the action. */
  actions?: ReactNode;
  children: ReactNode;
}) => (
  <Dialog
    open={open}
    onClose={busy ? undefined : onClose}
    maxWidth={maxWidth}
    fullWidth
    aria-labelledby={titleId}
  >
    <form onSubmit={onSubmit} noValidate aria-label={formLabel}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent dividers={dividers}>
        {children}
        {failure && (
          <Alert severity="error" role="alert">
            {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogProgressActions
        busy={busy}
        progressLabel={progressLabel}
        onCancel={onClose}
        actionLabel={actionLabel}
        actionColor={actionColor}
        actionDisabled={actionDisabled}
      >
        {actions}
      </DialogProgressActions>
    </form>
  </Dialog>
);
