import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { ReactNode } from 'react';

/** A column of a `SimpleTable`. */
export interface SimpleColumn<T> {
  /** The header; without any, the table has no header row. */
  title?: string;
  value: (row: T, index: number) => ReactNode;
  /** Of the column's body cells. */
  className?: string;
}

/** A small, read-only table: a row for each of `rows`, a cell for each column. */
export function SimpleTable<T>({
  label,
  columns,
  rows,
  rowKey,
}: {
  /** The table's accessible name. */
  label: string;
  columns: SimpleColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
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
        {rows.map((row, i) => (
          <TableRow key={rowKey(row, i)}>
            {columns.map((c, j) => (
              <TableCell key={c.title ?? j} className={c.className}>
                {c.value(row, i)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
