/**
 * @module report/strategy-label
 * How a run is named to people: `sma_crossover(fast=5, slow=20)` and the first 8 characters of its id, the
 * same in the CLI, the report and the web studio.
 */

export function shortId(runId: string): string {
  return runId.slice(0, 8);
}

/** The strategy and its params as one short label; "-" when the config has no strategy. */
export function strategyLabel(config: unknown): string {
  const s = (config as { strategy?: { name?: string; params?: Record<string, unknown> } } | null)?.strategy;
  if (!s?.name) return "-";
  const params = Object.entries(s.params ?? {})
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
  return `${s.name}(${params})`;
}
