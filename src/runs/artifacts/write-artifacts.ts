/**
 * @module runs/artifacts/write-artifacts
 * Writes a completed run's folder: series and records as Parquet (docs/architecture.md#run-folders-and-manifests, plus `portfolio.parquet`,
 * `round_trips.parquet` and `features.parquet`, what the strategy saw), metrics and validation as JSON, the plot,
 * the bundled code of every user plugin the run used (`plugins/NAME.mjs`, byte for byte the code whose sha256
 * the summary names; user plugin names are unique across strategies and indicators), report.html (src/report), then the manifest last. Everything goes into the
 * staging folder the caller renames into place. If anything fails (an encoder, the plot, one write), the
 * returned promise rejects only once every write already started has settled, so the caller can remove the
 * staging folder without a write still running into it.
 */
import type { Candles } from "../../core/candles.js";
import {
  EXIT_REASONS,
  type Fills,
  type Metrics,
  type PortfolioBars,
  type RoundTrips,
} from "../../core/results.js";
import type { FeatureColumn } from "../../indicators/features/feature-set.js";
import { renderRunReport } from "../../report/report-html.js";
import { reportInputs } from "../../report/report-inputs.js";
import { REPORT_NAME } from "../../report/report-name.js";
import type { writeFileAtomicAsync } from "../../store/atomic-write.js";
import type { ParquetColumn } from "../../store/parquet/parquet.js";
import { parquetColumns as featureParquetColumns } from "../feature-cache.js";
import { type RunPlotInput, renderRunPlot } from "../plots/plot.js";
import { ArtifactSet } from "./artifact-set.js";
import type { Manifest } from "./manifest.js";
import { PLUGINS_FOLDER } from "./parse-manifest.js";

export interface RunArtifacts {
  readonly candles: Candles;
  readonly fills: Fills;
  readonly portfolio: PortfolioBars;
  readonly drawdown: Float64Array;
  readonly trades: RoundTrips;
  /** Every feature the run computed (the strategy's and the config's extra indicators). */
  readonly features: readonly FeatureColumn[];
  readonly metrics: Metrics;
  readonly validation?: unknown;
  readonly summary: unknown;
  readonly plotTitle: string;
  readonly plotSubtitle: string;
  /** User plugins the run used, with their bundled code. */
  readonly plugins?: readonly {
    readonly family: "strategies" | "indicators";
    readonly name: string;
    readonly code: string;
  }[];
}

/**
 * The run-folder file holding a user plugin's bundled code. Plugin names are letters, digits and `_`, and the
 * loader refuses a user strategy and a user indicator of the same name, so the path is unique.
 */
export function pluginArtifactName(name: string): string {
  return `${PLUGINS_FOLDER}/${name}.mjs`;
}

const time = (name: string, data: Float64Array): ParquetColumn => ({ name, type: "TIMESTAMP", data });
const int64 = (name: string, data: Float64Array): ParquetColumn => ({ name, type: "INT64", data });
const double = (name: string, data: Float64Array): ParquetColumn => ({ name, type: "DOUBLE", data });
const asDouble = (values: ArrayLike<number>): Float64Array => Float64Array.from(values);
const reasons = (name: string, codes: Int8Array): ParquetColumn => ({
  name,
  type: "STRING",
  data: Array.from(codes, (r) => EXIT_REASONS[r]!),
});

/** What the writer calls out to; tests replace them to fail like a full disk or a broken plot. */
export interface ArtifactWriterDeps {
  readonly write?: typeof writeFileAtomicAsync;
  /** plots.png bytes, or a promise of them (the real one rasterizes on a libuv thread). */
  readonly renderPlot?: (input: RunPlotInput) => Uint8Array | Promise<Uint8Array>;
  readonly renderReport?: typeof renderRunReport;
}

