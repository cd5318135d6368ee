// The JSON-returning RPCs answer what types/rpc-outputs.ts says they do: every public function
// returning json/jsonb has a schema in `rpcOutputs` (from the catalog, so a new one cannot be
// forgotten), and each is called through the gateway with supabase-js in the states a frontend or a
// worker meets (drafts and published versions, valid and invalid workflows, queued, waiting,
// retrying, cancelled and completed runs, empty and filled memory profiles, agent turns), its
// output parsed by its strict schema, so a field added on the database side fails here until it is
// described. The schemas are also checked to refuse what they must (a missing field, an extra one).
import { z } from "zod";
import { assert, assertEquals } from "../_support/assert.ts";
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
import { agentWorkflow, must, profiledAgent } from "../_support/agents.ts";
import { cancelOpenRuns } from "../_support/engine.ts";
import { rpcOutputs, type RpcWithJsonOutput } from "../../types/rpc-outputs.ts";

const seen = new Set<string>();

/** Calls an RPC through the gateway and parses its output with the registry's schema. */
async function call<K extends RpcWithJsonOutput>(
  client: Client,
  name: K,
  args: Record<string, unknown>,
): Promise<z.infer<(typeof rpcOutputs)[K]>> {
  // deno-lint-ignore no-explicit-any
  const { data, error } = await (client.rpc as any)(name, args);
  if (error) throw new Error(`${name}: ${error.message} (${error.code})`);
  const parsed = (rpcOutputs[name] as z.ZodType).safeParse(data);
  if (!parsed.success) {
    throw new Error(
      `${name}'s output does not parse: ${z.prettifyError(parsed.error)}\n${JSON.stringify(data)}`,
    );
  }
  seen.add(name);
  return parsed.data as z.infer<(typeof rpcOutputs)[K]>;
}

// deno-lint-ignore no-explicit-any
const rpc = (client: Client, name: string, args: Record<string, unknown>) => (client.rpc as any)(name, args);

const LLM_CALL = { input_tokens: 12, output_tokens: 7, cached_tokens: 0, latency_ms: 40, ttft_ms: 10 };

interface Claimed {
  result_id: string;
  run_id: string;
  node_key: string;
  lease_token: string;
}

/** Claims the due tasks of one run as a worker would (other due tasks are handed straight back). */
async function claimRun(service: Client, runId: string, worker: string): Promise<Claimed[]> {
  const claimed = must<Claimed[]>(
    "claim_workflow_tasks",
    await rpc(service, "claim_workflow_tasks", { p_worker_id: worker, p_limit: 50, p_lease_seconds: 120 }),
  );
  for (const other of claimed.filter((t) => t.run_id !== runId)) {
    must(
      "release_workflow_task",
      await rpc(service, "release_workflow_task", {
        p_result_id: other.result_id,
        p_lease_token: other.lease_token,
      }),
    );
  }
  return claimed.filter((t) => t.run_id === runId);
}

Deno.test("every public function returning json or jsonb has an output schema", async () => {
  const sql = db();
  try {
    const rows = await sql<{ name: string }[]>`
      select distinct p.proname as name
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prorettype in ('json'::regtype, 'jsonb'::regtype)
      order by 1`;
    const inCatalog = rows.map((r) => r.name);
    assert(inCatalog.includes("get_workflow_run"), "the catalog query finds the JSON-returning RPCs");
    const registered = Object.keys(rpcOutputs).sort();
    assertEquals(
      inCatalog.filter((n) => !registered.includes(n)),
      [],
      "JSON-returning RPCs without a schema in types/rpc-outputs.ts rpcOutputs",
    );
    assertEquals(
      registered.filter((n) => !inCatalog.includes(n)),
      [],
      "schemas in rpcOutputs for RPCs that no longer return JSON",
    );
  } finally {
    await sql.end();
  }
});

Deno.test("the strict output schemas refuse a missing or an unknown field", () => {
  const version = {
    id: crypto.randomUUID(),
    lens_id: crypto.randomUUID(),
    version_number: 1,
    status: "draft",
    template_body: "Hi",
    input_contract: null,
    output_contract: null,
    instruction_category: "instruction",
    created_by: null,
    created_at: "2026-12-02T06:35:00.123456+00:00",
    updated_at: "2026-12-02T06:35:00+00:00",
    published_at: null,
    archived_at: null,
    parameters: [],
  };
  assert(rpcOutputs.create_lens_version.safeParse(version).success, "a well-formed version parses");
  assert(!rpcOutputs.create_lens_version.safeParse({ ...version, surprise: 1 }).success, "an extra field");
  const { template_body: _, ...missing } = version;
  assert(!rpcOutputs.create_lens_version.safeParse(missing).success, "a missing field");
  assert(
    !rpcOutputs.create_lens_version.safeParse({ ...version, created_at: "yesterday" }).success,
    "a timestamp",
  );
  assert(
    !rpcOutputs.validate_workflow.safeParse({ valid: true, errors: [{ code: "cycle", message: "x" }] })
      .success,
    "valid with errors",
  );
});

