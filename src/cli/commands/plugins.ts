/**
 * @module cli/commands/plugins
 * `studio plugins list`: every plugin the home's runs can use (providers, indicators, strategies, sizing models),
 * its origin (`builtin` or the file) and, for user plugins, the sha256 of the code that runs; files that failed to
 * load are listed with their error. `studio plugins check NAME [--kind K] [--params JSON]... [--bars N]`: the
 * look-ahead check on a strategy or indicator, exit 0 when every property holds and 1 when one fails, printing
 * the first leaking bar, k and the size of the change.
 */
import type { Command } from "commander";
import { describeFamily, FAMILIES, FAMILY_NOUN } from "../../core/catalog/catalog.js";
import { quote, StudioError } from "../../core/errors.js";
import type { IndicatorDef } from "../../indicators/types.js";
import { checkPlugin } from "../../plugins/check-plugin.js";
import type { PluginCheckReport } from "../../plugins/check-report.js";
import { loadHomeCatalog } from "../../plugins/home-catalog.js";
import type { StrategyDef } from "../../strategies/types.js";
import { action, printJson } from "../context.js";
import { formatValue, table } from "../format.js";

interface CheckOptions {
  kind?: string;
  params: string[];
  bars?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function parseParamsOption(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new StudioError("CONFIG_INVALID", `--params must be a JSON object, got ${quote(text)}`);
  }
  return value as Record<string, unknown>;
}

export function reportLines(report: PluginCheckReport): string[] {
  const lines = [
    `${report.kind} ${report.name}: ${report.ok ? "passes" : "FAILS"} the look-ahead check (${report.bars} bars of ${report.data.join(" and ")}; params ${report.params.map((p) => JSON.stringify(p)).join(", ")})`,
  ];
  for (const r of report.results) {
    lines.push(r.failure ? `  FAIL ${r.check}: ${r.failure.message}` : `  ok   ${r.check}: ${r.description}`);
  }
  const f = report.failure;
  if (f?.bar !== undefined && f.k !== undefined) {
    lines.push(
      `first leaking bar ${f.bar} (${f.series}), k = ${f.k}, change ${formatValue(f.change)}${f.params ? `, params ${JSON.stringify(f.params)}` : ""}`,
    );
  }
  return lines;
}

export function registerPluginsCommands(program: Command): void {
  const plugins = program.command("plugins").description("list the plugin catalog, check user plugins");

  plugins
    .command("list")
    .description("every plugin with its origin; user plugins with the sha256 of their code")
    .action(
      action(async (ctx) => {
        const { catalog, broken } = await loadHomeCatalog(ctx.home);
        const families = Object.fromEntries(FAMILIES.map((f) => [f, describeFamily(catalog, f)]));
        const errors = broken.map((b) => ({ kind: b.kind, file: b.file, error: b.error.toJSON() }));
        if (ctx.json) return printJson({ ...families, broken: errors });
        const rows = FAMILIES.flatMap((family) =>
          describeFamily(catalog, family).map((p) => [
            FAMILY_NOUN[family],
            p.name,
            p.origin,
            p.sha256?.slice(0, 12) ?? "",
            p.summary,
          ]),
        );
        process.stdout.write(`${table(["kind", "name", "origin", "sha256", "summary"], rows)}\n`);
        for (const b of broken) process.stdout.write(`\nnot loaded: ${b.error.message}\n`);
      }),
    );

  plugins
    .command("check")
    .argument("<name>", "strategy or indicator name")
    .description("look-ahead check: exit 0 when every property holds, 1 when one fails")
    .option("--kind <kind>", "strategy or indicator (default: every plugin of that name)")
    .option("--params <json>", "also check these params, e.g. '{\"period\":5}' (repeatable)", collect, [])
    .option("--bars <n>", "bars of each sample series (default 400)")
    .action(
      action(async (ctx, name: string, opts: CheckOptions) => {
        if (opts.kind !== undefined && opts.kind !== "strategy" && opts.kind !== "indicator") {
          throw new StudioError(
            "CONFIG_INVALID",
            `--kind must be strategy or indicator, got ${quote(opts.kind)}`,
          );
        }
        const bars = opts.bars === undefined ? undefined : Number(opts.bars);
        if (bars !== undefined && !(Number.isInteger(bars) && bars >= 50 && bars <= 100_000)) {
          throw new StudioError(
            "CONFIG_INVALID",
            `--bars must be a whole number in 50..100000, got ${quote(opts.bars)}`,
          );
        }
        const params = opts.params.map(parseParamsOption);
        const { catalog, broken } = await loadHomeCatalog(ctx.home);
        const defs: (StrategyDef | IndicatorDef)[] = [];
        if (opts.kind !== "indicator" && Object.hasOwn(catalog.strategies, name))
          defs.push(catalog.strategies[name]!);
        if (opts.kind !== "strategy" && Object.hasOwn(catalog.indicators, name))
          defs.push(catalog.indicators[name]!);
        if (defs.length === 0) {
          const failed = broken.find(
            (b) => b.name === name && (opts.kind === undefined || b.kind === opts.kind),
          );
          if (failed) throw failed.error;
          const valid = [...Object.keys(catalog.strategies), ...Object.keys(catalog.indicators)];
          throw new StudioError(
            "NOT_FOUND",
            `no strategy or indicator ${quote(name)}; valid: ${valid.join(", ")}`,
          );
        }
        const reports = defs.map((def) => checkPlugin(def, { catalog, params, ...(bars ? { bars } : {}) }));
        if (ctx.json) printJson(reports.length === 1 ? reports[0] : reports);
        else process.stdout.write(`${reports.flatMap(reportLines).join("\n")}\n`);
        if (reports.some((r) => !r.ok)) process.exitCode = 1;
      }),
    );
}
