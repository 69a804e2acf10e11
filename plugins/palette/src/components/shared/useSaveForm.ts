import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ValidationMessage } from '@palette-backstage/plugin-palette-common';
import { ChangeEvent, FormEvent, useMemo, useState } from 'react';
import {
  fieldMessagesOf,
  groupMessagesByField,
  helperTextOf,
  MessagesByField,
  plural,
} from '../clusters/utils';
import { useBusyAction } from './useBusyAction';

/** The keys of a form whose inputs hold text. */
type TextKey<F> = {
  [K in keyof F]: F[K] extends string ? K : never;
}[keyof F] &
  string;

const ALL_SHOWN = () => true;

/** What `useSaveForm` gives a dialog. */
export interface SaveForm<F> extends MessagesByField {
  form: F;
  /** Changes the form, and forgets what the server said about it. */
  update(patch: Partial<F>): void;
  busy: boolean;
  failure?: string;
  /** Checks the form and saves it: the form's `onSubmit`. */
  submit(event: FormEvent): Promise<void>;
  /**
   * The props of a dense, outlined text input for a field of the form: its
   * value, changes, and its messages or else `help` below it.
   */
  textField(
    key: TextKey<F>,
    help?: string,
  ): {
    fullWidth: true;
    margin: 'dense';
    variant: 'outlined';
    disabled: boolean;
    value: string;
    onChange(event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void;
    error: boolean;
    helperText?: string;
  };
}

/**
 * A dialog's form that is checked before it is saved: the messages of the
 * check (once submitted) and those the server answered with, by field;
 * a success alert once saved.
 */
export function useSaveForm<F, S>({
  initial,
  validate,
  isShown = ALL_SHOWN,
  save,
  savedMessage,
  onSaved,
}: {
  initial: () => F;
  /** What is wrong with the form; it is saved only without any. */
  validate: (form: F) => ValidationMessage[];
  /** Whether an input shows a field's messages; the rest are general. */
  isShown?: (field: string) => boolean;
  save: (form: F) => Promise<S>;
  /** The success alert. */
  savedMessage: (saved: S) => string;
  onSaved: (saved: S) => void;
}): SaveForm<F> {
  const alertApi = useApi(alertApiRef);
  const [form, setForm] = useState<F>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [serverMessages, setServerMessages] = useState<ValidationMessage[]>([]);
  const { busy, failure, setFailure, run } = useBusyAction();

  const messages = useMemo(
    () =>
      groupMessagesByField(
        [...(submitted ? validate(form) : []), ...serverMessages],
        isShown,
      ),
    [submitted, form, serverMessages, validate, isShown],
  );

  const update = (patch: Partial<F>) => {
    setForm(f => ({ ...f, ...patch }));
    setServerMessages([]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setFailure(undefined);
    const problems = validate(form);
    if (problems.length) {
      setFailure(`Fix ${plural(problems.length, 'problem')} before saving.`);
      return;
    }
    await run(
      async () => {
        const saved = await save(form);
        alertApi.post({
          message: savedMessage(saved),
          severity: 'success',
          display: 'transient',
        });
        return saved;
      },
      onSaved,
      e => setServerMessages(fieldMessagesOf(e)),
    );
  };

  const textField = (key: TextKey<F>, help?: string) => ({
    fullWidth: true as const,
    margin: 'dense' as const,
    variant: 'outlined' as const,
    disabled: busy,
    value: form[key] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      update({ [key]: e.target.value } as Partial<F>),
    ...helperTextOf(messages.messagesOf(key), help),
  });

  return { ...messages, form, update, busy, failure, submit, textField };
}
