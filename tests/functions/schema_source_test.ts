// supabase/schemas/ is the one place to read the schema: every function, table, view, type, policy,
// trigger, index and constraint of the five schemas that exists in the database (built from the
// migrations) is defined in exactly one schema file, functions each in their own file. The objects
// are found from the catalog, so a new one without a schema file fails here.
import { assert, assertEquals } from "../_support/assert.ts";
import { db, stack } from "../_support/stack.ts";

const SCHEMAS = ["lensers", "agents", "lenses", "ai", "public"];
const schemasDir = `${stack.root}/supabase/schemas`;

function walk(dir: string): string[] {
  const found: string[] = [];
  for (const entry of Deno.readDirSync(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) found.push(...walk(path));
    else if (entry.name.endsWith(".sql")) found.push(path);
  }
  return found.sort();
}

const files = walk(schemasDir).map((path) => ({
  path: path.slice(schemasDir.length + 1),
  text: Deno.readTextFileSync(path),
}));

/** The schema files whose text matches, by relative path. */
function filesMatching(pattern: RegExp): string[] {
  return files.filter((f) => pattern.test(f.text)).map((f) => f.path);
}
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const ident = (s: string) => `"?${esc(s)}"?`;

type Missing = { object: string; files: string[] };
function report(kind: string, problems: Missing[]) {
  assertEquals(
    problems.map((p) =>
      `${p.object}: ${p.files.length === 0 ? "in no schema file" : `in ${p.files.join(", ")}`}`
    ),
    [],
    `every ${kind} is defined in exactly one file under supabase/schemas/`,
  );
}

Deno.test("every function of the five schemas is defined in exactly one file, its own", async () => {
  const sql = db();
  try {
    const fns = await sql<{ schema: string; name: string }[]>`
      select n.nspname as schema, p.proname as name
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any(string_to_array(${SCHEMAS.join(",")}, ','))
        and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
      order by 1, 2`;
    assert(fns.length > 200, `the catalog lists ${fns.length} functions`);
    const problems: Missing[] = [];
    for (const fn of fns) {
      // what `grep -l "function <schema>.<name>("` finds
      const found = files.filter((f) => f.text.includes(`function ${fn.schema}.${fn.name}(`)).map((f) =>
        f.path
      );
      const own = `${fn.schema}/functions/${fn.name}.sql`;
      if (found.length !== 1 || found[0] !== own) {
        problems.push({ object: `function ${fn.schema}.${fn.name}`, files: found });
      }
    }
    report("function", problems);
  } finally {
    await sql.end();
  }
});

Deno.test("every table, view and type is defined in exactly one file, its own", async () => {
  const sql = db();
  try {
    const rels = await sql<{ schema: string; name: string; kind: string }[]>`
      select n.nspname as schema, c.relname as name,
             case c.relkind when 'r' then 'table' when 'p' then 'table' when 'v' then 'view' when 'm' then 'view'
                            when 'c' then 'type' else c.relkind::text end as kind
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any(string_to_array(${SCHEMAS.join(",")}, ',')) and c.relkind in ('r', 'p', 'v', 'm', 'c')
      union all
      select n.nspname, t.typname, 'type'
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = any(string_to_array(${SCHEMAS.join(",")}, ',')) and t.typtype in ('e', 'd', 'r')
      order by 1, 2`;
    assert(rels.length > 70, `the catalog lists ${rels.length} tables, views and types`);
    const problems: Missing[] = [];
    for (const r of rels) {
      const name = `${ident(r.schema)}\\.${ident(r.name)}`;
      const pattern = r.kind === "table"
        ? new RegExp(`^create table (if not exists )?${name} \\(`, "m")
        : r.kind === "view"
        ? new RegExp(`^create (or replace )?(materialized )?view ${name}\\b`, "m")
        : new RegExp(`^create (type|domain) ${name} as\\b`, "m");
      const found = filesMatching(pattern);
      const own = `${r.schema}/${r.kind}s/${r.name}.sql`;
      if (found.length !== 1 || found[0] !== own) {
        problems.push({ object: `${r.kind} ${r.schema}.${r.name}`, files: found });
      }
    }
    report("table, view and type", problems);
  } finally {
    await sql.end();
  }
});

