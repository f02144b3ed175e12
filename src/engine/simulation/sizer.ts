/**
 * @module engine/simulation/sizer
 * The sizing model bound to a run's execution settings: asks the risk model for a quantity and rounds it down
 * to `lot_size`. One context object is reused for every call, so sizing allocates nothing per entry.
 */
import type { ExecutionConfig } from "../../core/run-config.js";
import { roundToLot } from "../../execution/round-to-lot.js";
import type { RiskDef, SizingContext } from "../../risk/types.js";

export class Sizer {
  private readonly lotSize: number;
  private readonly ctx: { -readonly [K in keyof SizingContext]: SizingContext[K] };

  constructor(
    private readonly def: RiskDef,
    private readonly params: unknown,
    execution: ExecutionConfig,
  ) {
    this.lotSize = execution.lot_size;
    this.ctx = {
      equity: 0,
      price: 0,
      exposure: 0,
      commissionRate: execution.commission_bps / 1e4,
      commissionPerShare: execution.commission_per_share,
    };
  }

  /** Unsigned units to hold, rounded down to the lot size; 0 means "cannot enter". */
  quantity(equity: number, price: number, exposure: number): number {
    this.ctx.equity = equity;
    this.ctx.price = price;
    this.ctx.exposure = exposure;
    return roundToLot(this.def.quantity(this.ctx, this.params as never), this.lotSize);
  }
}
