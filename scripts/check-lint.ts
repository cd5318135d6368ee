// Runs `supabase db lint` (plpgsql_check) on the five schemas of the local database and fails on
// any finding that is not listed, with a reason, in supabase/lint-allowlist.json (one reviewed
// file, as the advisors check has). An allowlist entry that no longer matches a finding fails too.
import { z } from "zod";

const root = Deno.env.get("CL_ROOT") ?? new URL("..", import.meta.url).pathname;
const dbUrl = Deno.env.get("SUPABASE_DB_URL");
if (!dbUrl) throw new Error("SUPABASE_DB_URL is not set");
const schemas = "lensers,agents,lenses,ai,public";

const Allowlist = z.array(z.object({
  function: z.string().regex(/^[a-z_]+\.[a-z_0-9]+$/, "schema.function"),
  message: z.string().min(1),
  reason: z.string().min(20, "each allowlisted finding needs a real reason"),
}));
const Report = z.object({
  results: z.array(z.object({
    function: z.string(),
    issues: z.array(z.object({
      level: z.string(),
      message: z.string(),
      detail: z.string().optional(),
      context: z.string().optional(),
      statement: z.object({ lineNumber: z.string(), text: z.string() }).optional(),
    })),
  })).nullable(),
});

const allowlist = Allowlist.parse(
  JSON.parse(await Deno.readTextFile(`${root}/supabase/lint-allowlist.json`)),
);
// plpgsql_check lives in schema extensions, which hosted Supabase has on the search path.
const url = `${dbUrl}${
  dbUrl.includes("?") ? "&" : "?"
}sslmode=disable&options=-c%20search_path%3Dpublic%2Cextensions`;
const run = await new Deno.Command(`${root}/node_modules/.bin/supabase`, {
  args: [
    "db",
    "lint",
    `--remote=${url}`,
    "--yes",
    "--schema",
    schemas,
    "--level",
    "warning",
    "--output-format",
    "json",
  ],
  cwd: root,
  stdout: "piped",
  stderr: "piped",
}).output();
const stdout = new TextDecoder().decode(run.stdout).trim();
if (!stdout.startsWith("{")) {
  console.error(new TextDecoder().decode(run.stderr));
  Deno.exit(1);
}
const report = Report.parse(JSON.parse(stdout)).results ?? [];
const findings = report.flatMap((f) => f.issues.map((issue) => ({ function: f.function, ...issue })));
const allowed = (f: { function: string; message: string }) =>
  allowlist.some((entry) => entry.function === f.function && entry.message === f.message);
const offending = findings.filter((f) => !allowed(f));
const stale = allowlist.filter((entry) =>
  !findings.some((f) => f.function === entry.function && f.message === entry.message)
);

for (const f of offending) {
  const where = f.statement ? ` (line ${f.statement.lineNumber})` : "";
  console.error(`${f.level}: ${f.function}${where}: ${f.message}${f.detail ? `: ${f.detail}` : ""}`);
}
for (const entry of stale) {
  console.error(`allowlist entry no longer reported, remove it: ${entry.function}: ${entry.message}`);
}
console.log(`${findings.length} plpgsql_check findings, ${offending.length} not allowlisted`);
Deno.exit(offending.length === 0 && stale.length === 0 ? 0 : 1);
