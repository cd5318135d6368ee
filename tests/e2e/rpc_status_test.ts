// The HTTP status of every refusal, as a client meets it through the gateway (supabase-js against
// SUPABASE_URL). Not found or not yours is SQLSTATE PT404, which PostgREST 12 answers with 404 and
// `code: "PT404"`, the message kept (a P0002 answered 500). The list of RPCs that can refuse so is
// read from the catalog (every function in `public` that raises PT404 itself or through a helper),
// so a new RPC is covered without a line here: each is called with random ids as a user who owns
// nothing (the worker's RPCs as service_role) and must answer 404 naming the id. Then, per family,
// another user's real objects (404, the same message as a random id's) and representative 400, 401,
// 403 and 409 refusals, each changing nothing.
import type postgres from "postgres";
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import {
  anonClient,
  type Client,
  createUser,
  db,
  deleteUsers,
  serviceClient,
  type TestUser,
} from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import { must, profiledAgent } from "../_support/agents.ts";
import { cancelOpenRuns } from "../_support/engine.ts";
import { CreateLensVersionOutput } from "../../types/rpc-outputs.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

interface Refusal {
  status: number;
  error: { code?: string; message: string } | null;
}

// deno-lint-ignore no-explicit-any
const call = (client: Client, rpc: string, args: Record<string, unknown>): Promise<Refusal> =>
  (client.rpc as any)(rpc, args);

/** Asserts one refusal's HTTP status and SQLSTATE/code, and returns its message. */
function refused(res: Refusal, status: number, code: string, what: string): string {
  assertEquals(
    [res.status, res.error?.code],
    [status, code],
    `${what}: expected ${status} ${code}, got ${res.status} ${res.error?.code} (${res.error?.message})`,
  );
  return res.error!.message;
}

interface RpcArg {
  name: string;
  type: string;
  typtype: string;
  first_label: string | null;
  has_default: boolean;
}

interface NotFoundRpc {
  name: string;
  authenticated: boolean;
  args: RpcArg[];
}

/** Every public function that can raise PT404: its own body, or a helper's (transitively). */
async function notFoundRpcs(sql: postgres.Sql): Promise<NotFoundRpc[]> {
  return await sql<NotFoundRpc[]>`
    with recursive f as (
      select p.oid, p.proname, n.nspname, p.prosrc
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'lensers', 'lenses', 'agents', 'ai')
        and p.prolang = (select oid from pg_language where lanname = 'plpgsql')
    ), r(oid) as (
      select oid from f where prosrc like '%PT404%'
      union
      select f.oid from f, r, f g where g.oid = r.oid and f.prosrc like '%' || g.nspname || '.' || g.proname || '(%'
    )
    select f.proname as name,
           has_function_privilege('authenticated', f.oid, 'execute') as authenticated,
           coalesce((
             select json_agg(json_build_object(
                      'name', a.name, 'type', format_type(a.typ, null), 'typtype', t.typtype,
                      'first_label', (select e.enumlabel from pg_enum e where e.enumtypid = a.typ order by e.enumsortorder limit 1),
                      'has_default', a.ord > p.pronargs - p.pronargdefaults) order by a.ord)
             from unnest(p.proargnames[1:p.pronargs], p.proargtypes::oid[]) with ordinality a(name, typ, ord)
             join pg_type t on t.oid = a.typ
           ), '[]') as args
    from f join r using (oid) join pg_proc p on p.oid = f.oid
    where f.nspname = 'public'
    order by 1`;
}

/** A well-formed value for an argument, so only the missing object can be what is wrong. */
function valueFor(arg: RpcArg, ids: string[]): unknown {
  if (arg.type === "uuid") {
    const id = crypto.randomUUID();
    ids.push(id);
    return id;
  }
  if (arg.typtype === "e") return arg.first_label;
  if (arg.type.endsWith("[]")) return [];
  switch (arg.type) {
    case "text":
      return "x";
    case "integer":
    case "bigint":
      return 1;
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
      throw new Error(`no test value for argument ${arg.name} of type ${arg.type}`);
  }
}

