// Prints the declarative schema files in load order, one absolute path a line, as
// supabase/config.toml [db.migrations] schema_paths lists them (paths and `*` globs relative to
// supabase/). With --check it also fails when a file under supabase/schemas/ is listed twice or
// not at all, naming it.
import { parse } from "smol-toml";

const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const supabaseDir = `${root}/supabase`;
const config = parse(await Deno.readTextFile(`${supabaseDir}/config.toml`)) as {
  db?: { migrations?: { schema_paths?: string[] } };
};
const patterns = config.db?.migrations?.schema_paths ?? [];

function walk(dir: string): string[] {
  const found: string[] = [];
  for (const entry of Deno.readDirSync(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) found.push(...walk(path));
    else if (entry.name.endsWith(".sql")) found.push(path);
  }
  return found;
}

const all = walk(`${supabaseDir}/schemas`).sort();
const globToRegExp = (glob: string) =>
  new RegExp("^" + glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*") + "$");

const ordered: string[] = [];
const problems: string[] = [];
for (const pattern of patterns) {
  const absolute = `${supabaseDir}/${pattern.replace(/^\.\//, "")}`;
  const matches = pattern.includes("*") ? all.filter((f) => globToRegExp(absolute).test(f)) : [absolute];
  if (matches.length === 0 || !matches.every((f) => all.includes(f))) {
    problems.push(`schema_paths names ${pattern}, which is not a file under supabase/schemas/`);
  }
  ordered.push(...matches.filter((f) => all.includes(f)));
}

if (Deno.args.includes("--check")) {
  const relative = (f: string) => f.slice(supabaseDir.length + 1);
  const seen = new Set<string>();
  for (const f of ordered) {
    if (seen.has(f)) problems.push(`${relative(f)} is listed more than once in schema_paths`);
    seen.add(f);
  }
  for (const f of all) {
    if (!seen.has(f)) problems.push(`${relative(f)} is not listed in supabase/config.toml schema_paths`);
  }
  if (problems.length) {
    console.error(problems.join("\n"));
    Deno.exit(1);
  }
}
console.log([...new Set(ordered)].join("\n"));
