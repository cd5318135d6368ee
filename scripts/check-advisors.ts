// Runs `supabase db advisors` against the local database and fails on any lint above INFO that is
// not listed, with a reason, in supabase/advisors-allowlist.json (the one reviewed allowlist).
import { z } from "zod";

const root = Deno.env.get("CL_ROOT") ?? new URL("..", import.meta.url).pathname;
const dbUrl = Deno.env.get("SUPABASE_DB_URL");
if (!dbUrl) throw new Error("SUPABASE_DB_URL is not set");

const Allowlist = z.array(z.object({
  name: z.string().min(1),
  cacheKey: z.string().min(1),
  reason: z.string().min(20, "each allowlisted lint needs a real reason"),
}));
const Report = z.object({
  results: z.array(z.object({ name: z.string(), level: z.string(), detail: z.string(), cacheKey: z.string() })),
});

const allowlist = Allowlist.parse(JSON.parse(await Deno.readTextFile(`${root}/supabase/advisors-allowlist.json`)));
const run = await new Deno.Command(`${root}/node_modules/.bin/supabase`, {
  args: ["db", "advisors", `--remote=${dbUrl}${dbUrl.includes("?") ? "&" : "?"}sslmode=disable`, "--yes", "--output-format", "json"],
  cwd: root,
  stdout: "piped",
  stderr: "piped",
}).output();
if (!run.success) {
  console.error(new TextDecoder().decode(run.stderr));
  Deno.exit(1);
}
const report = Report.parse(JSON.parse(new TextDecoder().decode(run.stdout)));
const above = report.results.filter((lint) => lint.level !== "INFO");
const allowed = new Set(allowlist.map((entry) => entry.cacheKey));
const offending = above.filter((lint) => !allowed.has(lint.cacheKey));
const stale = allowlist.filter((entry) => !report.results.some((lint) => lint.cacheKey === entry.cacheKey));

for (const lint of report.results.filter((lint) => lint.level === "INFO")) console.log(`info: ${lint.name}: ${lint.detail}`);
for (const lint of offending) console.error(`${lint.level}: ${lint.name}: ${lint.detail}`);
for (const entry of stale) console.error(`allowlist entry no longer reported, remove it: ${entry.cacheKey}`);
console.log(`${report.results.length} lints reported, ${above.length} above INFO, ${offending.length} not allowlisted`);
Deno.exit(offending.length === 0 && stale.length === 0 ? 0 : 1);
