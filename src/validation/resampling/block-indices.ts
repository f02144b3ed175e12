/**
 * @module validation/resampling/block-indices
 * Index arithmetic of the two block bootstraps. Resampling blocks of consecutive bars (instead of single bars)
 * keeps the serial dependence of strategy returns that an iid bootstrap would destroy. Both write exactly
 * `out.length` = T indices and take their draws from an injected source, so tests can script them.
 * @see Politis & Romano (1992) circular block bootstrap; Politis & Romano (1994), "The Stationary Bootstrap",
 * JASA 89:1303-1313; bashtage/arch `CircularBlockBootstrap` / `StationaryBootstrap`.
 */
import type { UniformSource } from "./uniform.js";

/**
 * Circular block bootstrap: ceil(T / b) blocks, each starting at j ~ U{0..T-1} and running j, j+1, ..., j+b-1
 * mod T (wrap-around, so every bar is equally likely); the concatenation is truncated to T indices.
 * Draws: one `int(T)` per block.
 */
export function circularBlockIndices(blockSize: number, src: UniformSource, out: Int32Array): void {
  const t = out.length;
  let k = 0;
  while (k < t) {
    let j = src.int(t);
    for (let b = 0; b < blockSize && k < t; b++) {
      out[k++] = j;
      j = j + 1 === t ? 0 : j + 1;
    }
  }
}

/**
 * Stationary bootstrap with expected block length b (p = 1/b, b need not be an integer): idx_0 ~ U{0..T-1}; for
 * t >= 1 a new block starts when u_t < p (then idx_t ~ U{0..T-1}), otherwise idx_t = idx_{t-1} + 1 mod T.
 * Draws: `int(T)` first, then per t one `next()` and, when a block starts, one `int(T)`.
 */
export function stationaryBlockIndices(expectedBlock: number, src: UniformSource, out: Int32Array): void {
  const t = out.length;
  if (t === 0) return;
  const p = 1 / expectedBlock;
  let idx = src.int(t);
  out[0] = idx;
  for (let k = 1; k < t; k++) {
    idx = src.next() < p ? src.int(t) : idx + 1 === t ? 0 : idx + 1;
    out[k] = idx;
  }
}
