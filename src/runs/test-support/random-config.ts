/**
 * @module runs/test-support/random-config
 * Seeded random run configs drawn inside the schema's bounds, for the property test that every accepted config
 * ends `completed` or `failed` with a stable code. Numbers are drawn at their bounds, at zero or log-uniformly
 * between, because the edges are where arithmetic breaks (a denormal cash, a lot of 1e9 units); periods are
 * mostly small so a few hundred bars can trade, sometimes larger than the data (INSUFFICIENT_DATA).
 */
import type { Rng } from "../../core/rng.js";
import { CONFIG_BOUNDS } from "../../core/run-config.js";

const B = CONFIG_BOUNDS;

function logUniform(rng: Rng, min: number, max: number): number {
  return Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min)));
}

/** A bound, zero (when allowed) or a log-uniform value between, each about equally often. */
function edgy(rng: Rng, min: number, max: number, zero = false): number {
  const r = rng.int(zero ? 4 : 3);
  if (r === 0) return min;
  if (r === 1) return max;
  if (r === 3) return 0;
  return logUniform(rng, min, max);
}

function oneOf<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)]!;
}

const period = (rng: Rng, min: number) => (rng.next() < 0.9 ? min + rng.int(30) : min + rng.int(1000));

function strategy(rng: Rng): { name: string; params: Record<string, unknown> } {
  const allow_short = rng.next() < 0.5;
  switch (rng.int(6)) {
    case 0:
    case 1: {
      const fast = period(rng, 1);
      return {
        name: rng.next() < 0.5 ? "sma_crossover" : "ema_crossover",
        params: { fast, slow: fast + 1 + rng.int(40), allow_short },
      };
    }
    case 2: {
      const lower = edgy(rng, 0.001, 60, true);
      return {
        name: "rsi_reversion",
        params: {
          period: period(rng, 2),
          lower,
          upper: Math.min(100, lower + edgy(rng, 0.001, 100)),
          allow_short,
        },
      };
    }
    case 3:
      return { name: "donchian_breakout", params: { period: period(rng, 1), allow_short } };
    case 4:
      return {
        name: "bollinger_reversion",
        params: { period: period(rng, 2), stddev: edgy(rng, 1e-6, 1_000), allow_short },
      };
    default:
      return { name: "buy_and_hold", params: {} };
  }
}

function validation(rng: Rng): Record<string, unknown> {
  if (rng.next() < 0.85) return {};
  const v: Record<string, unknown> = {};
  if (rng.next() < 0.5) v.permutation = { n: 1 + rng.int(2) };
  if (rng.next() < 0.5) {
    v.block_bootstrap = {
      n: 1 + rng.int(5),
      block_size: rng.next() < 0.5 ? "auto" : 1 + rng.int(400),
      method: oneOf(rng, ["circular", "stationary"]),
      confidence: edgy(rng, B.confidence.min, B.confidence.max),
    };
  }
  if (rng.next() < 0.5) v.monte_carlo = { n: 1 + rng.int(5) };
  if (rng.next() < 0.3) {
    v.wfo = {
      windows: 1 + rng.int(3),
      in_sample_ratio: edgy(rng, B.inSampleRatio.min, B.inSampleRatio.max),
      anchored: rng.next() < 0.5,
      pbo_partitions: 8,
    };
  }
  return v;
}

/** `count` configs on synthetic series of about 300 bars; the same seed gives the same configs. */
export function randomConfigs(rng: Rng, count: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const [timeframe, start, end] = oneOf(rng, [
      ["1h", "2024-01-01", "2024-01-13T11:00"],
      ["15m", "2024-03-04", "2024-03-07T02:45"],
      ["1d", "2023-01-02", "2024-02-23"],
    ] as const);
    out.push({
      symbol: oneOf(rng, ["SYN", "ALT"]),
      timeframe,
      start,
      end,
      provider: "synthetic",
      strategy: strategy(rng),
      risk:
        rng.next() < 0.7
          ? { name: "fixed_fraction", params: { fraction: edgy(rng, 1e-4, 10) } }
          : { name: "fixed_quantity", params: { qty: edgy(rng, 1e-8, 1e9) } },
      execution: {
        commission_per_share: edgy(rng, 1e-6, B.commissionPerShare.max, true),
        commission_bps: edgy(rng, 1e-3, B.commissionBps.max, true),
        slippage_bps: edgy(rng, 1e-3, B.slippageBps.max, true),
        borrow_bps: edgy(rng, 1e-3, B.borrowBps.max, true),
        lot_size: rng.next() < 0.5 ? 0 : edgy(rng, B.lotSize.min, B.lotSize.max),
      },
      validation: validation(rng),
      initial_cash: edgy(rng, B.initialCash.min, B.initialCash.max),
      seed: rng.int(1000),
    });
  }
  return out;
}
