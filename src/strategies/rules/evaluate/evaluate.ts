/**
 * @module strategies/rules/evaluate/evaluate
 * Runs a compiled `Program` block by block (vectorized, cache-blocked evaluation): every step runs over one block
 * of bars before any step sees the next block, so a step's result is still in L1/L2 when the next step reads it,
 * and the position state machine consumes each block of conditions as soon as it is produced. Input columns are
 * read in place, never written; step results live in block-sized registers (`block-plan`); the functions that look
 * back carry what they need from one block to the next (`window-ops`), so the result is exactly that of one pass
 * over whole columns, whatever the block size. A series shorter than a block is one block.
 */
import { StudioError } from "../../../core/errors.js";
import { type Program, RULE_KEYS, type RuleKey } from "../compile/program.js";
import { type BlockPlan, blockPlan } from "./block-plan.js";
import { runStep, stepCarry } from "./block-step.js";
import { type Column, Scratch } from "./scratch.js";
import { positionCarry, positionTargets, type TargetReport } from "./targets.js";

/**
 * Bars per block: the inputs' block and the registers of a typical rule (a few Float64Array and Uint8Array blocks)
 * stay within L2, and the per-block work (views, kernel calls) is spread over enough bars. Measured with bench
 * case rules_signal_1m: 2048 and 4096 were slower, 16384 to 32768 the best.
 */
export const BLOCK_BARS = 16_384;

/**
 * The first block of a series is short, so every kernel runs once from start to end before V8 optimizes its loop
 * in the middle of a long block: code it had not seen run (after the loop, say) would make that optimized code,
 * which V8 reuses from call to call, deoptimize on every block.
 */
const FIRST_BLOCK_BARS = 256;

/** The scratch `evaluate` uses between calls (one per thread: workers load their own copy of this module). */
const shared = new Scratch();

export function evaluate(
  program: Program,
  inputs: Readonly<Record<string, Float64Array>>,
  out: Float64Array,
  scratch: Scratch = shared,
  blockBars: number = BLOCK_BARS,
): TargetReport {
  const plan = blockPlan(program);
  const none = scratch.zeros(blockBars);
  const carry = positionCarry();
  const { long_entry, long_exit, short_entry, short_exit } = plan.conditions;
  runBlocks(plan, inputs, out.length, scratch, blockBars, (from, length, registers) => {
    const at = (r: number | null) => (r === null ? null : (registers[r] as Uint8Array));
    const block = out.subarray(from, from + length);
    positionTargets(
      at(long_entry) ?? none,
      at(long_exit) ?? none,
      at(short_entry),
      at(short_exit),
      block,
      none,
      carry,
    );
  });
  return { bothEntries: carry.bothEntries, firstBothEntries: carry.firstBothEntries };
}

/** Each rule's condition over `n` bars (1 = true) in fresh columns; an empty rule is all 0. */
export function evaluateConditions(
  program: Program,
  inputs: Readonly<Record<string, Float64Array>>,
  n: number,
  blockBars: number = BLOCK_BARS,
): Record<RuleKey, Uint8Array> {
  const plan = blockPlan(program);
  const conditions = Object.fromEntries(RULE_KEYS.map((rule) => [rule, new Uint8Array(n)])) as Record<
    RuleKey,
    Uint8Array
  >;
  runBlocks(plan, inputs, n, new Scratch(), blockBars, (from, _length, registers) => {
    for (const rule of RULE_KEYS) {
      const r = plan.conditions[rule];
      if (r !== null) conditions[rule].set(registers[r]!, from);
    }
  });
  return conditions;
}

/**
 * Runs every step over each block of `n` bars in turn and hands the block's registers (views of the block's
 * length) to `consume` with the block's first bar and length. Registers go back to the scratch at the end.
 */
function runBlocks(
  plan: BlockPlan,
  inputs: Readonly<Record<string, Float64Array>>,
  n: number,
  scratch: Scratch,
  blockBars: number,
  consume: (from: number, length: number, registers: readonly Column[]) => void,
): void {
  if (!Number.isSafeInteger(blockBars) || blockBars < 1) {
    throw new StudioError("INTERNAL", `rules: block size must be a whole number >= 1, not ${blockBars}`);
  }
  const columns = plan.inputs.map((key) => {
    const column = Object.hasOwn(inputs, key) ? inputs[key] : undefined;
    if (column === undefined || column.length !== n) {
      throw new StudioError(
        "INTERNAL",
        `rules: input ${JSON.stringify(key)} is ${column === undefined ? "missing" : `${column.length} bars long, not ${n}`}`,
      );
    }
    return column;
  });
  const registers = plan.registers.map((type) => scratch.take(type, blockBars));
  for (const { register, value } of plan.constants) registers[register]!.fill(value);
  const carries = plan.steps.map((s) => stepCarry(s, plan.registers[s.out]!, n));
  try {
    for (let from = 0, length = 0; from < n; from += length) {
      length = Math.min(from === 0 ? FIRST_BLOCK_BARS : blockBars, blockBars, n - from);
      const views = length === blockBars ? registers : registers.map((r) => r.subarray(0, length));
      const block = columns.map((c) => c.subarray(from, from + length));
      for (let i = 0; i < plan.steps.length; i++) runStep(plan.steps[i]!, block, views, carries[i]!);
      consume(from, length, views);
    }
  } finally {
    plan.registers.forEach((type, i) => {
      scratch.give(type, registers[i]!);
    });
  }
}
