import TablePagination from '@material-ui/core/TablePagination';
import { Paging } from '../../hooks';

/** The pages of a server-paged table, driven by `usePagedFilters`. */
export const TablePaging = ({
  count,
  paging,
  pageSizes,
}: {
  /** How many rows match, on all pages. */
  count: number;
  paging: Paging;
  pageSizes: number[];
}) => (
  <TablePagination
    component="div"
    count={count}
    page={paging.page}
    rowsPerPage={paging.pageSize}
    rowsPerPageOptions={pageSizes}
    onPageChange={(_e, p) => paging.setPage(p)}
    onRowsPerPageChange={e => paging.changePageSize(Number(e.target.value))}
  />
);
