// current_time: a fixed instant (ctx.now) rendered in several zones, DST included.
import { builtInTools } from "../../../functions/_shared/tools/index.ts";
import { assertEquals } from "../../_support/assert.ts";
import { assertFailure, assertOk, context } from "./_support.ts";

const at = (iso: string) => context({ now: () => new Date(iso) });
const currentTime = builtInTools.current_time;

Deno.test("current_time: UTC by default", async () => {
  assertEquals(assertOk(await currentTime.run({}, at("2025-01-15T09:30:05Z"))), {
    timezone: "UTC",
    iso: "2025-01-15T09:30:05.000Z",
    local: "2025-01-15T09:30:05",
    utc_offset: "+00:00",
    weekday: "Wednesday",
  });
});

Deno.test("current_time: a half-hour zone, and a zone on both sides of its DST change", async () => {
  assertEquals(assertOk(await currentTime.run({ timezone: "Asia/Kolkata" }, at("2025-01-15T20:00:00Z"))), {
    timezone: "Asia/Kolkata",
    iso: "2025-01-15T20:00:00.000Z",
    local: "2025-01-16T01:30:00",
    utc_offset: "+05:30",
    weekday: "Thursday",
  });
  const winter = assertOk(
    await currentTime.run({ timezone: "America/New_York" }, at("2025-03-09T06:59:59Z")),
  );
  const summer = assertOk(
    await currentTime.run({ timezone: "America/New_York" }, at("2025-03-09T07:00:00Z")),
  );
  assertEquals(winter, {
    timezone: "America/New_York",
    iso: "2025-03-09T06:59:59.000Z",
    local: "2025-03-09T01:59:59",
    utc_offset: "-05:00",
    weekday: "Sunday",
  });
  assertEquals(summer, {
    timezone: "America/New_York",
    iso: "2025-03-09T07:00:00.000Z",
    local: "2025-03-09T03:00:00",
    utc_offset: "-04:00",
    weekday: "Sunday",
  });
});

Deno.test("current_time: an unknown zone is refused", async () => {
  assertFailure(
    await currentTime.run({ timezone: "Mars/Olympus_Mons" }, at("2025-01-15T09:30:05Z")),
    "refused",
    /unknown time zone "Mars\/Olympus_Mons"/,
  );
});
