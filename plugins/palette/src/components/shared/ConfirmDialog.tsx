import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { ReactNode } from 'react';
import { DialogProgressActions } from './DialogProgressActions';
import { useBusyAction } from './useBusyAction';

/**
 * Asks before something that cannot be undone; shows progress while it runs
 * and its error when it fails (and then stays open).
 */
export const ConfirmDialog = ({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) => {
  const { busy, failure, run } = useBusyAction();
  const confirm = () => run(onConfirm, onClose);

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      aria-labelledby="confirm-dialog-title"
    >
      <DialogTitle id="confirm-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText component="div">{children}</DialogContentText>
        {failure && <Alert severity="error">{failure}</Alert>}
      </DialogContent>
      <DialogProgressActions
        busy={busy}
        onCancel={onClose}
        actionLabel={confirmLabel}
        onAction={confirm}
        actionColor="secondary"
      />
    </Dialog>
  );
};
