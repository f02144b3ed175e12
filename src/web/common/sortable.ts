/**
 * @module web/common/sortable
 * Sorting for the pages' tables (trades, trials): one row order rule and one header behaviour, so every table
 * sorts the same way. Missing values (null, NaN) go last whichever the direction, so a failed trial or an empty
 * cell is never "the best"; equal values keep their original order.
 */

export type SortValue = number | string | null;

/** `order` (row indexes) re-sorted by `value(row)`, ascending or descending. */
export function sortRows(
  order: readonly number[],
  value: (row: number) => SortValue,
  ascending: boolean,
): number[] {
  const key = new Map<number, SortValue>();
  for (const i of order) key.set(i, value(i));
  const missing = (v: SortValue) => v === null || (typeof v === "number" && Number.isNaN(v));
  return order.slice().sort((a, b) => {
    const x = key.get(a)!;
    const y = key.get(b)!;
    if (missing(x)) return missing(y) ? a - b : 1;
    if (missing(y)) return -1;
    const d = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return (ascending ? d : -d) || a - b;
  });
}

/**
 * Makes the column headers sort their table: click, Enter or Space calls `onSort(column, th)`; the header sorted
 * by carries `aria-sort`, the others `none`.
 */
export function sortableHeaders(headers: readonly HTMLElement[], onSort: (column: number) => boolean): void {
  headers.forEach((th, column) => {
    const sort = () => {
      const ascending = onSort(column);
      for (const other of headers) other.setAttribute("aria-sort", "none");
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        sort();
      }
    });
  });
}
