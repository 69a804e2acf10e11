import { DependencyList } from 'react';
import { PolledValue, usePolledValue } from '../../hooks';

/**
 * Loads a value again whenever `deps` change, keeping the last one on
 * screen meanwhile (no polling: cost and compliance change hourly).
 */
export function useLoaded<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): PolledValue<T> {
  return usePolledValue(load, deps, () => undefined, 60_000);
}
