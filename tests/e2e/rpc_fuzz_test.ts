// The RPC fuzz test, generated from the catalog (issue 13, "Checks that keep it so"): every function
// in schema `public` (names, argument names and types, which have defaults, enum labels and grants,
// all read from pg_proc) is called through the gateway (fetch to SUPABASE_URL/rest/v1/rpc/<name>, so
// the exact body is ours) as anon, as a user who owns nothing, as an owner (a user with an agent,
// its profiles, a lens and version, a workflow with two nodes and an edge, a run, a team with a
// member, a schedule) and, for the worker's RPCs, as service_role, with malformed arguments: missing
// (arguments without a default), null, wrong type, invalid uuid, another user's uuid, empty
// string/array/object, oversized, deeply nested JSON, unknown enum value, an extra argument. A fixed
// seed picks a few cases per argument. It asserts:
// - no answer is a 5xx;
// - every refusal raised by the project's own code (SQLSTATE 22023, PT413, or a message starting
//   with "<rpc>:") names an argument of the call (its name, or the id it was given) and says more;
// - no table of the five schemas changed across the refused calls (count and md5 of every table's
//   rows, before and after each RPC's batch). A call that succeeds may change tables: a batch that
//   changed a table has its refused calls made again in a batch of their own (twice at most, so a
//   pg_cron tick during a batch does not count), and that one must change nothing.
// A new RPC is covered without a line here; the values come from a per-type generator, and the only
// per-argument knowledge is HINTS (which owned object an id argument names).
import type postgres from "postgres";
import { assert, assertEquals } from "../_support/assert.ts";
import { createUser, db, deleteUsers, stack, type TestUser } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import { must, profiledAgent } from "../_support/agents.ts";
import { cancelOpenRuns } from "../_support/engine.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

interface Arg {
  name: string;
  type: string; // format_type of the argument
  elem: string | null; // the element type of an array
  enum_labels: string[] | null; // of the argument's (or its elements') enum type
  has_default: boolean;
}

interface Rpc {
  name: string;
  anon: boolean;
  authenticated: boolean;
  service_role: boolean;
  args: Arg[];
}

async function catalog(sql: postgres.Sql): Promise<Rpc[]> {
  return Array.from(
    await sql<Rpc[]>`
    select p.proname as name,
           has_function_privilege('anon', p.oid, 'execute') as anon,
           has_function_privilege('authenticated', p.oid, 'execute') as authenticated,
           has_function_privilege('service_role', p.oid, 'execute') as service_role,
           coalesce((
             select json_agg(json_build_object(
                      'name', a.name,
                      'type', format_type(a.typ, null),
                      'elem', case when t.typelem <> 0 and t.typlen = -1 then format_type(t.typelem, null) end,
                      'enum_labels', (select json_agg(e.enumlabel order by e.enumsortorder) from pg_enum e
                                      where e.enumtypid = case when t.typelem <> 0 and t.typlen = -1 then t.typelem else a.typ end),
                      'has_default', a.ord > p.pronargs - p.pronargdefaults) order by a.ord)
             from unnest(p.proargnames[1:p.pronargs], p.proargtypes::oid[]) with ordinality a(name, typ, ord)
             join pg_type t on t.oid = a.typ
           ), '[]') as args
    from pg_proc p
    where p.pronamespace = 'public'::regnamespace and p.prokind = 'f'
    order by 1`,
  );
}

// ---- table checksums -------------------------------------------------------------------------

/** One query that answers a count and an md5 of the rows of every table in the five schemas. */
async function checksumQuery(sql: postgres.Sql): Promise<string> {
  const tables = await sql<{ t: string }[]>`
    select format('%I.%I', n.nspname, c.relname) as t
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('lensers', 'agents', 'lenses', 'ai', 'public') and c.relkind in ('r', 'p')
      and not c.relispartition
    order by 1`;
  assert(tables.length >= 30, `the five schemas hold ${tables.length} tables`);
  return tables.map(({ t }) =>
    `select '${t}' as t, count(*)::bigint as n, md5(coalesce(string_agg(x::text, E'\\n' order by x.tableoid, x.ctid), '')) as h from ${t} x`
  ).join(" union all ");
}