Deno.test("lens, version and workflow RPCs answer their schemas", async () => {
  const sql = db();
  const users: TestUser[] = [];
  try {
    const owner = await createUser(sql, { display_name: "Output owner" });
    const other = await createUser(sql, { display_name: "Output reader" });
    users.push(owner, other);
    const me = owner.client;

    const lens = must<{ id: string }>(
      "create_lens",
      await rpc(me, "create_lens", {
        p_title: "Typed outputs",
        p_description: "for the output schemas",
        p_tags: ["Types"],
        p_params: {
          defaults: { topic: "tea" },
          ui: { icon: "pen", color: "#aabbcc", order: ["topic", "count"] },
        },
      }),
    );

    // A draft with contracts and two parameters, then changed, then published.
    const v1 = await call(me, "create_lens_version", {
      p_lens_id: lens.id,
      p_template_body: "Write [[count]] lines about [[topic]].",
      p_input_contract: { kind: "json", fields: [{ name: "topic", type: "string", required: true }] },
      p_output_contract: {
        kind: "json",
        artifactKind: "summary",
        fields: [{ name: "summary", type: "string", required: true }],
      },
      p_instruction_category: "generation",
      p_parameters: [
        { label: "topic", tool_key: "text", required: true, display_name: "Topic" },
        { label: "count", tool_key: "integer", default_value: 3, config: { min: 1, max: 10 } },
      ],
    });
    assertEquals([v1.version_number, v1.status, v1.parameters.length], [1, "draft", 2]);
    assertEquals(v1.parameters.map((p) => p.tool_key).sort(), ["integer", "text"]);
    const updated = await call(me, "update_lens_version", {
      p_version_id: v1.id,
      p_template_body: "Write [[count]] short lines about [[topic]].",
    });
    assertEquals(updated.template_body, "Write [[count]] short lines about [[topic]].");
    const reparameterised = await call(me, "set_version_parameters", {
      p_version_id: v1.id,
      p_parameters: [
        { label: "topic", tool_key: "text", required: true, display_name: "Topic" },
        { label: "count", tool_key: "integer", default_value: 2, config: { min: 1, max: 5 } },
      ],
    });
    assertEquals(reparameterised.parameters.find((p) => p.label === "count")?.default_value, 2);
    const published = await call(me, "publish_lens_version", { p_version_id: v1.id });
    assertEquals(published.status, "published");
    assert(published.published_at !== null, "a published version says when");

    // A second version without contracts or parameters, archived; a third left a draft.
    const v2 = await call(me, "create_lens_version", { p_lens_id: lens.id, p_template_body: "Plain." });
    assertEquals([v2.input_contract, v2.output_contract, v2.parameters], [null, null, []]);
    const archived = await call(me, "archive_lens_version", { p_version_id: v2.id });
    assertEquals(archived.status, "archived");
    await call(me, "create_lens_version", { p_lens_id: lens.id, p_template_body: "Still a draft." });

    const mine = await call(me, "get_lens", { p_lens_id: lens.id });
    assertEquals(mine.versions.map((v) => [v.version_number, v.status]), [[3, "draft"], [2, "archived"], [
      1,
      "published",
    ]]);
    assertEquals(mine.params.defaults, { topic: "tea" });
    must("update_lens", await rpc(me, "update_lens", { p_lens_id: lens.id, p_visibility: "public" }));
    const theirs = await call(other.client, "get_lens", { p_lens_id: lens.id });
    assert(theirs.versions.every((v) => v.status !== "draft"), "another reader sees no draft");
    await call(anonClient(), "get_lens", { p_lens_id: lens.id });

    // Workflows: empty (invalid), a node on a draft version and a mistyped edge (invalid), then valid.
    const empty = must<{ id: string }>(
      "create_workflow",
      await rpc(me, "create_workflow", { p_title: "Empty" }),
    );
    const none = await call(me, "validate_workflow", { p_workflow_id: empty.id });
    assertEquals([none.valid, none.errors.map((e) => e.code)], [false, ["no_nodes"]]);
    assertEquals((await call(me, "get_workflow", { p_workflow_id: empty.id })).nodes, []);

    const wf = must<{ id: string }>(
      "create_workflow",
      await rpc(me, "create_workflow", {
        p_title: "Typed",
        p_tags: ["Types"],
      }),
    );
    const [localModel] = await sql<{ id: string }[]>`select id from ai.models where model_key = 'local-echo'`;
    const write = must<{ id: string }>(
      "add_workflow_node",
      await rpc(me, "add_workflow_node", {
        p_workflow_id: wf.id,
        p_key: "write",
        p_lens_version_id: v1.id,
        p_title: "Write",
        p_config: {
          model_id: localModel.id,
          timeout_ms: 60000,
          retry: { max_retries: 2 },
          position: { x: 0, y: 0 },
        },
      }),
    );
    const draftNode = must<{ id: string }>(
      "add_workflow_node",
      await rpc(me, "add_workflow_node", {
        p_workflow_id: wf.id,
        p_key: "unfinished",
        p_lens_version_id: (await call(me, "get_lens", { p_lens_id: lens.id })).versions[0].id,
      }),
    );
    const review = must<{ id: string }>(
      "add_workflow_node",
      await rpc(me, "add_workflow_node", {
        p_workflow_id: wf.id,
        p_key: "review",
        p_inline_override: {
          template_body: "Review: [[summary]]",
          input_contract: { kind: "json", fields: [{ name: "summary", type: "string", required: true }] },
          output_contract: { kind: "text", artifactKind: "markdown" },
          parameters: [{ label: "summary", type: "textarea", required: true }],
        },
      }),
    );
    const ask = must<{ id: string }>(
      "add_workflow_node",
      await rpc(me, "add_workflow_node", {
        p_workflow_id: wf.id,
        p_key: "approve",
        p_kind: "human_input",
        p_config: { prompt: "Send it?", timeout_ms: 3_600_000 },
      }),
    );
    must(
      "add_workflow_edge",
      await rpc(me, "add_workflow_edge", {
        p_source_node_id: write.id,
        p_target_node_id: review.id,
        p_condition: '$.summary != ""',
        p_source_output_path: "summary",
        p_target_input_path: "summary",
      }),
    );
    const wrongEdge = must<{ id: string }>(
      "add_workflow_edge",
      await rpc(me, "add_workflow_edge", {
        p_source_node_id: write.id,
        p_target_node_id: review.id,
        p_source_output_path: "summary",
        p_target_input_path: "notes",
        p_merge_strategy: "concat",
      }),
    );
    must(
      "add_workflow_edge",
      await rpc(me, "add_workflow_edge", {
        p_source_node_id: review.id,
        p_target_node_id: ask.id,
      }),
    );
    const invalid = await call(me, "validate_workflow", { p_workflow_id: wf.id });
    assertEquals(invalid.valid, false);
    assert(
      invalid.errors.some((e) => e.code === "version_not_published" && e.node_key === "unfinished"),
      JSON.stringify(invalid.errors),
    );
    assert(invalid.errors.some((e) => e.edge_id === wrongEdge.id), JSON.stringify(invalid.errors));
    const detail = await call(me, "get_workflow", { p_workflow_id: wf.id });
    assertEquals(detail.nodes.map((n) => `${n.key}:${n.kind}`), [
      "approve:human_input",
      "review:lens",
      "unfinished:lens",
      "write:lens",
    ]);
    assertEquals(detail.edges.length, 3);
    assert(
      detail.edges.some((e) => e.condition !== null && e.source_key === "write"),
      "the condition is kept",
    );

    must("remove_workflow_edge", await rpc(me, "remove_workflow_edge", { p_edge_id: wrongEdge.id }));
    must("remove_workflow_node", await rpc(me, "remove_workflow_node", { p_node_id: draftNode.id }));
    assertEquals(await call(me, "validate_workflow", { p_workflow_id: wf.id }), { valid: true, errors: [] });
    must("publish_workflow", await rpc(me, "publish_workflow", { p_workflow_id: wf.id }));
    const live = await call(me, "get_workflow", { p_workflow_id: wf.id });
    assertEquals([live.status, live.nodes.length, live.edges.length], ["published", 3, 2]);
  } finally {
    await deleteUsers(sql, ...users);
    await sql.end();
  }
});