export async function writeRunArtifacts(
  dir: string,
  meta: Omit<Manifest, "files">,
  a: RunArtifacts,
  onProgress: (ratio: number) => void = () => {},
  deps: ArtifactWriterDeps = {},
): Promise<{ manifest: Manifest; manifestSha: string }> {
  const set = new ArtifactSet(dir, deps.write);
  const renderPlot = deps.renderPlot ?? renderRunPlot;
  const renderReport = deps.renderReport ?? renderRunReport;
  const ts = a.portfolio.ts;
  const steps: (() => void)[] = [
    () => set.addJson("summary.json", a.summary),
    () => set.addJson("metrics.json", a.metrics),
    () => set.addParquet("equity.parquet", [time("ts_utc", ts), double("equity", a.portfolio.equity)]),
    () => set.addParquet("drawdown.parquet", [time("ts_utc", ts), double("drawdown", a.drawdown)]),
    () => set.addParquet("trades.parquet", fillColumns(a.fills)),
    () => set.addParquet("portfolio.parquet", portfolioColumns(a.portfolio)),
    () => set.addParquet("round_trips.parquet", roundTripColumns(a.trades)),
    () => set.addParquet("features.parquet", featureParquetColumns(ts, a.features)),
    () => {
      if (a.validation !== undefined) set.addJson("validation_summary.json", a.validation);
    },
    () =>
      set.addBytes(
        "plots.png",
        renderPlot({
          title: a.plotTitle,
          subtitle: a.plotSubtitle,
          ts,
          equity: a.portfolio.equity,
          drawdown: a.drawdown,
          close: a.candles.close,
          fills: { ts: a.fills.ts, side: a.fills.side, price: a.fills.price, reason: a.fills.reason },
        }),
      ),
    () => set.addBytes(REPORT_NAME, renderReport(reportInputs(a))),
  ];
  for (const p of a.plugins ?? []) steps.push(() => set.addBytes(pluginArtifactName(p.name), p.code));
  try {
    steps.forEach((step, i) => {
      step();
      onProgress((i + 1) / (steps.length + 1));
    });
  } catch (err) {
    await set.abandon();
    throw err;
  }
  const { manifest, written } = await set.seal(meta);
  onProgress(1);
  return { manifest, manifestSha: written.sha256 };
}

function fillColumns(f: Fills): ParquetColumn[] {
  return [
    time("ts_utc", f.ts),
    { name: "side", type: "STRING", data: Array.from(f.side, (s) => (s > 0 ? "buy" : "sell")) },
    double("qty", f.qty),
    double("price", f.price),
    double("fee", f.fee),
    double("slippage", f.slippage),
    double("pnl_realized", f.pnlRealized),
    double("borrow_cost", f.borrowCost),
    reasons("reason", f.reason),
  ];
}

/**
 * The portfolio bars without the two columns a reader rebuilds exactly: `market_value = position_qty *
 * price_ref` (the engine's own product) and `equity = cash + market_value`, which equity.parquet also holds.
 * Storing them would add 16 MB per million bars (docs/engine.md shows the SQL).
 */
function portfolioColumns(p: PortfolioBars): ParquetColumn[] {
  return [
    time("ts_utc", p.ts),
    double("position_qty", p.positionQty),
    double("price_ref", p.priceRef),
    double("cash", p.cash),
    double("fees_cum", p.feesCum),
    double("pnl_unrealized", p.pnlUnrealized),
  ];
}

function roundTripColumns(t: RoundTrips): ParquetColumn[] {
  return [
    { name: "direction", type: "STRING", data: Array.from(t.direction, (d) => (d > 0 ? "long" : "short")) },
    time("entry_ts", t.entryTs),
    time("exit_ts", t.exitTs),
    int64("entry_bar", asDouble(t.entryBar)),
    int64("exit_bar", asDouble(t.exitBar)),
    double("qty", t.qty),
    double("entry_price", t.entryPrice),
    double("exit_price", t.exitPrice),
    double("pnl", t.pnl),
    double("return_pct", t.returnPct),
    double("fees", t.fees),
    double("borrow", t.borrow),
    reasons("exit_reason", t.exitReason),
  ];
}
