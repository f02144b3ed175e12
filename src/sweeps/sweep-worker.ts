/**
 * @module sweeps/sweep-worker
 * A sweep worker thread: rebuilds the sweep's catalog and trial context once per sweep (cached by key), then
 * evaluates a batch of trials (or a share of the PBO splits, `pboPart`). A trial that fails (a plugin throwing on one combination) is answered as an
 * error for that trial alone; errors travel as data so their stable codes survive the thread boundary.
 */
import { ColumnWorkspace } from "../core/column-workspace.js";
import { toStudioError } from "../core/errors.js";
import type { RunConfig } from "../core/run-config.js";
import { workerCatalog } from "../runs/workers/worker-catalog.js";
import {
  type PboPart,
  pboPartFromSums,
} from "../validation/overfitting/probability-of-backtest-overfitting.js";
import { evaluateTrial, type TrialContext } from "./plan/evaluate-trial.js";
import type { PboTask, SweepTask, SweepTaskInit, SweepTaskResult, TrialAnswer } from "./sweep-task.js";

interface Prepared {
  readonly configs: RunConfig[];
  readonly ctx: TrialContext;
}

const cache = new Map<string, Prepared>();

async function prepare(init: SweepTaskInit): Promise<Prepared> {
  let prepared = cache.get(init.key);
  if (!prepared) {
    prepared = {
      configs: JSON.parse(init.configsJson) as RunConfig[],
      ctx: {
        catalog: await workerCatalog(init.plugins, init.home),
        candles: init.candles,
        features: new Map(init.features.map((c) => [c.name, c])),
        objective: init.objective,
        barsPerYear: init.barsPerYear,
        pboPartitions: init.pboPartitions,
        workspace: new ColumnWorkspace(),
      },
    };
    cache.clear();
    cache.set(init.key, prepared);
  }
  return prepared;
}

/** Evaluates positions [from, to) of `configs`; stops with `cancelled` once the flag is set. */
export function evaluateBatch(
  configs: readonly RunConfig[],
  ctx: TrialContext,
  from: number,
  to: number,
  cancelled: () => boolean,
): TrialAnswer[] | undefined {
  const answers: TrialAnswer[] = [];
  for (let i = from; i < to; i++) {
    if (cancelled()) return undefined;
    try {
      answers.push({ ok: evaluateTrial(configs[i]!, ctx) });
    } catch (err) {
      const e = toStudioError(err);
      answers.push({ error: { code: e.code, message: e.message } });
    }
  }
  return answers;
}

export default async function run(task: SweepTask): Promise<SweepTaskResult> {
  const control = task.init.control;
  const cancelled = () => Atomics.load(control, 0) === 1;
  if (cancelled()) return { cancelled: true };
  try {
    const p = await prepare(task.init);
    const answers = evaluateBatch(p.configs, p.ctx, task.from, task.to, cancelled);
    return answers === undefined ? { cancelled: true } : { answers };
  } catch (err) {
    const e = toStudioError(err);
    return { error: { code: e.code, message: e.message } };
  }
}

/** A share of the sweep's PBO splits (see TrialThreads.pbo). */
export function pboPart(task: PboTask): PboPart {
  return pboPartFromSums(task.sums, task.options, task.part, task.parts);
}
