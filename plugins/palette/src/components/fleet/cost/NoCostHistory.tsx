import { EmptyState } from '@backstage/core-components';

/** Where cost history would be, before the first snapshots. */
export const NoCostHistory = () => (
  <EmptyState
    missing="data"
    title="No cost history yet"
    description="Palette records a cost snapshot of every cluster each hour. Check back in an hour; if this stays empty, ask your platform team whether the price model (palette.cost) is configured."
  />
);
