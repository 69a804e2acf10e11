import DialogContentText from '@material-ui/core/DialogContentText';
import Alert from '@material-ui/lab/Alert';
import { ValidationMessage } from '@palette-backstage/plugin-palette-common';
import { FormEvent, useState } from 'react';
import { FormDialog, useBusyAction } from '../../shared';
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
  const [serverMessages, setServerMessages] = useState<ValidationMessage[]>([]);
  const { busy, failure, setFailure, run } = useBusyAction();
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
    await run(
      () => onSubmit(pool),
      onClose,
      // `workerPools.0.count` or `count`: the field of this pool.
      e =>
        setServerMessages(
          fieldMessagesOf(e).map(m => ({
            ...m,
            field: normalizeFieldPath(m.field).replace(
              /^(workerPools\.\d+\.)/,
              '',
            ),
          })),
        ),
    );
  };

  return (
    <FormDialog
      onClose={onClose}
      busy={busy}
      titleId="pool-dialog-title"
      title={title}
      formLabel={title}
      onSubmit={submit}
      failure={failure}
      progressLabel={`${submitLabel} in progress`}
      actionLabel={submitLabel}
    >
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
        <Alert severity="error">{general.map(m => m.message).join('; ')}</Alert>
      )}
    </FormDialog>
  );
};
