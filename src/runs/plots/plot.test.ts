import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_MARKED_FILLS, renderRunPlot, renderRunSvg } from "./plot.js";
import { PLOT_WIDTH, plotHeight } from "./plot-option.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

function run(n: number, step = HOUR) {
  const ts = Float64Array.from({ length: n }, (_, i) => T0 + i * step);
  const close = Float64Array.from(ts, (_, i) => 100 + 10 * Math.sin(i / 50));
  const equity = Float64Array.from(ts, (_, i) => 1000 * (1 + 0.0001 * i) + 20 * Math.cos(i / 30));
  const drawdown = new Float64Array(n);
  let peak = -Infinity;
  equity.forEach((e, i) => {
    peak = Math.max(peak, e);
    drawdown[i] = e / peak - 1;
  });
  return { ts, close, equity, drawdown };
}

function fillsAt(ts: Float64Array, close: Float64Array, count: number) {
  const idx = Array.from({ length: count }, (_, j) => Math.floor(((j + 0.5) * ts.length) / count));
  return {
    ts: Float64Array.from(idx, (i) => ts[i]!),
    side: Int8Array.from(idx, (_, j) => (j % 2 === 0 ? 1 : -1)),
    price: Float64Array.from(idx, (i) => close[i]!),
  };
}

/** Width and height from the IHDR chunk, which always follows the 8-byte signature at offset 16. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("renderRunPlot", () => {
  it("renders a PNG with price, equity and drawdown panels at the planned size", async () => {
    const r = run(2000);
    const png = await renderRunPlot({
      title: "TEST 1h sma_crossover",
      ...r,
      fills: fillsAt(r.ts, r.close, 20),
    });
    expect(Array.from(png.subarray(0, 8)), "PNG signature").toEqual(PNG_SIGNATURE);
    expect(String.fromCharCode(...png.subarray(12, 16)), "the first chunk is IHDR").toBe("IHDR");
    expect(pngSize(png)).toEqual({ width: PLOT_WIDTH, height: plotHeight(true) });
  });

  it("drops the price panel when no close is given", async () => {
    const { ts, equity, drawdown } = run(100);
    const png = await renderRunPlot({ title: "no price", ts, equity, drawdown });
    expect(pngSize(png), "equity and drawdown only").toEqual({
      width: PLOT_WIDTH,
      height: plotHeight(false),
    });
  });

  it("renders a single bar and an empty run without throwing", async () => {
    const one = run(1);
    expect(pngSize(await renderRunPlot({ title: "one bar", ...one })).width).toBe(PLOT_WIDTH);
    const none = run(0);
    expect(pngSize(await renderRunPlot({ title: "no bars", ...none })).width).toBe(PLOT_WIDTH);
  });

  it("draws degenerate series without throwing: denormal, zero, constant, tiny, huge, one bar, no fills", async () => {
    const n = 200;
    const { ts, close } = run(n);
    const constant = (v: number) => new Float64Array(n).fill(v);
    const cases: Record<string, Float64Array> = {
      // initial_cash 5e-324 once crashed echarts ("assert" on a zero tick span) and with it the process.
      denormal: constant(5e-324),
      denormalSteps: Float64Array.from(ts, (_, i) => 5e-324 * (i % 3)),
      zero: constant(0),
      constant: constant(7),
      tiny: Float64Array.from(ts, (_, i) => 1e-25 * (1 + i / n)),
      tinyConstant: constant(3e-40),
      huge: Float64Array.from(ts, (_, i) => 1e300 * (1 + i / n)),
      nearMax: constant(1.7e308),
      negative: Float64Array.from(ts, (_, i) => -i * 1e10),
    };
    const failures: string[] = [];
    const noFills = { ts: new Float64Array(0), side: new Int8Array(0), price: new Float64Array(0) };
    for (const [name, equity] of Object.entries(cases)) {
      for (const bars of [n, 1]) {
        const sub = (a: Float64Array) => a.subarray(0, bars);
        try {
          const svg = renderRunSvg({
            title: name,
            ts: sub(ts),
            equity: sub(equity),
            drawdown: sub(equity).map((v) => (v > 0 ? 0 : -1)),
            close: sub(name === "negative" ? close : equity.map(Math.abs)),
            fills: noFills,
          });
          if (!svg.includes(">Equity")) failures.push(`${name}/${bars}: no equity panel`);
        } catch (err) {
          failures.push(`${name}/${bars}: ${(err as Error).stack?.split("\n").slice(0, 2).join(" ")}`);
        }
      }
    }
    expect(failures, "every degenerate series renders").toEqual([]);
    const png = await renderRunPlot({
      title: "ruined",
      ts,
      equity: cases.denormal!,
      drawdown: new Float64Array(n),
    });
    expect(Array.from(png.subarray(0, 8)), "the denormal run still gets a PNG").toEqual(PNG_SIGNATURE);
  });

  it("labels a panel drawn in a power-of-ten unit", () => {
    const { ts, drawdown } = run(50);
    const svg = renderRunSvg({ title: "tiny", ts, equity: new Float64Array(50).fill(2.5e-25), drawdown });
    expect(svg, "the equity title names the unit").toContain("Equity (× 1e-25)");
  });

  it("marks fills and writes the title, subtitle and UTC dates", () => {
    const r = run(24 * 60, HOUR); // 60 days of hourly bars from 2024-01-01
    const svg = renderRunSvg({
      title: "BTCUSDT 1h",
      subtitle: "fast 10 / slow 50",
      ...r,
      fills: fillsAt(r.ts, r.close, 10),
    });
    expect(svg).toContain("BTCUSDT 1h");
    expect(svg).toContain("fast 10 / slow 50");
    expect(svg, "a legend names the buy marks").toContain(">Buy<");
    expect(svg, "the time axis names the months it crosses").toMatch(/>Feb</);
  });

  it("marks stop and target exits apart from the buys and sells of target changes", () => {
    const r = run(24 * 60, HOUR);
    // 10 fills: entries are signal buys, exits alternate stop_loss (1) and take_profit (2); no time exit.
    const fills = {
      ...fillsAt(r.ts, r.close, 10),
      reason: Int8Array.from([0, 1, 0, 2, 0, 1, 0, 2, 0, 1]),
    };
    const svg = renderRunSvg({ title: "exits", ...r, fills });
    expect(svg, "stop exits in the legend").toContain(">Stop<");
    expect(svg, "target exits in the legend").toContain(">Target<");
    expect(svg, "no time exit happened").not.toContain(">Time exit<");
  });

  it("leaves the marks out when there are too many fills to read", () => {
    const r = run(5000);
    const svg = renderRunSvg({ title: "busy", ...r, fills: fillsAt(r.ts, r.close, MAX_MARKED_FILLS + 1) });
    expect(svg, "no buy/sell legend without marks").not.toContain(">Buy<");
    expect(svg, "the price panel is still drawn").toContain(">Price<");
  });

  it("downsamples a million bars to a picture of ordinary size", () => {
    const r = run(1_000_000, 60_000);
    const svg = renderRunSvg({ title: "1M bars", ...r });
    expect(svg.length, "about 2 points per pixel column per series, not a million").toBeLessThan(600_000);
  });
});

describe("renderRunPlot in a fresh process", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "plot-exit-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lets the process exit, because the echarts instance is disposed", () => {
    const script = path.join(dir, "render.mts");
    const plot = pathToFileURL(path.resolve(import.meta.dirname, "plot.ts")).href;
    writeFileSync(
      script,
      `import { renderRunPlot } from ${JSON.stringify(plot)};\n` +
        "const ts = Float64Array.of(0, 3600000, 7200000);\n" +
        "const png = await renderRunPlot({ title: 't', ts, equity: Float64Array.of(1, 2, 1.5), drawdown: Float64Array.of(0, 0, -0.25) });\n" +
        "process.stdout.write(String(png.length));\n",
    );
    const child = spawnSync(process.execPath, ["--import", "tsx", script], {
      cwd: path.resolve(import.meta.dirname, "../../.."),
      // Only a hang reaches this; a slow, busy machine needs a few seconds to start tsx and load echarts.
      timeout: 60_000,
      encoding: "utf8",
    });
    expect(
      child.signal,
      `an undisposed chart keeps the process alive until killed; stderr: ${child.stderr}`,
    ).toBeNull();
    expect(child.status).toBe(0);
    expect(Number(child.stdout), "it rendered a PNG before exiting").toBeGreaterThan(1000);
  }, 90_000);
});