Deno.test("every policy, trigger, index and constraint is defined in exactly one schema file", async () => {
  const sql = db();
  try {
    const objects = await sql<{ kind: string; name: string; tbl: string }[]>`
      select 'policy' as kind, p.polname as name, p.polrelid::regclass::text as tbl
      from pg_policy p join pg_class c on c.oid = p.polrelid
      where c.relnamespace::regnamespace::text = any(string_to_array(${SCHEMAS.join(",")}, ','))
      union all
      select 'trigger', t.tgname, t.tgrelid::regclass::text
      from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal
        and (c.relnamespace::regnamespace::text = any(string_to_array(${SCHEMAS.join(",")}, ','))
             or exists (select 1 from pg_proc f where f.oid = t.tgfoid and f.pronamespace::regnamespace::text = any(string_to_array(${SCHEMAS.join(",")}, ','))))
      union all
      select 'index', i.relname, x.indrelid::regclass::text
      from pg_index x join pg_class i on i.oid = x.indexrelid
      where i.relnamespace::regnamespace::text = any(string_to_array(${SCHEMAS.join(",")}, ','))
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid)
      union all
      select 'constraint', k.conname, k.conrelid::regclass::text
      from pg_constraint k join pg_class c on c.oid = k.conrelid
      where c.relnamespace::regnamespace::text = any(string_to_array(${SCHEMAS.join(",")}, ',')) and k.contype <> 't'
      order by 1, 3, 2`;
    assert(
      objects.length > 400,
      `the catalog lists ${objects.length} policies, triggers, indexes and constraints`,
    );
    const problems: Missing[] = [];
    for (const o of objects) {
      const pattern = o.kind === "policy"
        ? new RegExp(`^create policy ${ident(o.name)} on ${esc(o.tbl)}\\b`, "m")
        : o.kind === "trigger"
        ? new RegExp(`^create (constraint )?trigger ${ident(o.name)} .* on ${esc(o.tbl)} `, "m")
        : o.kind === "index"
        ? new RegExp(`^create (unique )?index ${ident(o.name)} on `, "m")
        : new RegExp(`^\\s*(alter table \\S+ add )?constraint ${ident(o.name)} `, "m");
      const found = filesMatching(pattern);
      // constraint names are unique per table, not per schema: count only files about that table
      const relevant = o.kind === "constraint" ? found.filter((f) => fileMentions(f, o.tbl)) : found;
      if (relevant.length !== 1) {
        problems.push({ object: `${o.kind} ${o.name} on ${o.tbl}`, files: relevant });
      }
    }
    report("policy, trigger, index and constraint", problems);
  } finally {
    await sql.end();
  }
});

function fileMentions(path: string, table: string): boolean {
  const text = files.find((f) => f.path === path)!.text;
  return new RegExp(`^(create table|alter table) ${esc(table)} `, "m").test(text);
}

Deno.test("no function is defined in more than one schema file", () => {
  const seen = new Map<string, string[]>();
  for (const f of files) {
    for (const m of f.text.matchAll(/^create (?:or replace )?function ([a-z_]+\.[a-z_0-9]+)\(/gm)) {
      seen.set(m[1], [...(seen.get(m[1]) ?? []), f.path]);
    }
  }
  assert(seen.size > 200, `the schema files define ${seen.size} functions`);
  assertEquals(
    [...seen].filter(([, where]) => where.length > 1).map(([fn, where]) => `${fn}: ${where.join(", ")}`),
    [],
  );
});

Deno.test("schema files hold definitions only: data and cron jobs belong in hand-written migrations", () => {
  const data =
    /^\s*(insert\s+into|update\s+[a-z_.]+\s+set|delete\s+from|copy\s|select\s+cron\.|perform\s+cron\.)/im;
  // function bodies may write rows; only statements at the top level of a file are data
  const offending = files.filter((f) => !f.path.includes("/functions/") && data.test(f.text)).map((f) =>
    f.path
  );
  assertEquals(offending, []);
});

Deno.test("config.toml schema_paths lists every schema file exactly once", async () => {
  const run = await new Deno.Command(`${stack.root}/node_modules/.bin/deno`, {
    args: [
      "run",
      "--allow-read",
      "--config",
      `${stack.root}/deno.json`,
      `${stack.root}/scripts/schema-files.ts`,
      "--check",
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(run.stderr);
  assertEquals(stderr.trim(), "");
  assert(run.success);
  const listed = new TextDecoder().decode(run.stdout).trim().split("\n");
  assertEquals(listed.length, files.length);
  assertEquals(listed[0], `${schemasDir}/_setup/extensions.sql`);
});
