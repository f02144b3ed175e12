/**
 * @module web/report/when-visible
 * Draws a chart when its box first comes near the viewport, and otherwise in turn once the page is idle: the
 * charts a reader sees first paint without waiting for the ones below the fold (each echarts chart costs tens of
 * milliseconds to build on a million-bar report), and every chart is still drawn within a moment, for printing,
 * full-page screenshots and a reader who jumps to a section through the nav.
 */

type Draw = () => void;

const pending = new Map<Element, Draw>();
let observer: IntersectionObserver | undefined;
let idleScheduled = false;

function run(el: Element): void {
  const draw = pending.get(el);
  if (!draw) return;
  pending.delete(el);
  observer?.unobserve(el);
  draw();
}

/** One waiting chart per idle period (a timeout where requestIdleCallback is missing), in document order. */
function scheduleIdle(): void {
  if (idleScheduled || pending.size === 0) return;
  idleScheduled = true;
  const next = () => {
    idleScheduled = false;
    const first = pending.keys().next();
    if (!first.done) run(first.value);
    scheduleIdle();
  };
  if (typeof requestIdleCallback === "function") requestIdleCallback(next, { timeout: 500 });
  else setTimeout(next, 16);
}

/** Calls `draw` once: when `el` comes within a quarter screen of the viewport, or when the idle queue reaches it. */
export function whenVisible(el: HTMLElement, draw: Draw): void {
  if (typeof IntersectionObserver !== "function") {
    draw();
    return;
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) if (e.isIntersecting) run(e.target);
    },
    { rootMargin: "25% 0px" },
  );
  pending.set(el, draw);
  observer.observe(el);
  scheduleIdle();
}

/** Draws every chart still waiting (before printing). */
export function drawAllPending(): void {
  for (const el of [...pending.keys()]) run(el);
}
