import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ValidationMessage } from '@palette-backstage/plugin-palette-common';
import { Dispatch, SetStateAction, useMemo, useState } from 'react';
import {
  fieldMessagesOf,
  groupMessagesByField,
  MessagesByField,
  normalizeFieldPath,
  plural,
} from '../clusters/utils';
import { errorMessage } from '../profiles/utils';

/** One server call of a `useCheckedForm` dialog. */
export interface CheckedCall<T> {
  /** What the call does, for "Fix 2 problems before …". */
  before: string;
  call: () => Promise<T>;
  /** The success alert, if the call deserves one. */
  successMessage?: (result: T) => string;
  done: (result: T) => void;
  /** Called when the server refused. */
  failed?: () => void;
  /**
   * The failure shown when every message of a refusal is marked next to an
   * input; without it, the refusal's own message.
   */
  markedFailure?: string;
}

/** What `useCheckedForm` gives a dialog. */
export interface CheckedForm<F, K extends string> extends MessagesByField {
  /** Changes the form, and forgets what the server said about `fields`. */
  update(patch: Partial<F>, ...fields: string[]): void;
  /** Replaces what the server said about the form. */
  setServerMessages(messages: ValidationMessage[]): void;
  /** Which call runs, if one does. */
  busy?: K;
  failure?: string;
  /** Forgets everything typed and said. */
  reset(): void;
  /**
   * Checks the form and, without errors, runs a server call as `kind`; a
   * name conflict (409) and the messages of a refusal are placed next to
   * their fields.
   */
  run<T>(kind: K, call: CheckedCall<T>): Promise<void>;
}

/**
 * A dialog's form that is checked in the browser before each server call
 * (once a call was tried), with the server's answers sorted by field. For
 * dialogs with several calls, such as a dry run beside the real one;
 * `useSaveForm` serves those that only save. The dialog holds the form's
 * state, as what it loads for the form may decide how the form is checked.
 */
export function useCheckedForm<F, K extends string>({
  form,
  setForm,
  initial,
  validate,
  isShown,
}: {
  form: F;
  setForm: Dispatch<SetStateAction<F>>;
  initial: () => F;
  /** What is wrong with the form; a call runs only without errors. */
  validate: (form: F) => ValidationMessage[];
  /** Whether an input shows a field's messages; the rest are general. */
  isShown: (field: string) => boolean;
}): CheckedForm<F, K> {
  const alertApi = useApi(alertApiRef);
  const [submitted, setSubmitted] = useState(false);
  const [serverMessages, setServerMessages] = useState<ValidationMessage[]>([]);
  const [busy, setBusy] = useState<K>();
  const [failure, setFailure] = useState<string>();

  const clientMessages = useMemo(
    () => (submitted ? validate(form) : []),
    [submitted, form, validate],
  );
  const messages = useMemo(
    () => groupMessagesByField([...clientMessages, ...serverMessages], isShown),
    [clientMessages, serverMessages, isShown],
  );

  const update = (patch: Partial<F>, ...fields: string[]) => {
    setForm(f => ({ ...f, ...patch }));
    setServerMessages(ms =>
      ms.filter(m => {
        const field = normalizeFieldPath(m.field);
        return !fields.some(f => field === f || field.startsWith(`${f}.`));
      }),
    );
  };

  const reset = () => {
    setForm(initial());
    setSubmitted(false);
    setServerMessages([]);
    setFailure(undefined);
  };

  const refused = (e: unknown, markedFailure?: string) => {
    if (ResponseError.is(e) && e.statusCode === 409) {
      setServerMessages([
        {
          severity: 'error',
          code: 'conflict',
          field: 'name',
          message: errorMessage(e),
        },
      ]);
      return;
    }
    const placed = fieldMessagesOf(e);
    setServerMessages(placed);
    const allMarked =
      placed.length > 0 &&
      placed.every(m => isShown(normalizeFieldPath(m.field)));
    setFailure(allMarked && markedFailure ? markedFailure : errorMessage(e));
  };

  const run = async <T>(kind: K, call: CheckedCall<T>) => {
    setSubmitted(true);
    setFailure(undefined);
    const problems = validate(form);
    if (problems.some(p => p.severity === 'error')) {
      setFailure(
        `Fix ${plural(problems.length, 'problem')} before ${call.before}.`,
      );
      return;
    }
    setBusy(kind);
    let result: T;
    try {
      result = await call.call();
    } catch (e) {
      setBusy(undefined);
      call.failed?.();
      refused(e, call.markedFailure);
      return;
    }
    setBusy(undefined);
    if (call.successMessage)
      alertApi.post({
        message: call.successMessage(result),
        severity: 'success',
        display: 'transient',
      });
    call.done(result);
  };

  return {
    ...messages,
    update,
    setServerMessages,
    busy,
    failure,
    reset,
    run,
  };
}
