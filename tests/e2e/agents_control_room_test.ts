// The control room as a frontend and the engine use it: supabase-js through the gateway, real JWTs.
// Memory with 1536-dimension embeddings passed as JSON, and a tool call that waits for an owner's
// approval while an operator may only invoke it.
import { assert, assertEquals, assertExists } from "../_support/assert.ts";
import { anonClient, createUser, db, deleteUsers, serviceClient } from "../_support/stack.ts";

/** A 1536-dimension embedding, zero but for the given positions, as PostgREST takes a vector: its text. */
function embedding(...positions: number[]): string {
  const v = new Array(1536).fill(0);
  for (const p of positions) v[p] = 1;
  return JSON.stringify(v);
}

const suffix = () => crypto.randomUUID().slice(0, 8);

/**
 * Removes agents (their AI profiles; everything of theirs goes with them) before their owners can go:
 * erased through the retention purge (README "Retention"), the one way their runs and logs leave.
 */
async function deleteAgents(sql: ReturnType<typeof db>, ...ids: (string | undefined)[]) {
  const known = ids.filter((id): id is string => id !== undefined);
  if (known.length) {
    const profiles = await sql<{ profile_id: string }[]>`
      select a.profile_id from agents.ai_lensers a where a.id in ${sql(known)}`;
    for (const { profile_id } of profiles) await sql`select lenses.fn_purge_runs(p_lenser_id => ${profile_id})`;
  }
}

Deno.test("memory: write with embeddings, top-k by similarity, 1536 dimensions or a clear error", async () => {
  const sql = db();
  const owner = await createUser(sql, { handle: `mem-owner-${suffix()}` });
  const other = await createUser(sql);
  let agentId: string | undefined;
  try {
    const agent = await owner.client.rpc("create_ai_lenser", {
      p_handle: `mem-agent-${suffix()}`,
      p_display_name: "Memo",
    });
    assertEquals(agent.error, null);
    agentId = agent.data!.id;
    const profile = await owner.client.rpc("create_memory_profile", {
      p_ai_lenser_id: agent.data!.id,
      p_name: "Notes",
      p_retention_days: 7,
      p_is_default: true,
    });
    assertEquals(profile.error, null);
    const profileId = profile.data!.id;

    for (const [content, position] of [["north", 0], ["east", 1], ["north-east", 2]] as const) {
      const written = await owner.client.rpc("fn_write_memory_entry", {
        p_memory_profile_id: profileId,
        p_content: content,
        p_embedding: content === "north-east" ? embedding(0, 1) : embedding(position),
      });
      assertEquals(written.error, null);
    }
    const nearest = await owner.client.rpc("fn_read_memory_entries", {
      p_memory_profile_id: profileId,
      p_query_embedding: embedding(0),
      p_limit: 2,
    });
    assertEquals(nearest.error, null);
    assertEquals(nearest.data!.map((e) => e.content), ["north", "north-east"]);
    assert(Math.abs(nearest.data![0].similarity! - 1) < 1e-6, "the nearest entry is identical to the query");

    const wrong = await owner.client.rpc("fn_write_memory_entry", {
      p_memory_profile_id: profileId,
      p_content: "too short",
      p_embedding: JSON.stringify([1, 0, 0]),
    });
    assertEquals(wrong.error?.code, "22023");
    assertEquals(
      wrong.error?.message,
      "fn_write_memory_entry: p_embedding must have exactly 1536 dimensions, got 3",
    );

    const summary = await owner.client.rpc("fn_summarize_memory_profile", { p_memory_profile_id: profileId });
    assertEquals(summary.error, null);
    assertEquals((summary.data as Record<string, unknown>).live, 3);

    const stranger = await other.client.rpc("fn_read_memory_entries", { p_memory_profile_id: profileId });
    assertEquals(stranger.error?.code, "PT404");
    const anon = await anonClient().rpc("fn_read_memory_entries", { p_memory_profile_id: profileId });
    assertExists(anon.error, "anon cannot read memory");
  } finally {
    await deleteAgents(sql, agentId);
    await deleteUsers(sql, owner, other);
    await sql.end();
  }
});

Deno.test("tools: an operator invokes, only an owner approves, once; the engine completes", async () => {
  const sql = db();
  const owner = await createUser(sql, { handle: `tool-owner-${suffix()}` });
  const operatorHandle = `tool-op-${suffix()}`;
  const operator = await createUser(sql, { handle: operatorHandle });
  const other = await createUser(sql);
  let agentId: string | undefined;
  try {
    const agent = await owner.client.rpc("create_ai_lenser", {
      p_handle: `tool-agent-${suffix()}`,
      p_display_name: "Toolie",
    });
    assertEquals(agent.error, null);
    agentId = agent.data!.id;
    const granted = await owner.client.rpc("grant_ai_lenser_ownership", {
      p_ai_lenser_id: agentId,
      p_owner_handle: operatorHandle,
      p_role: "operator",
    });
    assertEquals(granted.error, null);
    const profile = await owner.client.rpc("create_tool_profile", {
      p_ai_lenser_id: agentId,
      p_name: "Workflows",
      p_tool_groups: ["workflows", "utility"],
      p_is_default: true,
    });
    assertEquals(profile.error, null);

    const invoked = await operator.client.rpc("fn_invoke_tool", {
      p_ai_lenser_id: agentId,
      p_tool_key: "run_workflow",
      p_input: { workflow_id: crypto.randomUUID() },
    });
    assertEquals(invoked.error, null);
    assertEquals(invoked.data!.status, "awaiting_approval");
    const invocationId = invoked.data!.id;

    const byOperator = await operator.client.rpc("fn_approve_tool_invocation", {
      p_invocation_id: invocationId,
    });
    assertEquals(byOperator.error?.code, "42501");
    const byOther = await other.client.rpc("fn_approve_tool_invocation", { p_invocation_id: invocationId });
    assertEquals(byOther.error?.code, "PT404");

    const approved = await owner.client.rpc("fn_approve_tool_invocation", { p_invocation_id: invocationId });
    assertEquals(approved.error, null);
    assertEquals(approved.data!.status, "approved");
    const twice = await owner.client.rpc("fn_reject_tool_invocation", {
      p_invocation_id: invocationId,
      p_reason: "too late",
    });
    assertEquals(twice.error?.code, "PT409");
    assertEquals(
      twice.error?.message,
      `fn_reject_tool_invocation: invocation ${invocationId} is not awaiting approval (it is approved)`,
    );

    const engine = serviceClient();
    assertEquals(
      (await engine.rpc("fn_complete_tool_invocation", {
        p_invocation_id: invocationId,
        p_status: "running",
      })).error,
      null,
    );
    const done = await engine.rpc("fn_complete_tool_invocation", {
      p_invocation_id: invocationId,
      p_status: "succeeded",
      p_output: { runId: "r-1" },
      p_cost_credits: 0.25,
    });
    assertEquals(done.error, null);
    assertEquals(done.data!.status, "succeeded");

    const listed = await operator.client.rpc("list_tool_invocations", { p_ai_lenser_id: agentId });
    assertEquals(listed.error, null);
    assertEquals(listed.data!.map((i) => [i.tool_key, i.egress_class, i.status]), [[
      "run_workflow",
      "internal",
      "succeeded",
    ]]);
    const hidden = await other.client.rpc("list_tool_invocations", { p_ai_lenser_id: agentId });
    assertEquals(hidden.error?.code, "42501");
  } finally {
    await deleteAgents(sql, agentId);
    await deleteUsers(sql, owner, operator, other);
    await sql.end();
  }
});
