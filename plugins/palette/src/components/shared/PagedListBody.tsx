import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Paper from '@material-ui/core/Paper';
import { ReactNode } from 'react';
import { Paging } from '../../hooks';
import { ReloadProgress } from './ListStatus';
import { TablePaging } from './TablePaging';

const PAGE_SIZES = [25, 50, 100];

/**
 * The body of a page listing what the server filters and pages: a spinner
 * (or the error) until the first page arrives; `empty` when there is
 * nothing at all; else the filters, and the page, with a progress bar while
 * the next one loads and the last page shown meanwhile.
 */
export const PagedListBody = <R extends { totalCount: number }>({
  loaded,
  queryKey,
  error,
  filtered,
  empty,
  filters,
  loadingLabel,
  paging,
  children,
}: {
  /** The last page loaded, and the key of the query it answers. */
  loaded?: { key: string; response: R };
  /** The key of the query now asked. */
  queryKey: string;
  error?: Error;
  /** Whether filters are applied: without, an empty list shows `empty`. */
  filtered: boolean;
  empty: ReactNode;
  filters: ReactNode;
  /** The accessible name of the progress bar. */
  loadingLabel: string;
  paging: Paging;
  /** The rows of the page. */
  children: (response: R) => ReactNode;
}) => {
  if (!loaded)
    return error ? <ResponseErrorPanel error={error} /> : <Progress />;
  if (loaded.response.totalCount === 0 && !filtered) return <>{empty}</>;
  return (
    <>
      {filters}
      {error && <ResponseErrorPanel error={error} title="Refresh failed" />}
      <Paper>
        <ReloadProgress
          loading={loaded.key !== queryKey}
          label={loadingLabel}
        />
        {children(loaded.response)}
        <TablePaging
          count={loaded.response.totalCount}
          paging={paging}
          pageSizes={PAGE_SIZES}
        />
      </Paper>
    </>
  );
};
