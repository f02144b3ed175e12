/**
 * @module data/providers/csv/csv-options
 * The csv provider's options (`provider_options` of a RunConfig), which say how to read a file whose times are
 * not plain UTC on the timeframe's grid. Every option changes which bars come out, so the parsed options are part
 * of the candle key.
 */
import { z } from "zod";
import { compileDateFormat } from "./date-format.js";
import { isTimeZone } from "./time-zone.js";

export const CsvOptionsSchema = z.strictObject({
  timezone: z
    .string()
    .refine(isTimeZone, { message: "expected an IANA time zone name such as America/New_York" })
    .default("UTC")
    .describe(
      "IANA time zone of times written without an offset (DST-aware); they are stored as UTC. Epoch numbers and times with an offset are instants already.",
    ),
  date_format: z
    .string()
    .min(1)
    .max(40)
    .superRefine((pattern, ctx) => {
      try {
        compileDateFormat(pattern);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message.replace(/^[^:]*: /, "") });
      }
    })
    .optional()
    .describe(
      "Pattern of the time column, e.g. yyyyMMdd, dd.MM.yyyy, MM/dd/yyyy HH:mm (fields yyyy MM dd HH mm ss); default: ISO dates, compact yyyyMMdd dates and epoch numbers.",
    ),
  time_column: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe(
      "Header name of the time column, when it is not one the studio recognizes (matched like other names).",
    ),
  align: z
    .enum(["grid", "session"])
    .default("grid")
    .describe(
      "grid: every bar opens on the timeframe's grid (UTC multiples of its interval). session: intraday bars only need to increase (e.g. NYSE hours bars at 09:30, 10:30, ...); gaps within and between sessions are reported.",
    ),
});

export type CsvOptions = z.output<typeof CsvOptionsSchema>;
