/**
 * @module web/sweep-report/trial-filter
 * The trials table's filter box: space-separated terms, all of which a row must match. `fast>=10`, `sharpe>0.5`,
 * `status=failed`, `slow!=200` compare a column (by its name, or the last part of a dotted path) with a value,
 * as numbers when both are numbers, else as text; any other term is text that some cell must contain. Pure: the
 * page gives it the columns, so it is tested without a browser.
 */

export type Cell = number | string | null;

export interface FilterColumn {
  /** Full name, e.g. `strategy.params.fast` or `sharpe`. */
  readonly name: string;
  readonly cell: (row: number) => Cell;
}

export interface TrialFilter {
  readonly test: (row: number) => boolean;
  /** Terms that name no column, as typed. */
  readonly unknown: string[];
}

const TERM = /^([A-Za-z_][A-Za-z0-9_.]*)(>=|<=|!=|=|>|<)(.+)$/;

/** The column a term names: the exact name, else the one whose last dotted part it is (first wins). */
export function findColumn(columns: readonly FilterColumn[], name: string): FilterColumn | undefined {
  const n = name.toLowerCase();
  return (
    columns.find((c) => c.name.toLowerCase() === n) ??
    columns.find((c) => c.name.toLowerCase().split(".").at(-1) === n)
  );
}

function compare(cell: Cell, op: string, raw: string): boolean {
  if (cell === null) return op === "!=";
  const num = Number(raw);
  const a = typeof cell === "number" ? cell : Number(cell);
  const numeric = raw.trim() !== "" && Number.isFinite(num) && !Number.isNaN(a) && String(cell).trim() !== "";
  const c = numeric ? a - num : String(cell).toLowerCase().localeCompare(raw.toLowerCase());
  switch (op) {
    case "=":
      return numeric ? c === 0 : String(cell).toLowerCase() === raw.toLowerCase();
    case "!=":
      return numeric ? c !== 0 : String(cell).toLowerCase() !== raw.toLowerCase();
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
    case "<":
      return c < 0;
    default:
      return c <= 0;
  }
}

export function parseTrialFilter(text: string, columns: readonly FilterColumn[]): TrialFilter {
  const unknown: string[] = [];
  const tests: ((row: number) => boolean)[] = [];
  for (const term of text.trim().split(/\s+/).filter(Boolean)) {
    const m = TERM.exec(term);
    if (m) {
      const column = findColumn(columns, m[1]!);
      if (!column) {
        unknown.push(term);
        continue;
      }
      const [, , op, value] = m;
      tests.push((row) => compare(column.cell(row), op!, value!));
      continue;
    }
    const needle = term.toLowerCase();
    tests.push((row) =>
      columns.some((c) =>
        String(c.cell(row) ?? "")
          .toLowerCase()
          .includes(needle),
      ),
    );
  }
  return { test: (row) => tests.every((t) => t(row)), unknown };
}
