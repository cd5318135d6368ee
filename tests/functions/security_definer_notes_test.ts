// Every SECURITY DEFINER RPC (schema public) that anon or authenticated may call says why it needs to be one,
// in its schema file: a `-- [security definer: <why>]` line among the comment lines just above its
// `create or replace function`. Not in its COMMENT: PostgREST publishes that as the RPC's
// description in the OpenAPI document (tests/e2e/openapi_test.ts checks that no description says
// "security definer"). The functions are found from the catalog, so a new one without a note fails
// here; and a note above a function that is not SECURITY DEFINER (a stale one) fails too.
import { assert, assertEquals } from "../_support/assert.ts";
import { db, stack } from "../_support/stack.ts";

const SCHEMAS = ["public", "lensers", "agents", "lenses", "ai"];
const NOTE = /^-- \[security definer: \S.*\]$/;

/** The `--` lines right above the function's create statement in its own schema file. */
function notesAbove(schema: string, name: string): { file: string; notes: string[]; found: boolean } {
  const file = `supabase/schemas/${schema}/functions/${name}.sql`;
  let text: string;
  try {
    text = Deno.readTextFileSync(`${stack.root}/${file}`);
  } catch {
    return { file, notes: [], found: false };
  }
  const lines = text.split("\n");
  const create = lines.findIndex((l) => l.startsWith(`create or replace function ${schema}.${name}(`));
  if (create < 0) return { file, notes: [], found: false };
  const above: string[] = [];
  for (let i = create - 1; i >= 0 && lines[i].startsWith("--"); i--) above.unshift(lines[i]);
  return { file, notes: above.filter((l) => l.startsWith("-- [security definer")), found: true };
}

Deno.test("every SECURITY DEFINER RPC anon or authenticated may call has a -- [security definer: why] line", async () => {
  const sql = db();
  try {
    const fns = await sql<{ schema: string; name: string; signature: string }[]>`
      select n.nspname as schema, p.proname as name, p.oid::regprocedure::text as signature
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prosecdef
        and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
        and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
      order by 1, 2`;
    assert(fns.length >= 19, `the catalog lists ${fns.length} such functions`);
    const problems: string[] = [];
    for (const fn of fns) {
      const { file, notes, found } = notesAbove(fn.schema, fn.name);
      if (!found) problems.push(`${fn.signature}: no create statement in ${file}`);
      else if (notes.length !== 1 || !NOTE.test(notes[0])) {
        problems.push(
          `${fn.signature}: ${file} needs one "-- [security definer: why]" line above it, has ${
            JSON.stringify(notes)
          }`,
        );
      }
    }
    assertEquals(problems, []);
  } finally {
    await sql.end();
  }
});

Deno.test("a -- [security definer: ...] note sits only above a SECURITY DEFINER function", async () => {
  const sql = db();
  try {
    const definers = new Set(
      (await sql<{ fn: string }[]>`
        select n.nspname || '.' || p.proname as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any (${SCHEMAS}::text[]) and p.prosecdef`).map((r) => r.fn),
    );
    const stale: string[] = [];
    let notes = 0;
    for (const schema of SCHEMAS) {
      const dir = `${stack.root}/supabase/schemas/${schema}/functions`;
      for (const entry of Deno.readDirSync(dir)) {
        if (!entry.name.endsWith(".sql")) continue;
        const name = entry.name.slice(0, -4);
        const { notes: found } = notesAbove(schema, name);
        const text = Deno.readTextFileSync(`${dir}/${entry.name}`);
        const anywhere = text.split("\n").filter((l) => l.startsWith("-- [security definer")).length;
        notes += anywhere;
        if (anywhere !== found.length) {
          stale.push(`${schema}/functions/${entry.name}: a note not right above the function`);
        }
        if (anywhere > 0 && !definers.has(`${schema}.${name}`)) {
          stale.push(
            `${schema}/functions/${entry.name}: a note above a function that is not SECURITY DEFINER`,
          );
        }
      }
    }
    assert(notes >= 19, `${notes} notes`);
    assertEquals(stale, []);
  } finally {
    await sql.end();
  }
});
