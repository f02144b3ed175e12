/**
 * @module data/providers/csv/time-zone
 * Wall-clock times of an IANA time zone to UTC and back, from the offsets `Intl.DateTimeFormat` reports (the
 * platform's tz database; no library). A local day's offset is looked up once: the offsets just before and just
 * after the day are compared, and when they agree (every day but the two transition days of a DST zone) every
 * time of that day converts with one subtraction. On a transition day each time is tried with both offsets:
 * a time the clocks skipped (02:30 on a spring-forward day in New York) does not exist, and a time they repeated
 * (01:30 on a fall-back day) exists twice; the earlier instant is taken, or the later one when the earlier would
 * not follow the previous row, so a sorted hourly file crosses the repeated hour in order.
 */
import { quote, StudioError } from "../../../core/errors.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Whether the platform knows the zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export class ZoneConverter {
  readonly zone: string;
  private readonly fmt: Intl.DateTimeFormat;
  private day = Number.NaN;
  /** The offset of the memoized day when uniform, else NaN (a transition day). */
  private dayOffset = Number.NaN;
  private before = 0;
  private after = 0;

  constructor(zone: string) {
    if (!isTimeZone(zone)) {
      throw new StudioError("CONFIG_INVALID", `timezone: ${quote(zone)} is not an IANA time zone name`, {
        issues: [{ path: "provider_options.timezone", message: "not an IANA time zone", value: zone }],
      });
    }
    this.zone = zone;
    this.fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
  }

  /** Offset east of UTC in ms at the instant `utc`. */
  offsetAt(utc: number): number {
    const p: Record<string, string> = {};
    for (const part of this.fmt.formatToParts(utc)) p[part.type] = part.value;
    const year = p.era === "BC" || p.era === "B" ? 1 - Number(p.year) : Number(p.year);
    const d = new Date(0);
    // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
    d.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
    d.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0);
    const whole = Math.floor(utc / 1000) * 1000;
    return d.getTime() - whole;
  }

  /**
   * The UTC instant of wall-clock time `wall` (epoch ms of that clock read as UTC) in the zone. `prev` is the
   * previous row's instant (for the repeated hour). NaN when the time does not exist in the zone.
   */
  toUtc(wall: number, prev = Number.NEGATIVE_INFINITY): number {
    const day = Math.floor(wall / DAY);
    if (day !== this.day) this.learnDay(day);
    if (!Number.isNaN(this.dayOffset)) return wall - this.dayOffset;
    const a = wall - this.before;
    const b = wall - this.after;
    const aOk = this.offsetAt(a) === this.before;
    const bOk = this.offsetAt(b) === this.after;
    if (aOk && bOk) {
      const [early, late] = a < b ? [a, b] : [b, a];
      return early > prev ? early : late;
    }
    if (aOk) return a;
    if (bOk) return b;
    return Number.NaN;
  }

  /** The instant's wall-clock time in the zone, as epoch ms of that clock read as UTC. */
  toWall(utc: number): number {
    return utc + this.offsetAt(utc);
  }

  private learnDay(day: number): void {
    this.day = day;
    // Offsets lie within [-12h, +14h]: these instants are before and after every time of the local day.
    this.before = this.offsetAt(day * DAY - 14 * HOUR);
    this.after = this.offsetAt((day + 1) * DAY + 12 * HOUR);
    this.dayOffset = this.before === this.after ? this.before : Number.NaN;
  }
}