Deno.test("run and worker RPCs answer their schemas in every state of a run", async () => {
  const sql = db();
  const users: TestUser[] = [];
  const service = serviceClient();
  try {
    const owner = await createUser(sql, { display_name: "Run owner" });
    users.push(owner);
    const me = owner.client;
    const workflow = await buildWorkflow(me, {
      title: "typed run",
      nodes: [
        { key: "draft", template: "Draft it." },
        {
          key: "score",
          template: "Score it.",
          outputContract: {
            kind: "json",
            artifactKind: "summary",
            fields: [{ name: "score", type: "number", required: true }],
          },
        },
        { key: "ask", kind: "human_input", config: { prompt: "Go on?" } },
        { key: "finish", template: "Finish." },
      ],
      edges: [{ from: "draft", to: "ask" }, { from: "score", to: "finish" }],
    });

    // Queued: nothing leased yet.
    const started = must<{ id: string }>(
      "start_workflow_run",
      await rpc(me, "start_workflow_run", {
        p_workflow_id: workflow.id,
        p_input: { topic: "tea" },
        p_deadline_seconds: 3600,
      }),
    );
    const queued = await call(me, "get_workflow_run", { p_run_id: started.id });
    assertEquals(queued.status, "queued");
    assertEquals(queued.results.map((r) => r.node_key), ["ask", "draft", "finish", "score"]);

    // Running: both roots leased by a worker.
    const tasks = await claimRun(service, started.id, "rpc-outputs-1");
    assertEquals(tasks.map((t) => t.node_key).sort(), ["draft", "score"]);
    const running = await call(me, "get_workflow_run", { p_run_id: started.id });
    assertEquals(running.status, "running");
    assert(
      running.results.some((r) => r.lease_owner === "rpc-outputs-1"),
      "a leased result names its worker",
    );
    const byKey = Object.fromEntries(tasks.map((t) => [t.node_key, t]));

    // A completion, a contract violation (retrying), a failure (retrying with when).
    const done = await call(service, "complete_workflow_task", {
      p_result_id: byKey.draft.result_id,
      p_lease_token: byKey.draft.lease_token,
      p_text: "A draft.",
      p_llm_call: LLM_CALL,
    });
    assertEquals(done.status, "completed");
    const violated = await call(service, "complete_workflow_task", {
      p_result_id: byKey.score.result_id,
      p_lease_token: byKey.score.lease_token,
      p_text: "not json",
      p_llm_call: LLM_CALL,
    });
    assertEquals([violated.status, violated.error_kind], ["retrying", "contract_violation"]);

    // The human input now waits; the inspector names it.
    const waiting = await call(me, "get_workflow_run", { p_run_id: started.id });
    const askResult = waiting.results.find((r) => r.node_key === "ask")!;
    assertEquals(askResult.waiting_reason, "human_input");
    assertEquals(waiting.active_node_id, askResult.node_id);

    // The score node's retry, leased once it is due, then failed for good by a client error.
    await sql`update lenses.workflow_node_results set next_attempt_at = now() where id = ${byKey.score.result_id}`;
    const [retry] = await claimRun(service, started.id, "rpc-outputs-2");
    assertEquals(retry?.node_key, "score");
    const failed = await call(service, "fail_workflow_task", {
      p_result_id: retry.result_id,
      p_lease_token: retry.lease_token,
      p_error_kind: "client",
      p_error_message: "bad request",
      p_llm_call: LLM_CALL,
    });
    assertEquals(failed.status, "failed");
    const ended = await call(me, "get_workflow_run", { p_run_id: started.id });
    assert(["failed", "running"].includes(ended.status), ended.status);
    if (ended.status !== "failed") {
      must("cancel_workflow_run", await rpc(me, "cancel_workflow_run", { p_run_id: started.id }));
      assertEquals((await call(me, "get_workflow_run", { p_run_id: started.id })).status, "cancelled");
    }

    // A second run, completed in batches: a lost lease answered beside a completion, and the successor
    // leased in the same call; then the run's completed output.
    const second = must<{ id: string }>(
      "start_workflow_run",
      await rpc(me, "start_workflow_run", {
        p_workflow_id: workflow.id,
        p_input: {},
      }),
    );
    const roots = Object.fromEntries(
      (await claimRun(service, second.id, "rpc-outputs-3")).map((t) => [t.node_key, t]),
    );
    const batch = await call(service, "complete_workflow_tasks", {
      p_completions: [
        {
          result_id: roots.score.result_id,
          lease_token: roots.score.lease_token,
          output: { score: 0.9 },
          llm_call: LLM_CALL,
        },
        { result_id: roots.draft.result_id, lease_token: crypto.randomUUID(), text: "x", llm_call: LLM_CALL },
      ],
      p_worker_id: "rpc-outputs-3",
      p_claim_limit: 5,
      p_lease_seconds: 120,
    });
    assertEquals(batch.answers.map((a) => a.status), ["completed", "lost"]);
    const next = batch.tasks.filter((t) => t.run_id === second.id);
    assertEquals(next.map((t) => t.node_key), ["finish"]);
    for (const t of batch.tasks.filter((t) => t.run_id !== second.id)) {
      must(
        "release_workflow_task",
        await rpc(service, "release_workflow_task", {
          p_result_id: t.result_id,
          p_lease_token: t.lease_token,
        }),
      );
    }
    const last = await call(service, "complete_workflow_tasks", {
      p_completions: [
        {
          result_id: roots.draft.result_id,
          lease_token: roots.draft.lease_token,
          text: "A draft.",
          llm_call: LLM_CALL,
        },
        {
          result_id: next[0].result_id,
          lease_token: next[0].lease_token,
          text: "Finished.",
          llm_call: LLM_CALL,
        },
      ],
    });
    assertEquals([last.answers.map((a) => a.status), last.tasks], [["completed", "completed"], []]);
    must(
      "submit_human_input",
      await rpc(me, "submit_human_input", {
        p_run_id: second.id,
        p_node_key: "ask",
        p_value: { go: true },
      }),
    );
    const completed = await call(me, "get_workflow_run", { p_run_id: second.id });
    assertEquals(completed.status, "completed");
    assert(completed.output !== null && completed.finished_at !== null, "a completed run has its output");
    assert(completed.total_input_tokens > 0, "the ledger's sums");
  } finally {
    await deleteUsers(sql, ...users);
    await sql.end();
  }
});