/** Arguments a catalog-built call needs beyond the required ones (which id is looked up), or instead. */
const OVERRIDES: Record<string, (id: () => string) => Record<string, unknown>> = {
  // The caller names what the budget is for; the subject is what is not found.
  create_budget: (id) => ({
    p_scope: "ai_lenser",
    p_amount_credits: 10,
    p_period: "month",
    p_enforcement: "soft",
    p_ai_lenser_id: id(),
  }),
  // One of run or agent.
  list_llm_calls: (id) => ({ p_run_id: id() }),
  create_workflow_schedule: (id) => ({
    p_workflow_id: id(),
    p_name: "n",
    p_cron_expression: "0 9 * * *",
    p_timezone: "UTC",
  }),
  get_profile: () => ({ p_handle: `nobody-${crypto.randomUUID().slice(0, 8)}` }),
  // A consumer is named by its name.
  claim_event_deliveries: () => ({ p_consumer: `no_consumer_${crypto.randomUUID().slice(0, 8)}`, p_worker: "w" }),
  // The scope defaults to the caller's own profile; another is what is not found.
  list_events: (id) => ({ p_scope_id: id() }),
  list_event_deliveries: (id) => ({ p_scope_id: id() }),
  disable_http_tool: () => ({ p_key: `no_tool_${crypto.randomUUID().slice(0, 8)}` }),
  create_workflow_assignment: (id) => ({
    p_workflow_id: id(),
    p_assignee_kind: "agent",
    p_assignee_ai_lenser_id: id(),
  }),
  fn_invoke_tool: (id) => ({ p_ai_lenser_id: id(), p_tool_key: "calculator", p_input: {} }),
  fn_complete_tool_invocation: (id) => ({ p_invocation_id: id(), p_status: "succeeded", p_output: {} }),
  fn_read_memory_entries: (id) => ({ p_memory_profile_id: id() }),
  fn_write_memory_entry: (id) => ({ p_memory_profile_id: id(), p_content: "x" }),
  fail_workflow_task: (id) => ({
    p_result_id: id(),
    p_lease_token: id(),
    p_error_kind: "server",
    p_error_message: "x",
  }),
  record_agent_tool_result: (id) => ({
    p_result_id: id(),
    p_lease_token: id(),
    p_invocation_id: id(),
    p_status: "succeeded",
    p_output: {},
  }),
  record_agent_model_turn: (id) => ({
    p_result_id: id(),
    p_lease_token: id(),
    p_message: { role: "assistant", content: [] },
    p_llm_call: {},
  }),
  complete_workflow_task: (id) => ({ p_result_id: id(), p_lease_token: id(), p_text: "x" }),
  report_workflow_task_progress: (id) => ({ p_result_id: id(), p_lease_token: id(), p_delta: "x" }),
  backfill_workflow_schedule: (id) => {
    const to = new Date();
    return {
      p_schedule_id: id(),
      p_from: new Date(to.getTime() - 3_600_000).toISOString(),
      p_to: to.toISOString(),
    };
  },
  render_lens_version: (id) => ({ p_version_id: id(), p_params: {} }),
  // A team rule: the team is what is not found (an agent rule's agent is a matter of authority).
  create_guardrail_rule: (id) => ({
    p_tier: "team",
    p_name: "n",
    p_kind: "max_length",
    p_action: "block",
    p_config: { maxChars: 5 },
    p_team_id: id(),
  }),
  list_guardrail_rules: (id) => ({ p_team_id: id() }),
  // Routing keys are looked up as given: an unknown one is not found.
  get_channel_binding_route: (id) => ({ p_channel: "slack", p_routing_key: id() }),
  get_web_chat_messages: (id) => ({
    p_binding_id: id(),
    p_external_id: `visitor:${crypto.randomUUID()}`,
    p_after_seq: 0,
    p_limit: 10,
  }),
};

/** RPCs whose first check on a random id is the caller's authority over it (403), by design. */
const AUTHORITY_FIRST: Record<string, true> = { fn_invoke_tool: true, create_channel_binding: true };

/**
 * RPCs that name nothing to find (no id argument): the catalog reaches a PT404 through a helper they
 * call (dispatch_conversation_turns starts runs with lenses.fn_start_workflow_run, and a turn that
 * cannot start fails with the reason instead of answering; claim_channel_sends emits its messages'
 * events; claim_guardrail_judgements settles the judgements it closes, which queues fallback texts;
 * process_event_deliveries runs the sql consumers, whose refusals are a delivery's failure),
 * but a call never refuses "not found".
 */
