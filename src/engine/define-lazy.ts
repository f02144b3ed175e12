/**
 * @module engine/define-lazy
 * Output columns that only some consumers read (portfolio cash and P&L columns, drawdown) are computed on first
 * access instead of in the bar loop: at a million bars every fresh column costs milliseconds of page faults and
 * memory traffic, which the equity curve's readers (metrics, validation loops) should not pay. The property is
 * an own enumerable getter that computes once, so spreading, JSON and structuredClone see a plain value.
 */

/** Adds each of `getters` to `target` as a memoized, enumerable, read-only property. */
export function defineLazy<T extends object, G extends Record<string, () => unknown>>(
  target: T,
  getters: G,
): T & { readonly [K in keyof G]: ReturnType<G[K]> } {
  for (const [name, compute] of Object.entries(getters)) {
    let value: unknown;
    let done = false;
    Object.defineProperty(target, name, {
      enumerable: true,
      get: (): unknown => {
        if (!done) {
          value = compute();
          done = true;
        }
        return value;
      },
    });
  }
  return target as T & { readonly [K in keyof G]: ReturnType<G[K]> };
}
