import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { ValidationMessage } from '@palette-backstage/plugin-palette-common';
import { FormEvent, useState } from 'react';
import { errorMessage } from '../../profiles/utils';
import { DialogProgressActions } from '../../shared';
import { PoolForm, poolMessages, WorkerPoolFields } from '../request';
import {
  fieldMessagesOf,
  groupMessagesByField,
  normalizeFieldPath,
} from '../utils';

/**
 * A dialog with one worker pool's inputs, checked as `workerPoolSchema`
 * does, that submits it. Used to scale a pool and to add one.
 */
export const PoolDialog = ({
  title,
  description,
  initial,
  existing,
  submitLabel,
  onSubmit,
  onClose,
}: {
  title: string;
  description: string;
  initial: PoolForm;
  /** Pools the cluster has; set when adding, to refuse a name twice. */
  existing?: string[];
  submitLabel: string;
  onSubmit: (pool: PoolForm) => Promise<void>;
  onClose: () => void;
}) => {
  const [pool, setPool] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverMessages, setServerMessages] = useState<ValidationMessage[]>([]);
  const [failure, setFailure] = useState<string>();
  const adding = existing !== undefined;

  const check = (p: PoolForm): ValidationMessage[] => {
    const messages = poolMessages(p);
    if (adding && existing.includes(p.name.trim()))
      messages.push({
        severity: 'error',
        code: 'pool.duplicate',
        field: 'name',
        message: `the cluster already has a pool named ${p.name.trim()}`,
      });
    return messages;
  };
  const messages = [...(submitted ? check(pool) : []), ...serverMessages];
  const { byField, general } = groupMessagesByField(messages, () => true);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setFailure(undefined);
    if (check(pool).length) return;
    setBusy(true);
    try {
      await onSubmit(pool);
      setBusy(false);
      onClose();
    } catch (e) {
      setBusy(false);
      // `workerPools.0.count` or `count`: the field of this pool.
      setServerMessages(
        fieldMessagesOf(e).map(m => ({
          ...m,
          field: normalizeFieldPath(m.field).replace(
            /^(workerPools\.\d+\.)/,
            '',
          ),
        })),
      );
      setFailure(errorMessage(e));
    }
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="pool-dialog-title"
    >
      <form onSubmit={submit} noValidate aria-label={title}>
        <DialogTitle id="pool-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <DialogContentText>{description}</DialogContentText>
          <WorkerPoolFields
            pool={pool}
            onChange={p => {
              setPool(p);
              setServerMessages([]);
            }}
            messagesOf={field => byField.get(field)}
            disabled={busy}
            nameDisabled={!adding}
          />
          {general.length > 0 && (
            <Alert severity="error">
              {general.map(m => m.message).join('; ')}
            </Alert>
          )}
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
        </DialogContent>
        <DialogProgressActions
          busy={busy}
          progressLabel={`${submitLabel} in progress`}
          onCancel={onClose}
          actionLabel={submitLabel}
        />
      </form>
    </Dialog>
  );
};