Deno.test("memory profile summaries answer their schema, empty and filled", async () => {
  const sql = db();
  const users: TestUser[] = [];
  let agentId: string | undefined;
  try {
    const owner = await createUser(sql, { display_name: "Memory owner" });
    users.push(owner);
    const agent = await profiledAgent(sql, owner);
    agentId = agent.agentId;
    const emptySummary = await call(owner.client, "fn_summarize_memory_profile", {
      p_memory_profile_id: agent.memoryProfileId,
    });
    assertEquals(
      [emptySummary.total, emptySummary.averageConfidence, emptySummary.oldestAt, emptySummary.byScope],
      [0, null, null, {}],
    );
    const written: string[] = [];
    for (
      const [content, scope, confidence] of [["likes tea", "agent", 0.9], [
        "ships on fridays",
        "team",
        0.5,
      ]] as const
    ) {
      const entry = must<{ id: string }>(
        "fn_write_memory_entry",
        await rpc(owner.client, "fn_write_memory_entry", {
          p_memory_profile_id: agent.memoryProfileId,
          p_content: content,
          p_scope: scope,
          p_confidence: confidence,
          p_expires_at: new Date(Date.now() + 86_400_000).toISOString(),
        }),
      );
      written.push(entry.id);
    }
    must(
      "fn_redact_memory_entry",
      await rpc(owner.client, "fn_redact_memory_entry", { p_memory_id: written[1] }),
    );
    const summary = await call(owner.client, "fn_summarize_memory_profile", {
      p_memory_profile_id: agent.memoryProfileId,
    });
    assertEquals([summary.total, summary.live, summary.redacted, summary.averageConfidence], [2, 1, 1, 0.9]);
    assertEquals(summary.byScope, { agent: 1 });
    assertEquals(summary.bySource, { manual: 1 });
    assert(summary.nextExpiryAt !== null, "the live entry's expiry");
  } finally {
    if (agentId) {
      // An agent that ran leaves through the retention function's erasure (README "Retention").
      for (
        const { profile_id } of await sql<{ profile_id: string }[]>`
        select profile_id from agents.ai_lensers where id = ${agentId}`
      ) {
        await sql`select lenses.fn_purge_runs(p_lenser_id => ${profile_id})`;
      }
    }
    await deleteUsers(sql, ...users);
    await sql.end();
  }
});

