import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { Fragment, ReactNode } from 'react';

/** A column of a `SimpleTable`. */
export interface SimpleColumn<T> {
  /** The header; without any, the table has no header row. */
  title?: string;
  value: (row: T, index: number) => ReactNode;
  /** Of the column's body cells. */
  className?: string;
}

/**
 * A small, read-only table: a row for each of `rows`, a cell for each
 * column, and below a row whatever `detail` gives for it (e.g. the row
 * expanded), across all columns.
 */
export function SimpleTable<T>({
  label,
  columns,
  rows,
  rowKey,
  detail,
}: {
  /** The table's accessible name. */
  label: string;
  columns: SimpleColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** More about a row, shown below it; nothing when it returns nothing. */
  detail?: (row: T, index: number) => ReactNode;
}) {
  return (
    <Table size="small" aria-label={label}>
      {columns.some(c => c.title !== undefined) && (
        <TableHead>
          <TableRow>
            {columns.map((c, j) => (
              <TableCell key={c.title ?? j}>{c.title}</TableCell>
            ))}
          </TableRow>
        </TableHead>
      )}
      <TableBody>
        {rows.map((row, i) => {
          const more = detail?.(row, i);
          return (
            <Fragment key={rowKey(row, i)}>
              <TableRow>
                {columns.map((c, j) => (
                  <TableCell key={c.title ?? j} className={c.className}>
                    {c.value(row, i)}
                  </TableCell>
                ))}
              </TableRow>
              {more !== undefined && more !== null && more !== false && (
                <TableRow>
                  <TableCell colSpan={columns.length}>{more}</TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
