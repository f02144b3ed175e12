/**
 * @module web/studio/new-run-page
 * Submit a run: market and dates, the strategy and risk model with fields built from the catalog's JSON
 * Schemas, costs, and validation. The JSON editor below shows the whole config the form makes; edit it for
 * anything the form does not cover (a walk-forward grid, exits, extra indicators) and that text is what is sent.
 */
import { h } from "../common/dom.js";
import { type ApiError, api, type Catalog, type CatalogEntry, type RunView } from "./api.js";
import { type SchemaFields, schemaFields } from "./schema-form.js";

const TIMEFRAMES = ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d", "1w"];

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    input,
    hint ? h("small", {}, hint) : null,
  );
}

function pluginPicker(id: string, entries: CatalogEntry[], initial: string, onChange: () => void) {
  const select = h(
    "select",
    { id, name: id },
    ...entries.map((e) =>
      h("option", { value: e.name, selected: e.name === initial }, `${e.name}: ${e.summary}`),
    ),
  );
  const holder = h("div");
  let fields: SchemaFields;
  const build = () => {
    const entry = entries.find((e) => e.name === select.value) ?? entries[0]!;
    fields = schemaFields(`${id}-param`, entry.params, onChange);
    holder.replaceChildren(fields.element);
  };
  select.addEventListener("change", () => {
    build();
    onChange();
  });
  build();
  return { select, holder, value: () => ({ name: select.value, params: fields.values() }) };
}