Deno.test("agent-turn worker RPCs answer their schemas", async () => {
  const sql = db();
  const users: TestUser[] = [];
  const service = serviceClient();
  let agentId: string | undefined;
  try {
    const owner = await createUser(sql, { display_name: "Agent owner" });
    users.push(owner);
    const agent = await profiledAgent(sql, owner, {
      allowTools: ["calculator", "run_workflow", "memory_search"],
      summaryStrategy: "none",
    });
    agentId = agent.agentId;
    const sub = await agentWorkflow(owner.client, agent, [{ key: "inner", template: "Inner." }]);
    const outer = await agentWorkflow(owner.client, agent, [{ key: "turn", template: "Think." }]);
    const run = must<{ id: string }>(
      "start_workflow_run",
      await rpc(owner.client, "start_workflow_run", {
        p_workflow_id: outer.id,
        p_input: {},
      }),
    );
    const [task] = await claimRun(service, run.id, "rpc-outputs-agent");
    assertEquals(task?.node_key, "turn");

    // Memories of the turn, from the prompt's embedding (the profile's embedding model: the local one).
    const [{ model }] = await sql<
      { model: string }[]
    >`select ai.fn_local_embedding_model_id()::text as model`;
    const embedding = `[${Array.from({ length: 1536 }, (_, i) => (i === 7 ? 1 : 0)).join(",")}]`;
    const entry = must<{ id: string }>(
      "fn_write_memory_entry",
      await rpc(owner.client, "fn_write_memory_entry", {
        p_memory_profile_id: agent.memoryProfileId,
        p_content: "prefers metric units",
        p_scope: "agent",
        p_embedding: embedding,
        p_embedding_model_id: model,
      }),
    );
    const memories = await call(service, "retrieve_agent_memories", {
      p_result_id: task.result_id,
      p_lease_token: task.lease_token,
      p_embedding_model_id: model,
      p_embedding: embedding,
    });
    assertEquals(memories.map((m) => m.id), [entry.id]);

    // The model asks for three calls: one to make now, one that waits for approval, one refused.
    const turn = await call(service, "record_agent_model_turn", {
      p_result_id: task.result_id,
      p_lease_token: task.lease_token,
      p_message: {
        content: "Working on it.",
        tool_calls: [
          { id: "c1", name: "calculator", arguments: '{"expression":"1+1"}', input: { expression: "1+1" } },
          {
            id: "c2",
            name: "run_workflow",
            arguments: JSON.stringify({ workflow_id: sub.id }),
            input: { workflow_id: sub.id },
          },
          {
            id: "c3",
            name: "http_get",
            arguments: '{"url":"https://example.com"}',
            input: { url: "https://example.com" },
          },
        ],
      },
      p_llm_call: LLM_CALL,
    });
    assertEquals([turn.round, turn.limit_reached], [1, false]);
    assertEquals(turn.calls.map((c) => `${c.tool_key}:${c.action}`), [
      "calculator:execute",
      "run_workflow:await_approval",
      "http_get:refused",
    ]);

    // Approved, the run_workflow call starts the sub-run; a call naming no workflow ends failed.
    const waiting = turn.calls.find((c) => c.action === "await_approval")!;
    must(
      "park_agent_task",
      await rpc(service, "park_agent_task", {
        p_result_id: task.result_id,
        p_lease_token: task.lease_token,
      }),
    );
    must(
      "fn_approve_tool_invocation",
      await rpc(owner.client, "fn_approve_tool_invocation", {
        p_invocation_id: (waiting as { invocation_id: string }).invocation_id,
      }),
    );
    const [again] = await claimRun(service, run.id, "rpc-outputs-agent");
    assertEquals(again?.node_key, "turn");
    must(
      "start_agent_tool_call",
      await rpc(service, "start_agent_tool_call", {
        p_result_id: again.result_id,
        p_lease_token: again.lease_token,
        p_invocation_id: (waiting as { invocation_id: string }).invocation_id,
      }),
    );
    const startedSub = await call(service, "start_agent_sub_run", {
      p_result_id: again.result_id,
      p_lease_token: again.lease_token,
      p_invocation_id: (waiting as { invocation_id: string }).invocation_id,
    });
    assert(startedSub.started, JSON.stringify(startedSub));
  } finally {
    await cancelOpenRuns(sql, users[0]).catch(() => {});
    if (agentId) {
      // An agent that ran leaves through the retention function's erasure (README "Retention").
      for (
        const { profile_id } of await sql<{ profile_id: string }[]>`
        select profile_id from agents.ai_lensers where id = ${agentId}`
      ) {
        await sql`select lenses.fn_purge_runs(p_lenser_id => ${profile_id})`;
      }
    }
    await deleteUsers(sql, ...users);
    await sql.end();
  }
});

