import { SetStateAction, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/** The page of a server-paged list. */
export interface Paging {
  page: number;
  pageSize: number;
  setPage(page: number): void;
  /** Changes the page size, and goes back to the first page. */
  changePageSize(pageSize: number): void;
}

/** The filters of a server-paged list, and its page. */
export interface PagedFilters<F> extends Paging {
  /** The filters as typed. */
  filters: F;
  /** The filters to ask the server with: typed ones once typing pauses. */
  applied: F;
  /** Changes the filters, applied once typing pauses; back to the first page. */
  changeFilters(next: SetStateAction<F>): void;
  /** Changes and applies the filters at once; back to the first page. */
  applyFilters(next: F): void;
}

/**
 * Filters and paging of a list the server filters and pages: typed filters
 * reach `applied` once typing pauses, and any change of filters or page
 * size goes back to the first page.
 */
export function usePagedFilters<F>(
  noFilters: F,
  initialPageSize = 25,
): PagedFilters<F> {
  const [filters, setFilters] = useState<F>(noFilters);
  const [applied, setApplied] = useState<F>(noFilters);
  useDebounce(() => setApplied(filters), 300, [filters]);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(initialPageSize);
  return {
    filters,
    applied,
    page,
    pageSize,
    setPage,
    changePageSize: size => {
      setPageSize(size);
      setPage(0);
    },
    changeFilters: next => {
      setFilters(next);
      setPage(0);
    },
    applyFilters: next => {
      setFilters(next);
      setApplied(next);
      setPage(0);
    },
  };
}
