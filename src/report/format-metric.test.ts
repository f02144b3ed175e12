import { describe, expect, it } from "vitest";
import { formatMetric, humanDuration, isoUtc } from "./format-metric.js";

describe("formatMetric", () => {
  it("shows fractions as percentages and exposure_pct as the percentage it already is", () => {
    expect(formatMetric("total_return", 0.198668)).toBe("19.87%");
    expect(formatMetric("max_drawdown", -0.122768)).toBe("-12.28%");
    expect(formatMetric("exposure_pct", 51.783)).toBe("51.78%");
  });

  it("shows timestamps as ISO dates in UTC", () => {
    expect(formatMetric("start_ts", 1672617600000)).toBe("2023-01-02T00:00:00Z");
    expect(isoUtc(null)).toBe("-");
  });

  it("shows bar counts in bars and in time when the bar length is known", () => {
    expect(formatMetric("max_drawdown_duration_bars", 2913, 3_600_000)).toBe("2913 bars (121d 9h)");
    expect(formatMetric("avg_trade_duration_bars", 37.7203)).toBe("37.7 bars");
  });

  it("keeps ratios as 4 significant digits, null as '-', and other objects as JSON", () => {
    expect(formatMetric("sharpe", 0.889384)).toBe("0.8894");
    expect(formatMetric("sharpe", null)).toBe("-");
    expect(formatMetric("params", { fast: [1, 2] })).toBe('{"fast":[1,2]}');
  });

  it("lists per-reason metrics as 'reason value', leaving out reasons that never happened", () => {
    expect(formatMetric("exits_by_reason", { signal: 42, stop_loss: 3, take_profit: 0 })).toBe(
      "signal 42, stop_loss 3",
    );
    expect(
      formatMetric("avg_return_by_exit_reason", {
        signal: 0.0069375,
        stop_loss: -0.0303879,
        time_exit: null,
      }),
    ).toBe("signal 0.69%, stop_loss -3.04%");
    expect(formatMetric("exits_by_reason", { signal: 0 })).toBe("-");
  });

  it("writes durations as their two largest units", () => {
    expect(humanDuration(90_000)).toBe("1m 30s");
    expect(humanDuration(3 * 86_400_000 + 3_600_000 * 4 + 60_000)).toBe("3d 4h");
    expect(humanDuration(0)).toBe("0s");
  });
});
