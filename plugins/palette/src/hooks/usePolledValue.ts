import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/** What {@link usePolledValue} returns. */
export interface PolledValue<T> {
  /** The last value loaded; kept while the next one loads and after errors. */
  value?: T;
  /** The error of the last load, cleared by the next success. */
  error?: Error;
  /** Whether a load is under way (the first, or a refresh). */
  loading: boolean;
  /** Loads again now. */
  refresh: () => void;
  /** Replaces the value, e.g. with what a mutation returned. */
  setValue: (value: T) => void;
}

/**
 * Loads a value, and loads it again after `delayOf(value)` milliseconds for
 * as long as that returns a number: live status that polls fast while work
 * is under way and slowly (or not at all) otherwise. One load at a time;
 * the value stays on screen while the next one loads. After an error it
 * tries again after `errorDelay`.
 */
export function usePolledValue<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  delayOf: (value: T) => number | undefined,
  errorDelay = 10_000,
): PolledValue<T> {
  const [state, setState] = useState<{
    value?: T;
    error?: Error;
    loading: boolean;
  }>({ loading: true });
  const [tick, setTick] = useState(0);
  // The latest callbacks, without making them dependencies.
  const loadRef = useRef(load);
  loadRef.current = load;
  const delayRef = useRef(delayOf);
  delayRef.current = delayOf;

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = (delay: number | undefined) => {
      if (delay !== undefined && delay > 0)
        timer = setTimeout(() => setTick(t => t + 1), delay);
    };
    setState(s => (s.loading ? s : { ...s, loading: true }));
    loadRef.current().then(
      value => {
        if (cancelled) return;
        setState({ value, loading: false });
        again(delayRef.current(value));
      },
      error => {
        if (cancelled) return;
        setState(s => ({ value: s.value, error, loading: false }));
        again(errorDelay);
      },
    );
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
    // `deps` are the caller's; `tick` asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, errorDelay]);

  const refresh = useCallback(() => setTick(t => t + 1), []);
  const setValue = useCallback(
    (value: T) => setState(s => ({ ...s, value, error: undefined })),
    [],
  );
  return { ...state, refresh, setValue };
}
