import { useState } from 'react';
import { errorMessage } from '../profiles/utils';

/** What `useBusyAction` gives a dialog. */
export interface BusyAction {
  /** Whether an action runs. */
  busy: boolean;
  /** Why the last action failed, if it did. */
  failure?: string;
  setFailure(failure?: string): void;
  /**
   * Runs `work`, busy meanwhile; hands its result to `done`, or on failure
   * the error to `failed` and its message to `failure`.
   */
  run<T>(
    work: () => Promise<T>,
    done: (result: T) => void,
    failed?: (error: unknown) => void,
  ): Promise<void>;
}

/** The busy state and failure of a dialog that runs one action at a time. */
export function useBusyAction(): BusyAction {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const run = async <T>(
    work: () => Promise<T>,
    done: (result: T) => void,
    failed?: (error: unknown) => void,
  ) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await work();
      setBusy(false);
      done(result);
    } catch (e) {
      setBusy(false);
      failed?.(e);
      setFailure(errorMessage(e));
    }
  };
  return { busy, failure, setFailure, run };
}
