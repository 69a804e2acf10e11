import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/**
 * The value once it has stopped changing for `ms` (typed elsewhere in the
 * form), so that palette-backend is asked once per pause rather than per
 * keystroke. It starts settled: the first value is asked for at once.
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useDebounce(() => setSettled(value), ms, [value]);
  return settled;
}
