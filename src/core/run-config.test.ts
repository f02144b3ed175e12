import { describe, expect, it } from "vitest";
import type { StudioError } from "./errors.js";
import { parseRunConfigShape, parseTimestamp } from "./run-config.js";
import { studioErrorOf } from "./test-support/studio-error-of.js";

const base = {
  symbol: "SYN",
  timeframe: "1d",
  start: "2020-01-01",
  end: "2020-12-31",
  provider: "synthetic",
  strategy: { name: "sma_crossover", params: { fast: 10, slow: 50 } },
};

const errorOf = (input: unknown): StudioError => studioErrorOf(() => parseRunConfigShape(input));

describe("RunConfig schema", () => {
  it("fills every default and turns ISO dates into epoch ms", () => {
    const cfg = parseRunConfigShape(base);
    expect(cfg.start).toBe(Date.UTC(2020, 0, 1));
    expect(cfg.initial_cash).toBe(10_000);
    expect(cfg.seed).toBe(42);
    expect(cfg.execution).toEqual({
      commission_per_share: 0,
      commission_bps: 0,
      slippage_bps: 0,
      borrow_bps: 0,
      lot_size: 0,
    });
    expect(cfg.risk).toEqual({ name: "fixed_fraction", params: {} });
  });

  it("fills the walk-forward and bootstrap extension defaults", () => {
    const cfg = parseRunConfigShape({ ...base, validation: { wfo: {}, block_bootstrap: { n: 100 } } });
    expect(cfg.validation.wfo).toEqual({
      windows: 4,
      in_sample_ratio: 0.75,
      anchored: false,
      grid: {},
      objective: "sharpe",
      pbo_partitions: 16,
    });
    expect(cfg.validation.block_bootstrap?.block_size).toBe("auto");
  });

  it("rejects unknown keys, naming the path and the key", () => {
    const e = errorOf({ ...base, execution: { slipage_bps: 5 } });
    expect(e.code).toBe("CONFIG_INVALID");
    expect(e.message).toContain('execution: Unrecognized key: "slipage_bps"');
  });

  it("rejects wrong types with the JSON path and the offending value", () => {
    const e = errorOf({ ...base, seed: "abc" });
    expect(e.message).toMatch(/^seed: .* \(got "abc"\)$/);
  });

  it("rejects start after end", () => {
    expect(errorOf({ ...base, start: "2021-01-01" }).message).toContain(
      "start: start (1609459200000) is after end",
    );
  });

  it("rejects symbols that look like paths", () => {
    for (const symbol of ["../etc", "a/b", "a\\b", ".hidden"]) {
      expect(errorOf({ ...base, symbol }).message, `symbol ${symbol}`).toContain(
        "symbol: expected a symbol name",
      );
    }
  });

  it("enforces the machine-protecting limits", () => {
    expect(errorOf({ ...base, validation: { permutation: { n: 10_001 } } }).message).toContain(
      "validation.permutation.n",
    );
    expect(errorOf({ ...base, timeframe: "1m", start: 0, end: 1e12 }).message).toMatch(
      /end: range spans \d+ 1m bars/,
    );
    const grid = { a: Array.from({ length: 40 }, (_, i) => i), b: Array.from({ length: 40 }, (_, i) => i) };
    expect(errorOf({ ...base, validation: { wfo: { grid } } }).message).toContain(
      "grid has 1600 combinations",
    );
  });
});