export async function newRunPage(root: HTMLElement, catalog: Catalog): Promise<() => void> {
  const num = (id: string, value: number, attrs: Record<string, string | number> = {}) =>
    h("input", { id, name: id, type: "number", value, step: "any", min: 0, ...attrs });
  const symbol = h("input", { id: "symbol", name: "symbol", type: "text", value: "DEMO", required: true });
  const timeframe = h(
    "select",
    { id: "timeframe", name: "timeframe" },
    ...TIMEFRAMES.map((t) => h("option", { value: t, selected: t === "1h" }, t)),
  );
  const start = h("input", { id: "start", name: "start", type: "date", value: "2023-01-02", required: true });
  const end = h("input", { id: "end", name: "end", type: "date", value: "2023-06-30", required: true });
  const provider = h(
    "select",
    { id: "provider", name: "provider" },
    ...catalog.providers.map((p) => h("option", { value: p.name, selected: p.name === "synthetic" }, p.name)),
  );
  const commission = num("commission_bps", 1);
  const slippage = num("slippage_bps", 2);
  const seed = num("seed", 42, { step: 1 });
  const perm = num("permutation_n", 0, { step: 1 });
  const boot = num("bootstrap_n", 0, { step: 1 });
  const mc = num("monte_carlo_n", 0, { step: 1 });
  const stopLoss = num("stop_loss", 0, { max: 0.99 });
  const takeProfit = num("take_profit", 0);
  const trailing = num("trailing_stop", 0, { max: 0.99 });
  const maxBars = num("max_bars", 0, { step: 1 });
  const json = h("textarea", {
    id: "config-json",
    name: "config-json",
    rows: 18,
    spellcheck: false,
    "aria-describedby": "config-json-help",
  });
  const error = h("p", { class: "error", role: "alert", id: "submit-error" });
  let jsonEdited = false;
  const sync = () => {
    if (jsonEdited) return;
    const validation: Record<string, unknown> = {};
    if (Number(perm.value) > 0) validation.permutation = { n: Number(perm.value) };
    if (Number(boot.value) > 0) validation.block_bootstrap = { n: Number(boot.value) };
    if (Number(mc.value) > 0) validation.monte_carlo = { n: Number(mc.value) };
    const config: Record<string, unknown> = {
      symbol: symbol.value,
      timeframe: timeframe.value,
      start: start.value,
      end: end.value,
      provider: provider.value,
      strategy: strategy.value(),
      risk: risk.value(),
      execution: { commission_bps: Number(commission.value), slippage_bps: Number(slippage.value) },
      seed: Number(seed.value),
    };
    if (Object.keys(validation).length) config.validation = validation;
    const exits: Record<string, number> = {};
    if (Number(stopLoss.value) > 0) exits.stop_loss = Number(stopLoss.value);
    if (Number(takeProfit.value) > 0) exits.take_profit = Number(takeProfit.value);
    if (Number(trailing.value) > 0) exits.trailing_stop = Number(trailing.value);
    if (Number(maxBars.value) > 0) exits.max_bars = Number(maxBars.value);
    if (Object.keys(exits).length) config.exits = exits;
    json.value = JSON.stringify(config, null, 2);
  };
  const strategy = pluginPicker("strategy", catalog.strategies, "sma_crossover", sync);
  const risk = pluginPicker("risk", catalog.risk_models, "fixed_fraction", sync);
  for (const el of [
    symbol,
    timeframe,
    start,
    end,
    provider,
    commission,
    slippage,
    seed,
    perm,
    boot,
    mc,
    stopLoss,
    takeProfit,
    trailing,
    maxBars,
  ]) {
    el.addEventListener("input", sync);
    el.addEventListener("change", sync);
  }
  json.addEventListener("input", () => (jsonEdited = true));
  const reset = h("button", { type: "button", id: "reset-json" }, "Rebuild JSON from the form");
  reset.addEventListener("click", () => {
    jsonEdited = false;
    sync();
  });
  const submit = h("button", { type: "submit", class: "primary", id: "submit-run" }, "Run");
  const form = h(
    "form",
    { id: "new-run-form", "aria-label": "new run" },
    h(
      "fieldset",
      {},
      h("legend", {}, "Market"),
      field("symbol", "symbol", symbol),
      field("timeframe", "timeframe", timeframe),
      field("start", "start (UTC)", start),
      field("end", "end (UTC)", end),
      field("provider", "provider", provider),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Strategy"),
      field("strategy", "strategy", strategy.select),
      strategy.holder,
    ),
    h("fieldset", {}, h("legend", {}, "Risk"), field("risk", "risk model", risk.select), risk.holder),
    h(
      "fieldset",
      {},
      h("legend", {}, "Costs"),
      field("commission_bps", "commission (bps)", commission),
      field("slippage_bps", "slippage (bps)", slippage),
      field("seed", "seed", seed),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Exits (0 = off; distances as fractions of the entry price)"),
      field("stop_loss", "stop loss", stopLoss, "e.g. 0.05 = 5% below a long's entry"),
      field("take_profit", "take profit", takeProfit),
      field("trailing_stop", "trailing stop", trailing),
      field("max_bars", "max bars held", maxBars),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Validation (0 = off)"),
      field("permutation_n", "permutation n", perm),
      field("bootstrap_n", "block bootstrap n", boot),
      field("monte_carlo_n", "Monte Carlo n", mc),
    ),
    h(
      "fieldset",
      { class: "wide" },
      h("legend", {}, "Config JSON"),
      h("label", { for: "config-json" }, "the whole config (what is sent)"),
      json,
      h(
        "small",
        { id: "config-json-help" },
        "Edit freely: walk-forward grids, exits, indicators. Once edited, the form no longer overwrites it.",
      ),
      reset,
    ),
    h("div", { class: "toolbar" }, submit, error),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.textContent = "";
    let body: unknown;
    try {
      body = JSON.parse(json.value);
    } catch (err) {
      error.textContent = `the config is not valid JSON: ${(err as Error).message}`;
      return;
    }
    submit.disabled = true;
    try {
      const { run } = await api<{ run: RunView }>("/api/runs", {
        method: "POST",
        body: JSON.stringify(body),
      });
      location.hash = `#/runs/${run.run_id}`;
    } catch (err) {
      const e2 = err as ApiError;
      const issues =
        (e2.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
      error.textContent = `${e2.code}: ${e2.message}${issues.map((i) => `\n${i.path}: ${i.message}`).join("")}`;
      submit.disabled = false;
    }
  });
  root.replaceChildren(h("p", {}, h("a", { href: "#/" }, "< all runs")), h("h1", {}, "New run"), form);
  sync();
  return () => {};
}