const NOTHING_TO_FIND: Record<string, true> = {
  dispatch_conversation_turns: true,
  claim_channel_sends: true,
  claim_guardrail_judgements: true,
  process_event_deliveries: true,
};

Deno.test({
  ...opts,
  name: "every public RPC that can refuse 'not found' answers 404 PT404 naming the id, for random ids",
  async fn() {
    const sql = db();
    const nobody = await createUser(sql);
    const service = serviceClient();
    try {
      const rpcs = await notFoundRpcs(sql);
      assert(rpcs.length >= 90, `the catalog names ${rpcs.length} RPCs that can refuse not found`);
      const failures: string[] = [];
      for (const rpc of rpcs) {
        if (NOTHING_TO_FIND[rpc.name]) continue;
        const ids: string[] = [];
        const id = () => {
          const v = crypto.randomUUID();
          ids.push(v);
          return v;
        };
        let args: Record<string, unknown>;
        if (OVERRIDES[rpc.name]) {
          args = OVERRIDES[rpc.name](id);
        } else {
          args = {};
          for (const arg of rpc.args) if (!arg.has_default) args[arg.name] = valueFor(arg, ids);
        }
        const named = [...ids, String(args.p_handle ?? ""), String(args.p_key ?? ""), String(args.p_consumer ?? "")].filter((v) => v);
        const res = await call(rpc.authenticated ? nobody.client : service, rpc.name, args);
        if (AUTHORITY_FIRST[rpc.name]) {
          // Agents are public profiles: not being among an agent's owners or operators is a lack of
          // authority (403), checked before the agent's own state.
          if (
            res.status !== 403 || res.error?.code !== "42501" ||
            !named.some((v) => res.error!.message.includes(v))
          ) {
            failures.push(
              `${rpc.name}: expected 403 42501 naming the agent, got ${res.status} ${res.error?.code} ${res.error?.message}`,
            );
          }
          continue;
        }
        if (res.status !== 404 || res.error?.code !== "PT404") {
          failures.push(`${rpc.name}: ${res.status} ${res.error?.code} ${res.error?.message}`);
        } else if (!res.error.message.startsWith(`${rpc.name}:`) && !/^fn_|^\w+: /.test(res.error.message)) {
          failures.push(`${rpc.name}: the message does not name the RPC: ${res.error.message}`);
        } else if (!named.some((v) => res.error!.message.includes(v))) {
          failures.push(`${rpc.name}: the message names none of ${named.join(", ")}: ${res.error.message}`);
        }
      }
      assertEquals(failures, [], failures.join("\n"));
    } finally {
      await deleteUsers(sql, nobody);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "a line break in caller text quoted by a 404 answers 404, not a broken response (the reason phrase)",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    try {
      const anon = await call(anonClient(), "get_profile", { p_handle: "nobody\r\nX-Injected: 1\nhere\t!" });
      const message = refused(anon, 404, "PT404", "get_profile with a line break");
      assertEquals(
        message,
        'get_profile: no visible profile with handle "nobody\\r\\nX-Injected: 1\\nhere\\t!"',
      );
      const tool = await call(user.client, "disable_http_tool", { p_key: "a\nb" });
      assertEquals(
        refused(tool, 404, "PT404", "disable_http_tool"),
        'disable_http_tool: no HTTP tool "a\\nb" of yours',
      );
    } finally {
      await deleteUsers(sql, user);
      await sql.end();
    }
  },
});

async function counts(sql: postgres.Sql, owner: TestUser) {
  const [row] = await sql`
    select (select count(*)::int from lenses.workflow_runs r join lensers.profiles p on p.id = r.lenser_id
             where p.user_id = ${owner.id}) as runs,
           (select count(*)::int from lenses.lenses l join lensers.profiles p on p.id = l.lenser_id
             where p.user_id = ${owner.id}) as lenses,
           (select count(*)::int from lenses.versions v join lenses.lenses l on l.id = v.lens_id
             join lensers.profiles p on p.id = l.lenser_id where p.user_id = ${owner.id}) as versions,
           (select coalesce(sum(w.xmin::text::bigint), 0)::text from lenses.workflows w join lensers.profiles p
             on p.id = w.lenser_id where p.user_id = ${owner.id}) as workflow_versions,
           (select coalesce(sum(b.amount_credits), 0)::text from ai.budgets b join lenses.workflows w on w.id = b.workflow_id
             join lensers.profiles p on p.id = w.lenser_id where p.user_id = ${owner.id} and b.archived_at is null) as budgets`;
  return row;
}

Deno.test({
  ...opts,
  name: "another user's objects answer 404 PT404 with the message a random id gets; nothing changes",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const stranger = await createUser(sql);
    try {
      const wf = await buildWorkflow(owner.client, {
        title: "private flow",
        nodes: [{ key: "ask", kind: "human_input" }, { key: "draft", template: "Draft it." }],
        edges: [{ from: "ask", to: "draft" }],
      });
      const lens = must("create_lens", await owner.client.rpc("create_lens", { p_title: "mine" }));
      const version = must(
        "create_lens_version",
        await owner.client.rpc("create_lens_version", { p_lens_id: lens.id, p_template_body: "Hi." }),
      ) as { id: string };
      const run = must(
        "start_workflow_run",
        await owner.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} }),
      );
      const budget = must(
        "create_budget",
        await owner.client.rpc("create_budget", {
          p_scope: "workflow",
          p_workflow_id: wf.id,
          p_amount_credits: 5,
          p_period: "month",
          p_enforcement: "soft",
        }),
      );
      const before = await counts(sql, owner);
      const s = stranger.client;
      const cases: [string, Record<string, unknown>, string, RegExp][] = [
        ["get_workflow", { p_workflow_id: wf.id }, wf.id, /^get_workflow: no workflow \S+ that you can see$/],
        [
          "update_workflow",
          { p_workflow_id: wf.id, p_title: "taken" },
          wf.id,
          /no workflow \S+ that you can see/,
        ],
        ["validate_workflow", { p_workflow_id: wf.id }, wf.id, /no workflow \S+ that you can see/],
        [
          "start_workflow_run",
          { p_workflow_id: wf.id, p_input: {} },
          wf.id,
          /no workflow \S+ that you can run/,
        ],
        [
          "update_workflow_node",
          { p_node_id: wf.nodes.draft, p_title: "x" },
          wf.nodes.draft,
          /no node \S+ that you can see/,
        ],
        [
          "remove_workflow_edge",
          { p_edge_id: wf.edges[0].id },
          wf.edges[0].id,
          /no edge \S+ that you can see/,
        ],
        ["get_lens", { p_lens_id: lens.id }, lens.id, /^get_lens: no lens \S+ that you can see$/],
        [
          "create_lens_version",
          { p_lens_id: lens.id, p_template_body: "x" },
          lens.id,
          /no lens \S+ that you can see/,
        ],
        ["publish_lens_version", { p_version_id: version.id }, version.id, /no version \S+ that you can see/],
        [
          "render_lens_version",
          { p_version_id: version.id, p_params: {} },
          version.id,
          /no version \S+ that you can read/,
        ],
        ["get_workflow_run", { p_run_id: run.id }, run.id, /^get_workflow_run: no run \S+ that you can see$/],
        ["list_workflow_run_events", { p_run_id: run.id }, run.id, /no run \S+ that you can see/],
        ["cancel_workflow_run", { p_run_id: run.id }, run.id, /no run \S+ that you can act on/],
        [
          "rerun_workflow_run_from",
          { p_run_id: run.id, p_node_key: "ask" },
          run.id,
          /no run \S+ that you can act on/,
        ],
        [
          "submit_human_input",
          { p_run_id: run.id, p_node_key: "ask", p_value: "x" },
          run.id,
          /^submit_human_input: no run \S+ that you can act on$/,
        ],
        ["list_llm_calls", { p_run_id: run.id }, run.id, /no run \S+ of yours/],
        ["get_budget_status", { p_budget_id: budget.id }, budget.id, /no budget \S+/],
        ["update_budget", { p_budget_id: budget.id, p_amount_credits: 1 }, budget.id, /no budget \S+/],
        ["archive_budget", { p_budget_id: budget.id }, budget.id, /no budget \S+/],
        [
          "create_budget",
          {
            p_scope: "workflow",
            p_workflow_id: wf.id,
            p_amount_credits: 1,
            p_period: "month",
            p_enforcement: "soft",
          },
          wf.id,
          /no workflow \S+ that you own/,
        ],
      ];
      for (const [rpc, args, id, pattern] of cases) {
        const message = refused(await call(s, rpc, args), 404, "PT404", `${rpc} on another user's object`);
        assertMatch(message, pattern);
        assert(message.includes(id), `${rpc}: the message names ${id}: ${message}`);
        // The same answer as for an id that does not exist: nothing tells a stranger it does.
        const random = crypto.randomUUID();
        const again = JSON.parse(JSON.stringify(args).replaceAll(id, random));
        const randomMessage = refused(await call(s, rpc, again), 404, "PT404", `${rpc} on a random id`);
        assertEquals(randomMessage, message.replaceAll(id, random), `${rpc}: a stranger learns nothing`);
      }
      // Anon is not told either (get_workflow and get_lens are callable by anon).
      refused(
        await call(anonClient(), "get_workflow", { p_workflow_id: wf.id }),
        404,
        "PT404",
        "anon get_workflow",
      );
      refused(await call(anonClient(), "get_lens", { p_lens_id: lens.id }), 404, "PT404", "anon get_lens");
      assertEquals(await counts(sql, owner), before, "no refusal changed anything");
      const [still] = await sql`select status from lenses.workflow_runs where id = ${run.id}`;
      assert(still.status !== "cancelled", "the stranger did not cancel the run");
    } finally {
      await cancelOpenRuns(sql, owner);
      await deleteUsers(sql, owner, stranger);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "representative 400, 401, 403 and 409 refusals per family answer their status and SQLSTATE",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const other = await createUser(sql);
    const o = owner.client;
    try {
      // Profiles: a blank handle is bad input (400).
      refused(await call(anonClient(), "get_profile", { p_handle: " " }), 400, "22023", "get_profile blank");
      // A malformed uuid is the platform's 22P02 (400), before any of our code runs.
      const bad = refused(await call(o, "get_lens", { p_lens_id: "x" }), 400, "22P02", "get_lens bad uuid");
      assertEquals(bad, 'invalid input syntax for type uuid: "x"');
      // An argument the function does not have (or one supabase-js dropped as undefined): PGRST202, 404.
      refused(
        await call(o, "get_lens", { p_lens: crypto.randomUUID() }),
        404,
        "PGRST202",
        "get_lens wrong name",
      );
      refused(await call(o, "get_lens", { p_lens_id: undefined }), 404, "PGRST202", "get_lens undefined id");

      // Lenses: an archived lens takes no version and is not archived twice (409: its state); anon may
      // not create (401), a signed-in user calls no worker RPC (403).
      const lens = must("create_lens", await o.rpc("create_lens", { p_title: "archivable" }));
      must("archive_lens", await o.rpc("archive_lens", { p_lens_id: lens.id }));
      assertMatch(
        refused(
          await call(o, "create_lens_version", { p_lens_id: lens.id, p_template_body: "x" }),
          409,
          "PT409",
          "an archived lens",
        ),
        /lens \S+ is archived; it takes no new versions/,
      );
      assertMatch(
        refused(await call(o, "archive_lens", { p_lens_id: lens.id }), 409, "PT409", "archive twice"),
        /lens \S+ is already archived/,
      );
      refused(await call(anonClient(), "create_lens", { p_title: "anon" }), 401, "42501", "anon create_lens");
      refused(
        await call(o, "complete_workflow_task", {
          p_result_id: crypto.randomUUID(),
          p_lease_token: crypto.randomUUID(),
          p_text: "x",
        }),
        403,
        "42501",
        "a user calling a worker RPC",
      );

      // Workflows and runs: a draft does not run, nor does a finished run get cancelled again (409).
      const draft = must("create_workflow", await o.rpc("create_workflow", { p_title: "draft" }));
      assertMatch(
        refused(
          await call(o, "start_workflow_run", { p_workflow_id: draft.id, p_input: {} }),
          409,
          "PT409",
          "draft",
        ),
        /only a published workflow runs/,
      );
      const wf = await buildWorkflow(o, { nodes: [{ key: "ask", kind: "human_input" }] });
      const run = must(
        "start_workflow_run",
        await o.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} }),
      );
      // Human input: a node the workflow does not have is not found (404, the key named).
      assertMatch(
        refused(
          await call(o, "submit_human_input", { p_run_id: run.id, p_node_key: "nope", p_value: "x" }),
          404,
          "PT404",
          "h",
        ),
        /run \S+ has no node "nope"/,
      );
      // Rerunning a run that is still going conflicts with its state (409).
      assertMatch(
        refused(
          await call(o, "rerun_workflow_run_from", { p_run_id: run.id, p_node_key: "ask" }),
          409,
          "PT409",
          "r",
        ),
        /is still \w+; rerun a finished run/,
      );
      must("cancel_workflow_run", await o.rpc("cancel_workflow_run", { p_run_id: run.id }));
      assertMatch(
        refused(await call(o, "cancel_workflow_run", { p_run_id: run.id }), 409, "PT409", "cancel twice"),
        /already ended/,
      );

      // Published things are fixed (409: their state, not the request, is the conflict): a lens
      // version is published once and never edited after; a published workflow is published once, takes
      // no node and does not return to draft.
      const versioned = must("create_lens", await o.rpc("create_lens", { p_title: "versioned" }));
      const version = CreateLensVersionOutput.parse(must(
        "create_lens_version",
        await o.rpc("create_lens_version", { p_lens_id: versioned.id, p_template_body: "Say hi." }),
      ));
      must("publish_lens_version", await o.rpc("publish_lens_version", { p_version_id: version.id }));
      assertMatch(
        refused(
          await call(o, "publish_lens_version", { p_version_id: version.id }),
          409,
          "PT409",
          "publish a version twice",
        ),
        /is not a draft \(it is published\)/,
      );
      assertMatch(
        refused(
          await call(o, "update_lens_version", { p_version_id: version.id, p_template_body: "Say bye." }),
          409,
          "PT409",
          "edit a published version",
        ),
        /is not a draft \(it is published\)/,
      );
      assertMatch(
        refused(await call(o, "publish_workflow", { p_workflow_id: wf.id }), 409, "PT409", "publish twice"),
        /is not a draft \(it is published\)/,
      );
      assertMatch(
        refused(
          await call(o, "add_workflow_node", { p_workflow_id: wf.id, p_key: "late", p_kind: "human_input" }),
          409,
          "PT409",
          "a node into a published workflow",
        ),
        /is published \(not a draft\); its nodes and edges cannot change/,
      );

      // Schedules: a bad cron expression is bad input (400).
      assertMatch(
        refused(
          await call(o, "create_workflow_schedule", {
            p_workflow_id: wf.id,
            p_name: "bad",
            p_cron_expression: "not cron",
            p_timezone: "UTC",
          }),
          400,
          "22023",
          "bad cron",
        ),
        /cron/,
      );

      // Budgets: a negative amount (400); a second soft lenser budget for the same period conflicts
      // or an archived one changes no more (409).
      assertMatch(
        refused(
          await call(o, "create_budget", {
            p_scope: "lenser",
            p_amount_credits: -1,
            p_period: "month",
            p_enforcement: "soft",
          }),
          400,
          "22023",
          "negative budget",
        ),
        /p_amount_credits/,
      );
      const budget = must(
        "create_budget",
        await o.rpc("create_budget", {
          p_scope: "lenser",
          p_amount_credits: 5,
          p_period: "month",
          p_enforcement: "soft",
        }),
      );
      must("archive_budget", await o.rpc("archive_budget", { p_budget_id: budget.id }));
      assertMatch(
        refused(
          await call(o, "update_budget", { p_budget_id: budget.id, p_amount_credits: 6 }),
          409,
          "23505",
          "archived",
        ),
        /is archived/,
      );

      // Agents, tools and profiles: another user's agent is visible but not theirs to use (403);
      // a suspended agent calls no tool (409: conflict with its state); a profile in use by a team
      // member is not deleted (409); a duplicate tool key (409).
      const agent = await profiledAgent(sql, owner, { summaryStrategy: "none" });
      refused(
        await call(other.client, "fn_invoke_tool", {
          p_ai_lenser_id: agent.agentId,
          p_tool_key: "calculator",
          p_input: {},
        }),
        403,
        "42501",
        "another user's agent",
      );
      const team = must(
        "create_team",
        await o.rpc("create_team", { p_name: `team-${crypto.randomUUID().slice(0, 6)}` }),
      );
      must(
        "add_team_member",
        await o.rpc("add_team_member", {
          p_team_id: team.id,
          p_agent_id: agent.agentId,
          p_role: "lead",
          p_tool_profile_id: agent.toolProfileId,
        }),
      );
      assertMatch(
        refused(
          await call(o, "delete_tool_profile", { p_profile_id: agent.toolProfileId }),
          409,
          "PT409",
          "in use",
        ),
        /is used by team members; change them first/,
      );
      assertMatch(
        refused(
          await call(o, "add_team_member", {
            p_team_id: team.id,
            p_agent_id: agent.agentId,
            p_role: "member",
          }),
          409,
          "23505",
          "member twice",
        ),
        /already a member/,
      );
      // An archived team is read-only (409), through the RPC and through its parts' trigger.
      const archived = must(
        "create_team",
        await o.rpc("create_team", { p_name: `gone-${crypto.randomUUID().slice(0, 6)}` }),
      );
      must("archive_team", await o.rpc("archive_team", { p_team_id: archived.id }));
      assertMatch(
        refused(
          await call(o, "add_team_member", { p_team_id: archived.id, p_agent_id: agent.agentId }),
          409,
          "PT409",
          "a member into an archived team",
        ),
        /is archived/,
      );
      must(
        "set_ai_lenser_active",
        await o.rpc("set_ai_lenser_active", {
          p_ai_lenser_id: agent.agentId,
          p_active: false,
          p_reason: "test",
        }),
      );
      assertMatch(
        refused(
          await call(o, "fn_invoke_tool", {
            p_ai_lenser_id: agent.agentId,
            p_tool_key: "calculator",
            p_input: {},
          }),
          409,
          "PT409",
          "suspended agent",
        ),
        /agent \S+ is suspended/,
      );
      // Team runs and approvals: another user's team run id is not found (404).
      refused(
        await call(other.client, "approve_team_run", { p_team_run_id: crypto.randomUUID() }),
        404,
        "PT404",
        "approve a run one cannot see",
      );
    } finally {
      await cancelOpenRuns(sql, owner);
      // The owner stays, as in the other agent tests (an agent's ownership outlives no owner).
      await deleteUsers(sql, other);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name:
    "every SQLSTATE the project's functions raise is one the README's error table maps (none answers 500)",
  async fn() {
    const sql = db();
    try {
      // The codes of the README's table: 400, 401/403, 404, 409 (and 413 for sizes). P0002 and other
      // P0* answer 500; 40001 makes PostgREST retry the transaction for ever; 55000 answers 500.
      const mapped = new Set([
        "22023",
        "23514",
        "P0001",
        "42501",
        "PT404",
        "23505",
        "23503",
        "PT409",
        "PT413",
      ]);
      const raised = await sql<{ fn: string; code: string }[]>`
        select n.nspname || '.' || p.proname as fn, m[1] as code
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace,
             regexp_matches(p.prosrc, 'errcode\\s*=\\s*''([0-9A-Z]{5})''', 'g') m
        where n.nspname in ('public', 'lensers', 'lenses', 'agents', 'ai')`;
      assert(raised.length > 500, `found ${raised.length} raises`);
      // One internal code, never reaching a client: CLB01, a claim that judged a hard budget from a
      // stale read (ai.fn_apply_budget_periods), caught by the two RPCs that claim, which claim again.
      const internal = (r: { fn: string; code: string }) =>
        r.code === "CLB01" && r.fn === "ai.fn_apply_budget_periods";
      const unmapped = raised.filter((r) => !mapped.has(r.code) && !internal(r)).map((r) =>
        `${r.fn}: ${r.code}`
      );
      assertEquals(unmapped, [], unmapped.join("\n"));
      const catchers = await sql<{ fn: string }[]>`
        select p.proname as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prosrc ~ 'when sqlstate ''CLB01''' order by 1`;
      assertEquals(catchers.map((c) => c.fn), ["claim_workflow_tasks", "complete_workflow_tasks"]);
      const [{ bare }] = await sql<{ bare: string[] }[]>`
        select coalesce(array_agg(distinct n.nspname || '.' || p.proname), '{}') as bare
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'lensers', 'lenses', 'agents', 'ai')
          and p.prosrc ~* 'raise\\s+(exception\\s+)?sqlstate\\s+''(P000[2-9]|40001|55000)'''`;
      assertEquals(bare, []);
    } finally {
      await sql.end();
    }
  },
});
