import { describe, expect, it } from "vitest";
import type { Candles } from "../../core/candles.js";
import { Rng } from "../../core/rng.js";
import { MS_PER_YEAR } from "../../core/timeframe.js";
import { DAY, sameBits } from "../test-support/make-candles.js";
import { randomExits, randomRun, randomTarget, withExits } from "../test-support/random-run.js";
import { type SimulationResult, simulate } from "./simulate.js";

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);
const PORTFOLIO = [
  "ts",
  "positionQty",
  "priceRef",
  "marketValue",
  "cash",
  "equity",
  "feesCum",
  "pnlUnrealized",
] as const;
const FILLS = [
  "barIndex",
  "ts",
  "side",
  "qty",
  "price",
  "fee",
  "slippage",
  "pnlRealized",
  "borrowCost",
  "reason",
] as const;
const TRIPS = [
  "direction",
  "entryBar",
  "exitBar",
  "entryTs",
  "exitTs",
  "qty",
  "entryPrice",
  "exitPrice",
  "pnl",
  "returnPct",
  "fees",
  "borrow",
  "exitReason",
] as const;

/** Copies of the candles and target with everything after bar k changed (ts only from k+2: ts[k+1] ends bar k). */
function changedAfter(candles: Candles, target: Float64Array, k: number, seed: number) {
  const rng = Rng.fromSeed(seed).derive(7);
  const c = {
    ts: candles.ts.slice(),
    open: candles.open.slice(),
    high: candles.high.slice(),
    low: candles.low.slice(),
    close: candles.close.slice(),
    volume: candles.volume.slice(),
  };
  const shift = (1 + rng.int(3)) * DAY;
  for (let i = k + 1; i < c.ts.length; i++) {
    for (const col of [c.open, c.high, c.low, c.close]) col[i] = col[i]! * (0.5 + rng.next());
    c.volume[i] = rng.int(100);
    if (i >= k + 2) c.ts[i] = c.ts[i]! + shift;
  }
  const t = target.slice();
  t.set(randomTarget(rng, t.length - k - 1), k + 1);
  return { candles: c, target: t };
}

function fillsUpTo(r: SimulationResult, k: number): number {
  let m = 0;
  while (m < r.fills.length && r.fills.barIndex[m]! <= k) m++;
  return m;
}

/** Without exits, and with every kind of exit on (each distance a fraction or an ATR multiple, at random). */
const MODES = [
  { mode: "without exits", exits: false },
  { mode: "with stop, target, trailing and time exits", exits: true },
];

