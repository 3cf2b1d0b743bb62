import type { Key, ReactNode } from 'react';
import './data-table.css';

export interface Column<T> {
  /** Column heading; also the label of the value when rows become cards on small screens. */
  header: string;
  cell: (row: T) => ReactNode;
  /** Hide the heading visually (e.g. an actions column) but keep it for screen readers. */
  hideHeader?: boolean;
  /** The row's title when shown as a card (bold, no label). */
  primary?: boolean;
  /** Right-aligned actions cell. */
  actions?: boolean;
  className?: string;
}

interface DataTableProps<T> {
  /** Accessible name of the table. */
  label: string;
  columns: ReadonlyArray<Column<T>>;
  rows: readonly T[];
  rowKey: (row: T) => Key;
  /** `data-testid` of each row (for browser tests). */
  rowTestId?: string;
}

/**
 * A table on wide screens that becomes a list of cards below 40rem: each cell shows its
 * column's name next to the value, so nothing scrolls sideways on a phone.
 */
export function DataTable<T>({ label, columns, rows, rowKey, rowTestId }: DataTableProps<T>) {
  return (
    <div className="data-table">
      <table className="data-table__table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.actions ? 'data-table__actions' : undefined}>
                {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId}>
              {columns.map((column) => {
                const classes = [
                  column.primary ? 'data-table__primary' : null,
                  column.actions ? 'data-table__actions' : null,
                  column.className ?? null,
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td key={column.header} className={classes || undefined} data-label={column.primary || column.actions ? undefined : column.header}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
