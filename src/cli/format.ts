/**
 * @module cli/format
 * Plain-text tables for people. Numbers are shown with enough digits to compare runs, null as "-".
 */

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "-";
  if (typeof value === "number") {
    if (Number.isInteger(value)) return String(value);
    return Math.abs(value) >= 1000 ? value.toFixed(2) : value.toPrecision(6);
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Two columns: key and value, keys padded. */
export function keyValueTable(entries: readonly (readonly [string, unknown])[]): string {
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${k.padEnd(width)}  ${formatValue(v)}`).join("\n");
}

/** A table with a header row; every cell already a string. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

export function isoTime(ms: number | null): string {
  return ms === null ? "-" : new Date(ms).toISOString().replace(".000Z", "Z");
}