type Sums = Map<string, string>;

async function sums(sql: postgres.Sql, query: string): Promise<Sums> {
  const rows = await sql.unsafe<{ t: string; n: string; h: string }[]>(query);
  return new Map(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

function changed(a: Sums, b: Sums): string[] {
  return [...a.keys()].filter((t) => a.get(t) !== b.get(t));
}

// ---- values ----------------------------------------------------------------------------------

/** A seeded PRNG (mulberry32): the same cases every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A JSON value sent as raw text (a depth supabase-js and JSON.stringify would not take). */
class Raw {
  constructor(readonly text: string) {}
}

const DEEP = new Raw(`{"deep":${"[".repeat(4000)}1${"]".repeat(4000)}}`);
const BIG_TEXT = "x".repeat(1_000_001 + 100);
const BIG_JSON = { big: "x".repeat(1_100_000) };

function isJson(arg: Arg) {
  return arg.type === "jsonb" || arg.type === "json";
}

/** A well-formed value of the argument's type (an owned id where HINTS knows one). */
function wellFormed(arg: Arg, ids: Record<string, string>): unknown {
  if (arg.type === "uuid") return ids[arg.name] ?? crypto.randomUUID();
  if (arg.enum_labels && !arg.elem) return arg.enum_labels[0];
  if (arg.elem) return arg.enum_labels ? [arg.enum_labels[0]] : [];
  switch (arg.type) {
    case "text":
      return "x";
    case "integer":
    case "bigint":
    case "numeric":
      return 1;
    case "boolean":
      return false;
    case "jsonb":
    case "json":
      return {};
    case "timestamp with time zone":
      return new Date().toISOString();
    case "extensions.vector":
      return `[${Array(1536).fill(0.1).join(",")}]`;
    default:
      throw new Error(
        `rpc_fuzz_test: no value for an argument of type ${arg.type} (${arg.name}); add one to wellFormed`,
      );
  }
}

type Kind =
  | "missing"
  | "null"
  | "wrong_type"
  | "invalid_uuid"
  | "other_uuid"
  | "empty"
  | "oversized"
  | "deep"
  | "unknown_enum";

/** The malformed values of each kind that apply to an argument. */
function malformed(arg: Arg, other: string | undefined): [Kind, unknown][] {
  const out: [Kind, unknown][] = [];
  if (!arg.has_default) out.push(["missing", undefined]);
  out.push(["null", null]);
  if (arg.type === "uuid") {
    out.push(["wrong_type", 42], ["invalid_uuid", "not-a-uuid"], ["empty", ""]);
    out.push(["other_uuid", other ?? crypto.randomUUID()]);
  } else if (arg.elem) {
    out.push(["wrong_type", "x"], ["empty", []], ["oversized", Array(5000).fill("y".repeat(10))]);
    out.push([arg.elem === "uuid" ? "invalid_uuid" : "wrong_type", [{ a: 1 }]]);
    if (arg.enum_labels) out.push(["unknown_enum", ["no_such_value"]]);
    else out.push(["null", [null]]);
  } else if (arg.enum_labels) {
    out.push(["wrong_type", 7], ["empty", ""], ["unknown_enum", "no_such_value"]);
  } else if (isJson(arg)) {
    out.push(["wrong_type", "x"], ["empty", {}], ["empty", []], ["oversized", BIG_JSON], ["deep", DEEP]);
  } else if (arg.type === "text") {
    out.push(["wrong_type", { a: 1 }], ["empty", ""], ["oversized", BIG_TEXT]);
  } else if (["integer", "bigint", "numeric"].includes(arg.type)) {
    out.push(["wrong_type", "abc"], ["oversized", 2 ** 62], ["oversized", -(2 ** 31) - 1], ["empty", ""]);
  } else if (arg.type === "boolean") {
    out.push(["wrong_type", "maybe"], ["empty", ""]);
  } else if (arg.type === "timestamp with time zone") {
    out.push(["wrong_type", "not a time"], ["empty", ""], ["oversized", "294277-01-01T00:00:00Z"]);
  } else if (arg.type === "extensions.vector") {
    out.push(["wrong_type", "abc"], ["empty", "[]"], ["oversized", `[${Array(1537).fill(0.1).join(",")}]`]);
  }
  return out;
}

function body(args: Record<string, unknown>): string {
  const raws: string[] = [];
  const text = JSON.stringify(args, (_k, v) => {
    if (v instanceof Raw) {
      raws.push(v.text);
      return `__raw_${raws.length - 1}__`;
    }
    return v;
  });
  return text.replace(/"__raw_(\d+)__"/g, (_m, i) => raws[Number(i)]);
}

interface Answer {
  status: number;
  code?: string;
  message: string;
}

async function call(token: string, rpc: string, args: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${stack.url}/rest/v1/rpc/${rpc}`, {
    method: "POST",
    headers: { apikey: stack.anonKey, Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body(args),
  });
  const text = await res.text();
  let parsed: { code?: string; message?: string } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { message: text };
  }
  return {
    status: res.status,
    code: res.ok ? undefined : parsed?.code,
    message: res.ok ? "" : String(parsed?.message ?? text),
  };
}

// ---- the owner's objects ---------------------------------------------------------------------

/**
 * HINTS: the one per-argument table. For an id argument, which of the owner's objects it names (by
 * the argument's name, in any RPC). An argument not listed gets a random id (and a well-formed value
 * of its type otherwise).
 */
const HINTS: Record<string, keyof Owned> = {
  p_ai_lenser_id: "agent",
  p_agent_id: "agent",
  p_assignee_ai_lenser_id: "agent",
  p_lenser_id: "profile",
  p_owner_lenser_id: "profile",
  p_workflow_id: "workflow",
  p_run_id: "run",
  p_lens_id: "lens",
  p_version_id: "version",
  p_lens_version_id: "version",
  p_node_id: "nodeA",
  p_source_node_id: "nodeA",
  p_target_node_id: "nodeB",
  p_edge_id: "edge",
  p_team_id: "team",
  p_assignee_team_id: "team",
  p_member_id: "member",
  p_source_member_id: "member",
  p_target_member_id: "member",
  p_memory_profile_id: "memoryProfile",
  p_tool_profile_id: "toolProfile",
  p_profile_id: "toolProfile",
  p_schedule_id: "schedule",
  p_model_id: "model",
  p_embedding_model_id: "model",
};

interface Owned {
  agent: string;
  profile: string;
  workflow: string;
  run: string;
  lens: string;
  version: string;
  nodeA: string;
  nodeB: string;
  edge: string;
  team: string;
  member: string;
  memoryProfile: string;
  toolProfile: string;
  schedule: string;
  model: string;
}

async function ownerObjects(sql: postgres.Sql, owner: TestUser): Promise<Owned> {
  const c = owner.client;
  const agent = await profiledAgent(sql, owner);
  const me = must("get_my_profile", await c.rpc("get_my_profile")) as unknown as { id: string };
  const wf = await buildWorkflow(c, {
    title: "fuzz",
    nodes: [{ key: "a" }, { key: "b" }],
    edges: [{ from: "a", to: "b" }],
  });
  // deno-lint-ignore no-explicit-any
  const rpc = (name: string, args: Record<string, unknown>) => (c.rpc as any)(name, args);
  const run = must<{ id: string }>(
    "start_workflow_run",
    await rpc("start_workflow_run", { p_workflow_id: wf.id }),
  );
  const lens = must<{ id: string }>("create_lens", await rpc("create_lens", { p_title: "fuzz lens" }));
  const version = must<{ id: string }>(
    "create_lens_version",
    await rpc("create_lens_version", {
      p_lens_id: lens.id,
      p_template_body: "Say [[x]].",
      p_parameters: [{ label: "x", tool_key: "text", required: true }],
    }),
  );
  const team = must<{ id: string }>(
    "create_team",
    await rpc("create_team", { p_name: `fuzz-${crypto.randomUUID().slice(0, 6)}` }),
  );
  const member = must<{ id: string }>(
    "add_team_member",
    await rpc("add_team_member", { p_team_id: team.id, p_agent_id: agent.agentId }),
  );
  const schedule = must<{ id: string }>(
    "create_workflow_schedule",
    await rpc("create_workflow_schedule", {
      p_workflow_id: wf.id,
      p_name: "fuzz",
      p_cron_expression: "0 9 1 1 *",
      p_timezone: "UTC",
    }),
  );
  const [model] = await sql<{ id: string }[]>`select id from ai.models where model_key = 'local-echo'`;
  return {
    agent: agent.agentId,
    profile: me.id,
    workflow: wf.id,
    run: run.id,
    lens: lens.id,
    version: version.id,
    nodeA: wf.nodes.a,
    nodeB: wf.nodes.b,
    edge: wf.edges[0].id,
    team: team.id,
    member: member.id,
    memoryProfile: agent.memoryProfileId,
    toolProfile: agent.toolProfileId,
    schedule: schedule.id,
    model: model.id,
  };
}

// ---- the test --------------------------------------------------------------------------------

interface Case {
  caller: "anon" | "nobody" | "owner" | "service_role";
  token: string;
  rpc: string;
  what: string; // e.g. "p_name: null"
  arg: string | null;
  args: Record<string, unknown>;
}

const SEED = 20261202;
/** Malformed cases per argument, per caller that may call the RPC. */
const PER_ARG = { owner: 3, nobody: 2, service_role: 3, anon: 1 } as const;

const short = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}... (${s.length} chars)` : s);

/** Whether a refusal of the project's own names an argument of the call and says what was wrong. */
function namesAnArgument(rpc: Rpc, c: Case, a: Answer): boolean {
  const named = rpc.args.some((arg) => {
    if (a.message.includes(arg.name)) return true;
    const v = c.args[arg.name];
    if (v === undefined || v === null || v instanceof Raw) return false;
    // An id as given, or a text quoted as given (PostgREST passes a JSON object to a text argument as its text).
    if (arg.type === "uuid") return typeof v === "string" && v.length > 0 && a.message.includes(v);
    if (arg.type === "text") return a.message.includes(`"${typeof v === "string" ? v : JSON.stringify(v)}"`);
    return false;
  });
  return named && a.message.length > rpc.name.length + 12;
}

function isOwnRefusal(rpc: Rpc, a: Answer): boolean {
  if (a.status < 400) return false;
  return a.code === "22023" || a.code === "PT413" || a.message.startsWith(`${rpc.name}:`);
}

Deno.test({
  ...opts,
  name:
    "fuzz: every public RPC, as anon, a stranger, the owner and service_role, with malformed arguments: no 5xx, refusals name the argument, refused calls change nothing",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const nobody = await createUser(sql);
    try {
      // CL_FUZZ_RPCS=a,b narrows a run to some RPCs while working on them.
      const only = Deno.env.get("CL_FUZZ_RPCS")?.split(",");
      const rpcs = (await catalog(sql)).filter((r) => !only || only.includes(r.name));
      assert(only || rpcs.length >= 100, `the catalog names ${rpcs.length} public RPCs`);
      const owned = await ownerObjects(sql, owner);
      const ownerIds: Record<string, string> = {};
      for (const [arg, key] of Object.entries(HINTS)) ownerIds[arg] = owned[key];
      const query = await checksumQuery(sql);
      // The checksums see a change: a call that succeeds changes its table's.
      const before = await sums(sql, query);
      const renamed = await call(owner.jwt, "update_lens", {
        p_lens_id: owned.lens,
        p_title: "fuzz lens, renamed",
      });
      assertEquals(renamed.status, 200, renamed.message);
      assertEquals(changed(before, await sums(sql, query)), ["lenses.lenses"]);
      const rand = prng(SEED);

      const failures: string[] = [];
      const stats = { calls: 0, refused: 0, succeeded: 0, own: 0, kinds: {} as Record<string, number> };

      for (const rpc of rpcs) {
        const callers: Case["caller"][] = [];
        if (rpc.authenticated) callers.push("owner", "nobody");
        else if (rpc.service_role) callers.push("service_role", "nobody");
        callers.push("anon");
        const cases: Case[] = [];
        for (const caller of callers) {
          const token = caller === "anon"
            ? stack.anonKey
            : caller === "service_role"
            ? stack.serviceRoleKey
            : caller === "owner"
            ? owner.jwt
            : nobody.jwt;
          // A stranger's and anon's well-formed ids are random; the owner's are theirs.
          const ids = caller === "owner" ? ownerIds : {};
          const base: Record<string, unknown> = {};
          for (const arg of rpc.args) if (!arg.has_default) base[arg.name] = wellFormed(arg, ids);
          for (const arg of rpc.args) {
            const all = malformed(arg, caller === "owner" ? undefined : ownerIds[arg.name]);
            const n = Math.min(PER_ARG[caller], all.length);
            const picked = new Set<number>();
            while (picked.size < n) picked.add(Math.floor(rand() * all.length));
            for (const i of picked) {
              const [kind, value] = all[i];
              const args = { ...base };
              if (kind === "missing") delete args[arg.name];
              else args[arg.name] = value;
              stats.kinds[kind] = (stats.kinds[kind] ?? 0) + 1;
              cases.push({ caller, token, rpc: rpc.name, what: `${arg.name}: ${kind}`, arg: arg.name, args });
            }
          }
          // An extra argument the function does not take.
          cases.push({
            caller,
            token,
            rpc: rpc.name,
            what: "extra argument",
            arg: null,
            args: { ...base, p_fuzz_extra: 1 },
          });
          stats.kinds.extra = (stats.kinds.extra ?? 0) + 1;
        }

        const refusedCases: Case[] = [];
        const runBatch = async (batch: Case[], record: boolean) => {
          const before = await sums(sql, query);
          let anySuccess = false;
          for (const c of batch) {
            const a = await call(c.token, c.rpc, c.args);
            if (record) stats.calls++;
            const label = `${c.rpc} as ${c.caller}, ${c.what}`;
            if (a.status >= 500) {
              failures.push(`${label}: ${a.status} ${a.code} ${short(a.message)}`);
            }
            if (a.status < 300) {
              anySuccess = true;
              if (record) stats.succeeded++;
              continue;
            }
            if (record) {
              stats.refused++;
              refusedCases.push(c);
            }
            if (isOwnRefusal(rpc, a)) {
              if (record) stats.own++;
              if (!namesAnArgument(rpc, c, a)) {
                failures.push(`${label}: ${a.status} ${a.code} names no argument: ${short(a.message)}`);
              }
            }
          }
          const after = await sums(sql, query);
          return { anySuccess, diff: changed(before, after) };
        };

        const first = await runBatch(cases, true);
        if (!first.diff.length) continue;
        // Some call succeeded (it may change tables), or a background job (pg_cron's reaper, the
        // schedule dispatcher) wrote during the batch: the refused calls again, on their own, must
        // change nothing. A refused call that writes writes again; a cron tick is not in two
        // batches in a row.
        let diff = first.diff;
        let again = false;
        for (let attempt = 0; attempt < 2 && diff.length; attempt++) {
          const next = await runBatch(refusedCases, false);
          diff = next.diff;
          again ||= next.anySuccess;
        }
        if (diff.length) {
          failures.push(
            `${rpc.name}: refused calls changed ${diff.join(", ")}${
              again ? " (a call refused before succeeded when made again)" : ""
            }`,
          );
        }
      }
      console.log(`rpc fuzz: ${rpcs.length} RPCs, ${JSON.stringify(stats)}`);
      assert(only || stats.own > 500, `only ${stats.own} refusals came from the project's own code`);
      assertEquals(failures, [], `${failures.length} failures:\n${failures.join("\n")}`);
    } finally {
      await cancelOpenRuns(sql, owner).catch(() => {});
      // The owner keeps its rows: memory entries it wrote never go (append-only, redaction only).
      await deleteUsers(sql, nobody);
      await sql.end();
    }
  },
});