describe("parseTimestamp", () => {
  it("refuses numbers no user could mean, naming the path and the value", () => {
    const cases: [string, Record<string, unknown>, string][] = [
      // 5e-324 once passed and crashed the process while plotting a denormal equity curve.
      ["initial_cash", { initial_cash: 5e-324 }, "5e-324"],
      ["initial_cash", { initial_cash: 0.001 }, "0.001"],
      ["initial_cash", { initial_cash: 1e16 }, "10000000000000000"],
      ["execution.lot_size", { execution: { lot_size: 1e-300 } }, "1e-300"],
      ["execution.lot_size", { execution: { lot_size: -1 } }, "-1"],
      ["execution.lot_size", { execution: { lot_size: 2e9 } }, "2000000000"],
      ["execution.commission_bps", { execution: { commission_bps: 1001 } }, "1001"],
      ["execution.slippage_bps", { execution: { slippage_bps: 10_000 } }, "10000"],
      ["execution.commission_per_share", { execution: { commission_per_share: 1e6 } }, "1000000"],
      ["execution.borrow_bps", { execution: { borrow_bps: 100_001 } }, "100001"],
      ["validation.wfo.in_sample_ratio", { validation: { wfo: { in_sample_ratio: 0.001 } } }, "0.001"],
      ["validation.wfo.in_sample_ratio", { validation: { wfo: { in_sample_ratio: 0.99 } } }, "0.99"],
      [
        "validation.block_bootstrap.confidence",
        { validation: { block_bootstrap: { n: 10, confidence: 0.1 } } },
        "0.1",
      ],
    ];
    for (const [path, extra, shown] of cases) {
      const e = errorOf({ ...base, ...extra });
      expect(e.code, path).toBe("CONFIG_INVALID");
      expect(e.message, `${path} is named with the value`).toContain(`${path}: `);
      expect(e.message, path).toContain(`(got ${shown})`);
    }
  });

  it("accepts the bounds themselves", () => {
    const cfg = parseRunConfigShape({
      ...base,
      initial_cash: 0.01,
      execution: { lot_size: 1e-8, commission_bps: 1000, slippage_bps: 1000, commission_per_share: 1000 },
      validation: { wfo: { in_sample_ratio: 0.95 }, block_bootstrap: { n: 10, confidence: 0.999 } },
    });
    expect(cfg.initial_cash).toBe(0.01);
    expect(
      parseRunConfigShape({ ...base, initial_cash: 1e15, execution: { lot_size: 1e9 } }).execution.lot_size,
    ).toBe(1e9);
  });

  it("accepts epoch ms, ISO dates and ISO date-times with or without an offset", () => {
    expect(parseTimestamp(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(parseTimestamp("1700000000000")).toBe(1_700_000_000_000);
    expect(parseTimestamp("2024-01-02")).toBe(Date.UTC(2024, 0, 2));
    expect(parseTimestamp("2024-01-02 03:04:05")).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(parseTimestamp("2024-01-02T03:04:05+02:00")).toBe(Date.UTC(2024, 0, 2, 1, 4, 5));
  });

  it("rejects impossible dates and free text", () => {
    expect(parseTimestamp("2024-02-30")).toBeUndefined();
    expect(parseTimestamp("yesterday")).toBeUndefined();
    expect(parseTimestamp(1.5)).toBeUndefined();
  });

  it("parses the exits block: fractions, ATR distances, max_bars, and stop_first by default", () => {
    expect(parseRunConfigShape(base).exits, "absent block, no key").toBeUndefined();
    const cfg = parseRunConfigShape({
      ...base,
      exits: { stop_loss: 0.05, take_profit: { atr: 14, mult: 2 }, trailing_stop: 0.03, max_bars: 20 },
    });
    expect(cfg.exits).toEqual({
      stop_loss: 0.05,
      take_profit: { atr: 14, mult: 2 },
      trailing_stop: 0.03,
      max_bars: 20,
      intrabar: "stop_first",
    });
  });

  it.each([
    [{ stop_loss: 0 }, "exits.stop_loss"],
    [{ stop_loss: 1 }, "exits.stop_loss"],
    [{ trailing_stop: 1.5 }, "exits.trailing_stop"],
    [{ take_profit: 0 }, "exits.take_profit"],
    [{ take_profit: { atr: 0, mult: 2 } }, "exits.take_profit"],
    [{ stop_loss: { atr: 14.5, mult: 2 } }, "exits.stop_loss"],
    [{ stop_loss: { atr: 14, mult: 0 } }, "exits.stop_loss"],
    [{ stop_loss: { atr: 14, mult: 2, extra: 1 } }, "exits.stop_loss"],
    [{ max_bars: 0 }, "exits.max_bars"],
    [{ max_bars: 2.5 }, "exits.max_bars"],
    [{ intrabar: "close_first" }, "exits.intrabar"],
    [{ stop: 0.05 }, 'exits: Unrecognized key: "stop"'],
  ])("rejects the exits %j naming %s", (exits, where) => {
    const e = errorOf({ ...base, exits });
    expect(e.code).toBe("CONFIG_INVALID");
    expect(e.message).toContain(where);
  });
});
