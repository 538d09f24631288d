import type { ReactNode, TableHTMLAttributes } from 'react'
import { TableFrame } from '#app/components/ui/table-frame'

type KpiTableProps = Omit<TableHTMLAttributes<HTMLTableElement>, 'children' | 'className'> & {
  /** Column names, left to right; `false` leaves a column out (a figure the workspace has no data for). */
  /** What the table shows, naming its scrolling frame for screen readers ("Top entry pages"). */
  label: string
  columns: (string | false)[]
  children: ReactNode
  /** Classes of the scrolling frame (e.g. a top margin). */
  className?: string
  /** The children are table bodies of their own (one per group of rows), not rows. */
  grouped?: boolean
}

/** The dashboard's tables: scrolling sideways inside their frame on narrow screens, a row of column names, then the rows. */
export function KpiTable({ label, columns, children, className = '', grouped = false, ...table }: KpiTableProps) {
  return (
    <TableFrame label={label} className={className}>
      <table className="w-full text-left text-sm" {...table}>
        <thead className="text-slate-500">
          <tr>
            {columns.map((name) =>
              name === false ? null : (
                <th key={name} className="py-2 pr-4 font-medium">
                  {name}
                </th>
              ),
            )}
          </tr>
        </thead>
        {grouped ? children : <tbody className="divide-y divide-slate-100">{children}</tbody>}
      </table>
    </TableFrame>
  )
}

/** A row's name, first in the row. */
export function RowHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="py-2 pr-4 text-left font-medium">
      {children}
    </th>
  )
}