Deno.test("record_guardrail_judgement: a pending model judge's answer merged into the verdict, and a failure that blocks", async () => {
  const sql = db();
  const owner = await createUser(sql);
  const service = serviceClient();
  let agentId: string | undefined;
  try {
    agentId = must<{ id: string }>(
      "create_ai_lenser",
      await rpc(owner.client, "create_ai_lenser", {
        p_handle: `rpc-guard-${owner.id.slice(0, 8)}`,
        p_display_name: "Guard",
      }),
    ).id;
    const rule = must<{ id: string }>(
      "create_guardrail_rule",
      await rpc(owner.client, "create_guardrail_rule", {
        p_tier: "agent",
        p_name: "polite",
        p_kind: "model_judge",
        p_action: "rewrite",
        p_config: { instruction: "Be polite." },
        p_ai_lenser_id: agentId,
      }),
    );
    const [{ v }] =
      await sql`select agents.fn_check_guardrails(${agentId}::uuid, null, null, 'output', 'go away') as v`;
    const judged = await call(service, "record_guardrail_judgement", {
      p_verdict: v,
      p_rule_id: rule.id,
      p_judgement: { allow: false, reason: "rude", rewrite: "Please leave." },
    });
    assertEquals([judged.verdict, judged.text, judged.pending.length, judged.hits[0].reason], [
      "rewrite",
      "Please leave.",
      0,
      "rude",
    ]);
    const failed = await call(service, "record_guardrail_judgement", {
      p_verdict: v,
      p_rule_id: rule.id,
      p_judgement: { error: "timeout" },
    });
    assertEquals([failed.verdict, failed.text, failed.hits[0].action], ["block", null, "block"]);
    const { error } = await rpc(owner.client, "record_guardrail_judgement", {
      p_verdict: v,
      p_rule_id: rule.id,
      p_judgement: { allow: true, reason: "x" },
    });
    assertEquals(error?.code, "42501", "a user may not record judgements");
  } finally {
    if (agentId) {
      for (
        const { profile_id } of await sql<{ profile_id: string }[]>`
        select profile_id from agents.ai_lensers where id = ${agentId}`
      ) {
        await sql`select lenses.fn_purge_runs(p_lenser_id => ${profile_id})`;
      }
    }
    await deleteUsers(sql, owner);
    await sql.end();
  }
});

Deno.test("channel webhook RPCs answer their schemas: stored, duplicate, statuses applied and ignored", async () => {
  const sql = db();
  const users: TestUser[] = [];
  const service = serviceClient();
  let agentId: string | undefined;
  try {
    const owner = await createUser(sql, { display_name: "Channel owner" });
    users.push(owner);
    const agent = must<{ id: string }>(
      "create_ai_lenser",
      await rpc(owner.client, "create_ai_lenser", {
        p_handle: `out-chan-${crypto.randomUUID().slice(0, 8)}`,
        p_display_name: "Channel agent",
      }),
    );
    agentId = agent.id;
    const binding = must<{ id: string }>(
      "create_channel_binding",
      await rpc(owner.client, "create_channel_binding", {
        p_ai_lenser_id: agent.id,
        p_channel: "web",
        p_name: "Site chat",
        p_allowed_origins: ["https://shop.example"],
      }),
    );
    const message = {
      kind: "message",
      providerMessageId: `web.${crypto.randomUUID()}`,
      sender: { externalId: `visitor:${crypto.randomUUID()}`, name: "Visitor" },
      body: "hello",
      media: [{ type: "image", url: "https://cdn.example/cat.png", mimeType: "image/png" }],
      metadata: { page: "/pricing" },
      sentAt: new Date().toISOString(),
    };
    const stored = await call(service, "receive_channel_events", {
      p_binding_id: binding.id,
      p_events: [message],
    });
    assertEquals([stored.stored, stored.duplicates, stored.messageIds.length], [1, 0, 1]);
    const again = await call(service, "receive_channel_events", {
      p_binding_id: binding.id,
      p_events: [message],
    });
    assertEquals([again.stored, again.duplicates, again.messageIds], [0, 1, []]);
    const empty = await call(service, "receive_channel_events", { p_binding_id: binding.id, p_events: [] });
    assertEquals(empty, { stored: 0, duplicates: 0, statuses: 0, ignored: 0, messageIds: [] });
    const [conv] = await sql<{ id: string; contact_id: string }[]>`
      select id, contact_id from agents.conversations where binding_id = ${binding.id}`;
    const outId = `web.out.${crypto.randomUUID()}`;
    await sql.begin(async (tx) => {
      await tx`update agents.conversations set last_message_seq = 2 where id = ${conv.id}`;
      await tx`insert into agents.messages (conversation_id, seq, binding_id, ai_lenser_id, channel, direction, contact_id, body,
          provider_message_id, delivery_status)
        values (${conv.id}, 2, ${binding.id}, ${agent.id}, 'web', 'outbound', ${conv.contact_id}, 'hi!', ${outId}, 'queued')`;
    });
    const at = new Date().toISOString();
    const statuses = await call(service, "receive_channel_events", {
      p_binding_id: binding.id,
      p_events: [
        { kind: "status", providerMessageId: outId, status: "read", at },
        { kind: "status", providerMessageId: outId, status: "delivered", at },
        {
          kind: "status",
          providerMessageId: "unknown",
          status: "failed",
          error: { code: 500, title: "x" },
          at,
        },
      ],
    });
    assertEquals([statuses.statuses, statuses.ignored], [1, 2]);
  } finally {
    if (agentId) {
      for (
        const { profile_id } of await sql<{ profile_id: string }[]>`
        select profile_id from agents.ai_lensers where id = ${agentId}`
      ) {
        await sql`select lenses.fn_purge_runs(p_lenser_id => ${profile_id})`;
      }
    }
    await deleteUsers(sql, ...users);
    await sql.end();
  }
});

