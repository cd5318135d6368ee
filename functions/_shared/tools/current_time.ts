// current_time: the present instant (ctx.now, else the clock) in an IANA time zone.
import { runTool, ToolCallError, type ToolImpl } from "./types.ts";

export interface ZonedTime {
  /** The zone as asked for (V8 would canonicalize "Asia/Kolkata" to the older "Asia/Calcutta"). */
  timezone: string;
  /** The instant in UTC, ISO 8601. */
  iso: string;
  /** Wall-clock time in the zone: YYYY-MM-DDTHH:mm:ss. */
  local: string;
  /** The zone's offset from UTC at that instant: "+05:30", "-04:00", "+00:00". */
  utc_offset: string;
  weekday: string;
}

function formatterFor(timezone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      weekday: "long",
      timeZoneName: "longOffset",
    });
  } catch (err) {
    if (err instanceof RangeError) {
      throw new ToolCallError(
        "refused",
        `unknown time zone "${timezone}"; use an IANA name such as "Europe/Paris"`,
      );
    }
    throw err;
  }
}

export function zonedTime(instant: Date, timezone: string): ZonedTime {
  const formatter = formatterFor(timezone);
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  // longOffset is "GMT" at zero offset, else "GMT+05:30".
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : parts.timeZoneName.replace("GMT", "");
  return {
    timezone,
    iso: instant.toISOString(),
    local: `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`,
    utc_offset: offset,
    weekday: parts.weekday,
  };
}

export const currentTime: ToolImpl = {
  key: "current_time",
  run: (args, ctx) =>
    runTool(() => {
      const timezone = args.timezone ?? "UTC";
      if (typeof timezone !== "string" || timezone === "") {
        throw new ToolCallError("refused", "timezone must be a non-empty string");
      }
      return zonedTime(ctx.now?.() ?? new Date(), timezone);
    }),
};
