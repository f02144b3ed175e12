import { it } from "vitest";
import { Rng } from "../core/rng.js";
import { copyCandles, createPermutationWork, permuteInto, preparePermutation } from "./permute-bars.js";
import { randomCandles } from "./test-support/random-candles.js";
import { shuffleIdentity } from "./uniform.js";

it("bench", () => {
  const c = randomCandles(10000, 1);
  const base = preparePermutation(c, 50);
  const out = copyCandles(c);
  const work = createPermutationWork(base);
  const root = Rng.fromSeed(1);
  for (let rep = 0; rep < 3; rep++) {
    let t0 = performance.now();
    for (let i = 0; i < 2000; i++) {
      const r = root.derive(i);
      shuffleIdentity(r, work.intrabar);
      shuffleIdentity(r, work.gaps);
    }
    console.log("ms two shuffles", (performance.now() - t0) / 2000);
    t0 = performance.now();
    for (let i = 0; i < 2000; i++) permuteInto(base, root.derive(i), out, work);
    console.log("ms per permutation", (performance.now() - t0) / 2000);
  }
});