/** A new agent of the owner's with a WhatsApp binding (no secrets set: nothing is sent). */
async function whatsappAgent(owner: TestUser, handle: string, extra: Record<string, unknown> = {}) {
  const agent = must(
    "create_ai_lenser",
    await rpc(owner.client, "create_ai_lenser", {
      p_handle: `${handle}-${crypto.randomUUID().slice(0, 8)}`,
      p_display_name: "Ch",
    }),
  ) as { id: string };
  const binding = must(
    "create_channel_binding",
    await rpc(owner.client, "create_channel_binding", {
      p_ai_lenser_id: agent.id,
      p_channel: "whatsapp",
      p_name: "Outputs",
      p_routing_key: String(Math.floor(Math.random() * 1e12)),
      p_app_secret_env: "WA_APP_SECRET",
      p_verify_token_env: "WA_VERIFY_TOKEN",
      p_access_token_env: "WA_ACCESS_TOKEN",
      ...extra,
    }),
  ) as { id: string };
  return { agent, binding };
}

Deno.test("channel worker RPCs: receive, dispatch, claim, complete and fail outbox sends", async () => {
  const sql = db();
  const service = serviceClient();
  const owner = await createUser(sql);
  try {
    const { binding } = await whatsappAgent(owner, "rpc-out-ch", { p_debounce_ms: 0 });
    const received = await call(service, "receive_channel_events", {
      p_binding_id: binding.id,
      p_events: [{
        kind: "message",
        providerMessageId: `wamid.outputs.${crypto.randomUUID()}`,
        sender: { externalId: "4915550100", name: "Out" },
        body: "hello",
        sentAt: new Date().toISOString(),
      }],
    });
    assertEquals(received.stored, 1);
    const dispatched = await call(service, "dispatch_conversation_turns", { p_limit: 10 });
    assert(dispatched.started >= 1, JSON.stringify(dispatched));
    // Two outbound messages in the outbox (as a run's end would put them).
    const [{ id: conversationId }] = await sql<{ id: string }[]>`
      select id from agents.conversations where binding_id = ${binding.id}`;
    const ids: string[] = [];
    for (const text of ["one", "two"]) {
      const [{ id }] = await sql<
        { id: string }[]
      >`select agents.fn_reply_outbound(${conversationId}, ${text}) as id`;
      ids.push(id);
    }
    const claimed = await call(service, "claim_channel_sends", {
      p_worker: "rpc-outputs",
      p_limit: 500,
      p_lease_seconds: 60,
    });
    const ours = claimed.filter((c) => ids.includes(c.messageId));
    assertEquals(ours.length, 2);
    const done = await call(service, "complete_channel_send", {
      p_message_id: ours[0].messageId,
      p_lease_token: ours[0].leaseToken,
      p_provider_message_id: `wamid.sent.${crypto.randomUUID()}`,
    });
    assertEquals(done.status, "sent");
    const failed = await call(service, "fail_channel_send", {
      p_message_id: ours[1].messageId,
      p_lease_token: ours[1].leaseToken,
      p_error: { code: "131026", message: "undeliverable" },
      p_retry_after_ms: null,
      p_retryable: false,
    });
    assertEquals(failed.status, "failed");
    // Anything else claimed goes straight back to the queue.
    for (const other of claimed.filter((c) => !ids.includes(c.messageId))) {
      await rpc(service, "fail_channel_send", {
        p_message_id: other.messageId,
        p_lease_token: other.leaseToken,
        p_error: { code: "handed_back", message: "rpc_outputs_test" },
        p_retry_after_ms: 0,
        p_retryable: true,
      });
    }
  } finally {
    await cancelOpenRuns(sql, owner).catch(() => {});
    for (
      const { profile_id } of await sql<{ profile_id: string }[]>`
      select a.profile_id from agents.ai_lensers a join agents.ownerships o on o.ai_lenser_id = a.id
      join lensers.profiles p on p.id = o.owner_lenser_id where p.user_id = ${owner.id}`
    ) {
      await sql`select lenses.fn_purge_runs(p_lenser_id => ${profile_id})`;
    }
    await deleteUsers(sql, owner);
    await sql.end();
  }
});

