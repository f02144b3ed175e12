/**
 * @module risk/types
 * The sizing contract: how many units to hold when a new target is entered. The engine calls it once per entry
 * (and once for the new side of a reversal, after the old side is closed) and rounds the result down to
 * `execution.lot_size` when one is set.
 */
import type { z } from "zod";
import type { PluginEntry } from "../core/catalog/registry.js";

export interface SizingContext {
  /** Equity marked at the fill price just before this entry (after closing any reversed position). */
  readonly equity: number;
  /** Fill price, slippage included. */
  readonly price: number;
  /** |target signal| (1 for a full position). */
  readonly exposure: number;
  /** commission_bps / 1e4. */
  readonly commissionRate: number;
  /** commission_per_share. */
  readonly commissionPerShare: number;
}

export interface RiskDef<S extends z.ZodType = z.ZodType> extends PluginEntry<S> {
  /** Unsigned, unrounded quantity to hold. */
  quantity(ctx: SizingContext, params: z.output<S>): number;
}
