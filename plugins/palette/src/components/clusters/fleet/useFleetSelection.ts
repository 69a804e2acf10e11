import { ClusterSummary } from '@palette-backstage/plugin-palette-common';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { RowSelection } from './ClustersTable';

/**
 * The clusters selected on the fleet's current page. Another page, filter
 * or sort starts afresh: a selection names what the user sees.
 */
export function useFleetSelection(
  pageKey: string,
  items: readonly ClusterSummary[],
): {
  selection: RowSelection;
  /** The selected clusters of the page, in its order. */
  selected: ClusterSummary[];
  clear: () => void;
} {
  const [names, setNames] = useState<ReadonlySet<string>>(new Set());
  const clear = useCallback(() => setNames(new Set()), []);
  useEffect(clear, [pageKey, clear]);
  const onSelect = useCallback((changed: string[], on: boolean) => {
    setNames(current => {
      const next = new Set(current);
      for (const name of changed) {
        if (on) next.add(name);
        else next.delete(name);
      }
      return next;
    });
  }, []);
  return useMemo(
    () => ({
      selection: { selected: names, onSelect },
      selected: items.filter(c => names.has(c.name)),
      clear,
    }),
    [names, onSelect, items, clear],
  );
}