Deno.test("guardrail judgement RPCs: a held reply claimed and completed by the service role only", async () => {
  const sql = db();
  const service = serviceClient();
  const owner = await createUser(sql);
  try {
    const { agent, binding } = await whatsappAgent(owner, "rpc-out-gj");
    must(
      "create_guardrail_rule",
      await rpc(owner.client, "create_guardrail_rule", {
        p_tier: "binding",
        p_name: "polite",
        p_kind: "model_judge",
        p_action: "rewrite",
        p_config: { instruction: "Be polite." },
        p_ai_lenser_id: agent.id,
        p_binding_id: binding.id,
        p_direction: "output",
      }),
    );
    await call(service, "receive_channel_events", {
      p_binding_id: binding.id,
      p_events: [{
        kind: "message",
        providerMessageId: `wamid.judged.${crypto.randomUUID()}`,
        sender: { externalId: "4915550111", name: "Judged" },
        body: "hello",
        sentAt: new Date().toISOString(),
      }],
    });
    const [{ id: conversationId }] = await sql<{ id: string }[]>`
      select id from agents.conversations where binding_id = ${binding.id}`;
    const [{ id: messageId }] = await sql<{ id: string }[]>`
      select agents.fn_reply_outbound(${conversationId}, 'go away') as id`;
    for (const name of ["claim_guardrail_judgements", "complete_guardrail_judgement"]) {
      const { error } = await rpc(
        owner.client,
        name,
        name.startsWith("claim")
          ? { p_worker: "me", p_limit: 10, p_lease_seconds: 60 }
          : { p_id: crypto.randomUUID(), p_lease_token: crypto.randomUUID(), p_verdict: {} },
      );
      assertEquals(error?.code, "42501", `${name}: the worker's, not a user's`);
    }
    const claimed = await call(service, "claim_guardrail_judgements", {
      p_worker: "rpc-outputs",
      p_limit: 100,
      p_lease_seconds: 60,
    });
    const [ours] = claimed.filter((c) => c.verdict.bindingId === binding.id);
    assertEquals([ours.direction, ours.attempt, ours.verdict.original], ["output", 1, "go away"]);
    const final = must(
      "record_guardrail_judgement",
      await rpc(service, "record_guardrail_judgement", {
        p_verdict: ours.verdict,
        p_rule_id: ours.verdict.pending[0].ruleId,
        p_judgement: { allow: false, reason: "rude", rewrite: "Goodbye for now." },
      }),
    );
    // A judge call that is not {modelId, ruleId, call}: 400, and the judgement is still pending.
    const badCalls = await rpc(service, "complete_guardrail_judgement", {
      p_id: ours.id,
      p_lease_token: ours.leaseToken,
      p_verdict: final,
      p_calls: [{ modelId: null, ruleId: "not-a-uuid", call: {} }],
    });
    assertEquals([badCalls.status, badCalls.error?.code], [400, "22023"], "a malformed judge call");
    const [pending] = await sql<{ status: string; calls: number }[]>`
      select j.status::text as status,
             (select count(*)::int from ai.llm_calls c where c.metadata ->> 'guardrailJudgementId' = ${ours.id}) as calls
      from agents.guardrail_judgements j where j.id = ${ours.id}`;
    assertEquals(pending, { status: "pending", calls: 0 }, "nothing changed");
    const done = await call(service, "complete_guardrail_judgement", {
      p_id: ours.id,
      p_lease_token: ours.leaseToken,
      p_verdict: final,
      p_calls: [{
        modelId: null,
        ruleId: ours.verdict.pending[0].ruleId,
        call: { input_tokens: 9, output_tokens: 3, cached_tokens: 0, latency_ms: 4, ttft_ms: null },
      }],
    });
    assertEquals([done.verdict, done.messageId, done.fallbackMessageId, done.turnId], [
      "rewrite",
      messageId,
      null,
      null,
    ]);
    const again = await rpc(service, "complete_guardrail_judgement", {
      p_id: ours.id,
      p_lease_token: ours.leaseToken,
      p_verdict: final,
    });
    assertEquals([again.status, again.error?.code], [409, "PT409"], "exactly once");
    const [ledger] = await sql<{ n: number; unpriced: boolean }[]>`
      select count(*)::int as n, bool_and(unpriced) as unpriced from ai.llm_calls
      where metadata ->> 'guardrailJudgementId' = ${ours.id}`;
    assertEquals(
      ledger,
      { n: 1, unpriced: true },
      "the judge's call written once (no model: unpriced, never a silent 0)",
    );
    // Anything else claimed is left to its lease.
  } finally {
    for (
      const { profile_id } of await sql<{ profile_id: string }[]>`
      select a.profile_id from agents.ai_lensers a join agents.ownerships o on o.ai_lenser_id = a.id
      join lensers.profiles p on p.id = o.owner_lenser_id where p.user_id = ${owner.id}`
    ) {
      await sql`select lenses.fn_purge_runs(p_lenser_id => ${profile_id})`;
    }
    await deleteUsers(sql, owner);
    await sql.end();
  }
});

Deno.test("every JSON-returning RPC was called and its output parsed above", () => {
  // Runs after the tests above in this file (Deno runs a file's tests in order).
  assertEquals(Object.keys(rpcOutputs).filter((n) => !seen.has(n)), []);
});