describe.each(MODES)("simulate properties $mode", ({ exits }) => {
  /** The run's options for `candles`: the ATR columns of the exits are computed from the candles given. */
  const optionsFor = (seed: number, run: ReturnType<typeof randomRun>, candles: Candles) =>
    exits ? withExits(run.options, randomExits(seed), candles) : run.options;

  it.each(SEEDS)(
    "never looks ahead: data and targets after bar k leave everything at or before k bit-identical (seed %i)",
    (seed) => {
      const run = randomRun(seed);
      const k = Rng.fromSeed(seed)
        .derive(3)
        .int(run.target.length - 1);
      const changed = changedAfter(run.candles, run.target, k, seed);
      const a = simulate(run.candles, run.target, optionsFor(seed, run, run.candles));
      const b = simulate(changed.candles, changed.target, optionsFor(seed, run, changed.candles));
      const m = fillsUpTo(a, k);
      expect(fillsUpTo(b, k), "same number of fills up to bar k").toBe(m);
      for (const col of FILLS)
        expect(sameBits(a.fills[col].subarray(0, m), b.fills[col].subarray(0, m)), `fills.${col}`).toBe(true);
      for (const col of PORTFOLIO) {
        expect(
          sameBits(a.portfolio[col].subarray(0, k + 1), b.portfolio[col].subarray(0, k + 1)),
          `portfolio.${col}`,
        ).toBe(true);
      }
      expect(sameBits(a.drawdown.subarray(0, k + 1), b.drawdown.subarray(0, k + 1)), "drawdown").toBe(true);
      const closed = (r: SimulationResult) => Array.from(r.trades.exitBar).filter((x) => x <= k).length;
      const trips = closed(a);
      expect(closed(b), "same round trips closed by bar k").toBe(trips);
      for (const col of TRIPS)
        expect(
          sameBits(a.trades[col].subarray(0, trips), b.trades[col].subarray(0, trips)),
          `trades.${col}`,
        ).toBe(true);
    },
  );

  it.each(SEEDS)(
    "is deterministic: the same inputs give bit-identical outputs and are not mutated (seed %i)",
    (seed) => {
      const run = randomRun(seed);
      const before = [run.target.slice(), run.candles.open.slice(), run.candles.close.slice()];
      const a = simulate(run.candles, run.target, optionsFor(seed, run, run.candles));
      const b = simulate(run.candles, run.target, optionsFor(seed, run, run.candles));
      for (const col of FILLS) expect(sameBits(a.fills[col], b.fills[col]), `fills.${col}`).toBe(true);
      for (const col of PORTFOLIO)
        expect(sameBits(a.portfolio[col], b.portfolio[col]), `portfolio.${col}`).toBe(true);
      for (const col of TRIPS) expect(sameBits(a.trades[col], b.trades[col]), `trades.${col}`).toBe(true);
      expect(sameBits(a.drawdown, b.drawdown), "drawdown").toBe(true);
      expect([a.warnings, a.skippedEntries]).toEqual([b.warnings, b.skippedEntries]);
      expect(
        sameBits(before[0]!, run.target) &&
          sameBits(before[1]!, run.candles.open) &&
          sameBits(before[2]!, run.candles.close),
        "inputs untouched",
      ).toBe(true);
    },
  );

  it.each(SEEDS)(
    "keeps equity = cash in - fees - borrow + realized + unrealized at every bar (seed %i)",
    (seed) => {
      const run = randomRun(seed);
      // Half the runs end flat, so the round-trip checks at the end apply to them.
      if (seed % 2 === 0) run.target.fill(0, run.target.length - 3);
      const { ts, close } = run.candles;
      const r = simulate(run.candles, run.target, optionsFor(seed, run, run.candles));
      const rate = run.options.execution.borrow_bps / 1e4 / MS_PER_YEAR;
      let f = 0;
      let fees = 0;
      let realized = 0;
      let borrow = 0;
      for (let t = 0; t < ts.length; t++) {
        for (; f < r.fills.length && r.fills.barIndex[f]! <= t; f++) {
          fees += r.fills.fee[f]!;
          realized += r.fills.pnlRealized[f]!;
        }
        // Borrow recomputed naively: short value at the close x rate x (next open - this open, or one interval).
        const pos = r.portfolio.positionQty[t]!;
        if (pos < 0)
          borrow += -pos * close[t]! * rate * ((t + 1 < ts.length ? ts[t + 1]! : ts[t]! + DAY) - ts[t]!);
        const unrealized = r.portfolio.pnlUnrealized[t]!;
        const expected = run.options.initialCash - fees - borrow + realized + unrealized;
        const scale = run.options.initialCash + fees + borrow + Math.abs(realized) + Math.abs(unrealized);
        if (!(Math.abs(r.portfolio.equity[t]! - expected) <= 1e-9 * scale)) {
          expect.fail(`bar ${t}: equity ${r.portfolio.equity[t]} vs ${expected} from the ledger`);
        }
        if (!(Math.abs(r.portfolio.feesCum[t]! - fees) <= 1e-12 * scale)) {
          expect.fail(`bar ${t}: fees_cum ${r.portfolio.feesCum[t]} vs ${fees} summed from the fills`);
        }
      }
    },
  );
});

describe("simulate properties with exits", () => {
  it("exercises every exit reason across the seeds, so the properties above cover them", () => {
    const seen = new Set<number>();
    for (const seed of SEEDS) {
      const run = randomRun(seed);
      const r = simulate(run.candles, run.target, withExits(run.options, randomExits(seed), run.candles));
      for (const reason of r.fills.reason) seen.add(reason);
    }
    expect([...seen].sort(), "signal, stop_loss, take_profit, trailing_stop, time_exit").toEqual([
      0, 1, 2, 3, 4,
    ]);
  });
});
