// THE seven-node workflow, end to end: a user publishes and starts it through supabase-js, real
// worker loops run it on the local provider, the user answers its human input through supabase-js,
// and it completes: a fan-out, a skipped conditional branch, merges with each of the four
// strategies, gap-free events, provenance for every input, and a ledger that adds up.
import { assert, assertEquals } from "../_support/assert.ts";
import { createUser, db } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import {
  cancelOpenRuns,
  fakeProvider,
  llmCalls,
  pricedLocalModel,
  results,
  runEvents,
  runRow,
  startWorkers,
  waitFor,
  waitForRun,
} from "../_support/engine.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  ...opts,
  name: "the seven-node workflow runs to completion: fan-out, skipped branch, four merges, human input",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    const workers = await startWorkers(2, { concurrency: 4, leaseSeconds: 10 });
    try {
      const model = await pricedLocalModel(sql);
      const wf = await buildWorkflow(user.client, {
        title: "seven nodes",
        nodes: [
          {
            key: "start",
            template: "Plan a piece about [[topic]].",
            parameters: [{ label: "topic", type: "text", required: true }],
            inputContract: { kind: "json", fields: [{ name: "topic", type: "string", required: true }] },
            // A json contract: the local provider answers in its JSON mode, every field typed.
            outputContract: {
              kind: "json",
              artifactKind: "plan",
              fields: [
                { name: "topic", type: "string", required: true },
                { name: "score", type: "integer", required: true },
              ],
            },
            config: { model_id: model },
          },
          { key: "a", template: "Angle A on the plan.", config: { model_id: model } },
          { key: "b", template: "Angle B on the plan.", config: { model_id: model } },
          { key: "c", template: "Only for high scores.", config: { model_id: model } },
          { key: "human", kind: "human_input", config: { prompt: "Approve the angles?" } },
          { key: "m", template: "Merge the angles.", config: { model_id: model } },
          { key: "end", template: "Write it up.", config: { model_id: model } },
        ],
        edges: [
          { from: "start", to: "a" },
          { from: "start", to: "b" },
          { from: "start", to: "c", condition: "$.score > 5" },
          { from: "a", to: "human" },
          { from: "b", to: "human" },
          { from: "a", to: "m", merge: "concat", sourcePath: "text", targetPath: "joined" },
          { from: "b", to: "m", merge: "concat", sourcePath: "text", targetPath: "joined" },
          { from: "c", to: "m", merge: "concat", sourcePath: "text", targetPath: "joined" },
          { from: "m", to: "end", merge: "json_object", targetPath: "parts" },
          { from: "human", to: "end", merge: "json_object", targetPath: "parts" },
          { from: "a", to: "end", merge: "array", sourcePath: "text", targetPath: "list" },
          { from: "b", to: "end", merge: "array", sourcePath: "text", targetPath: "list" },
        ],
      });

      const started = await user.client.rpc("start_workflow_run", {
        p_workflow_id: wf.id,
        p_input: { topic: "otters" },
      });
      assertEquals(started.error, null);
      const runId = started.data!.id;

      // The run waits for the person once a and b are done.
      await waitFor("the human input request", async () => {
        const r = await results(sql, runId);
        return r.human?.status === "blocked" && r.m?.status === "completed" ? r : null;
      });
      let r = await results(sql, runId);
      assertEquals(r.c.status, "skipped");
      assertEquals(r.c.waiting_reason, "condition_false");
      assertEquals(r.human.waiting_reason, "human_input");
      assertEquals(r.end.status, "awaiting_dependency");

      const answer = await user.client.rpc("submit_human_input", {
        p_run_id: runId,
        p_node_key: "human",
        p_value: { approved: true, note: "go" },
      });
      assertEquals(answer.error, null);
      assertEquals(answer.data?.status, "completed");

      const run = await waitForRun(sql, runId);
      assertEquals(run.status, "completed", run.error_message ?? "");
      r = await results(sql, runId);
      for (const key of ["start", "a", "b", "human", "m", "end"]) {
        assertEquals(r[key].status, "completed", key);
      }

      // The merges, as the engine made them.
      const aText = (r.a.output_data as { text: string }).text;
      const bText = (r.b.output_data as { text: string }).text;
      assert(aText.startsWith("Angle A on the plan.") && bText.startsWith("Angle B on the plan."));
      assertEquals(
        r.a.input_data,
        { topic: "topic value", score: 1 },
        "start's output merged into a's input",
      );
      assertEquals(r.start.output_data, { topic: "topic value", score: 1 }, "the local provider's JSON mode");
      assert(["text"].every((k) => k in r.human.input_data!), "last_write_wins merged a's and b's outputs");
      assert([aText, bText].includes((r.human.input_data as { text: string }).text));
      const joined = (r.m.input_data as { joined: string }).joined;
      assert(joined === `${aText}\n\n${bText}` || joined === `${bText}\n\n${aText}`, `concat: ${joined}`);
      const endInput = r.end.input_data as { parts: Record<string, unknown>; list: string[] };
      assertEquals(Object.keys(endInput.parts).sort(), ["human", "m"]);
      assertEquals(endInput.parts.human, { approved: true, note: "go" });
      assertEquals(endInput.parts.m, r.m.output_data);
      assertEquals([...endInput.list].sort(), [aText, bText].sort());
      assertEquals(run.output, { end: r.end.output_data });

      // Events: 1..N with no gap, the same through the client RPC.
      const events = await runEvents(sql, runId);
      assertEquals(events.map((e) => e.event_id), Array.from({ length: events.length }, (_, i) => i + 1));
      assertEquals(run.last_event_id, events.length);
      const viaClient = await user.client.rpc("list_workflow_run_events", {
        p_run_id: runId,
        p_after_event_id: 0,
        p_limit: 1000,
      });
      assertEquals(viaClient.error, null);
      assertEquals(viaClient.data!.map((e) => e.event_id), events.map((e) => e.event_id));
      const types = events.map((e) => e.event_type);
      assertEquals(types[0], "run_queued");
      assertEquals(types.at(-1), "run_completed");
      for (const t of ["run_started", "node_skipped", "human_input_requested", "human_input_received"]) {
        assert(types.includes(t), `an event ${t}`);
      }
      assertEquals(types.filter((t) => t === "node_completed").length, 6);

      // Provenance: every active edge says where each input came from.
      const prov = await user.client.rpc("list_workflow_run_provenance", { p_run_id: runId });
      assertEquals(prov.error, null);
      const keyOf = Object.fromEntries(Object.entries(wf.nodes).map(([k, id]) => [id, k]));
      const got = prov.data!.map((p) =>
        `${keyOf[p.source_node_id]}:${p.source_output_path} -> ${
          keyOf[p.target_node_id]
        }:${p.target_input_path}`
      ).sort();
      const expected = wf.edges
        .filter((e) => e.spec.from !== "c" && e.spec.to !== "c")
        .map((e) => `${e.spec.from}:${e.spec.sourcePath ?? "$"} -> ${e.spec.to}:${e.spec.targetPath ?? "$"}`)
        .sort();
      assertEquals(got, expected);

      // The ledger: one succeeded call per lens node that ran, and totals that are its sums.
      const calls = await llmCalls(sql, runId);
      const byResult = new Map(Object.values(r).map((x) => [x.id, x.node_key]));
      assertEquals(calls.map((c) => byResult.get(c.node_result_id)).sort(), ["a", "b", "end", "m", "start"]);
      assert(calls.every((c) => c.status === "succeeded" && c.model_key.startsWith("local-priced-")));
      for (const res of Object.values(r)) {
        const mine = calls.filter((c) => c.node_result_id === res.id);
        assertEquals(
          res.input_tokens,
          mine.reduce((s, c) => s + c.input_tokens, 0),
          `${res.node_key} input tokens`,
        );
        assertEquals(
          res.output_tokens,
          mine.reduce((s, c) => s + c.output_tokens, 0),
          `${res.node_key} output tokens`,
        );
        assertEquals(Number(res.cost_credits), round6(mine.reduce((s, c) => s + Number(c.cost_credits), 0)));
      }
      const final = await runRow(sql, runId);
      assertEquals(final.total_input_tokens, calls.reduce((s, c) => s + c.input_tokens, 0));
      assertEquals(final.total_output_tokens, calls.reduce((s, c) => s + c.output_tokens, 0));
      assertEquals(final.total_cached_tokens, 0);
      assertEquals(
        Number(final.total_cost_credits),
        round6(calls.reduce((s, c) => s + Number(c.cost_credits), 0)),
      );
      assert(Number(final.total_cost_credits) > 0, "the priced model costs something");
      // Cost is the model's prices per million tokens: 3 in, 15 out.
      for (const c of calls) {
        assertEquals(Number(c.cost_credits), round6((c.input_tokens * 3 + c.output_tokens * 15) / 1e6));
        assert(c.latency_ms >= 0 && (c.ttft_ms === null || c.ttft_ms <= c.latency_ms));
      }
    } finally {
      await workers.stop();
      await cancelOpenRuns(sql, user);
      await sql.end();
    }
  },
});

function round6(x: number) {
  return Math.round(x * 1e6) / 1e6;
}

Deno.test({
  ...opts,
  name: "a long answer streams as a few dozen batched delta events that add up to the output",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    const workers = await startWorkers(1, { concurrency: 2 });
    try {
      const body = Array.from(
        { length: 1500 },
        (_, i) => `Line ${String(i).padStart(4, "0")} of a long answer.`,
      ).join("\n");
      const wf = await buildWorkflow(user.client, {
        nodes: [{ key: "long", template: body }],
      });
      const started = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
      assertEquals(started.error, null);
      const run = await waitForRun(sql, started.data!.id);
      assertEquals(run.status, "completed");
      const events = await runEvents(sql, run.id);
      const deltas = events.filter((e) => e.event_type === "node_delta");
      const text = ((await results(sql, run.id)).long.output_data as { text: string }).text;
      assertEquals(text, body);
      assertEquals(deltas.map((d) => d.payload.text).join(""), text, "the deltas add up to the answer");
      const kb = new TextEncoder().encode(text).length / 1024;
      assert(
        deltas.length >= kb / 2 - 2 && deltas.length <= kb / 2 + 10,
        `${kb.toFixed(0)} kB in ${deltas.length} deltas`,
      );
      assertEquals(events.filter((e) => e.event_type === "node_streaming").length, 1);
      const [res] = await sql`select ttfb_ms from lenses.workflow_node_results where run_id = ${run.id}`;
      assert(res.ttfb_ms !== null && res.ttfb_ms >= 0, "the first report recorded the time to first token");
      const [call] = await llmCalls(sql, run.id);
      assertEquals(call.metadata.delta_reports, deltas.length);
    } finally {
      await workers.stop();
      await cancelOpenRuns(sql, user);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name:
    "an agent's node on an OpenAI-compatible provider (a fake server): the catalog's key variable and the agent's model params",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    const provider = await fakeProvider(sql, ["fake-model"], {
      apiKeyEnv: "CL_FAKE_OPENAI_KEY",
      prices: [2, 8, 0.5],
    });
    const workers = await startWorkers(1, { concurrency: 2 }, {
      get: (name) => (name === "CL_FAKE_OPENAI_KEY" ? "sk-fake-key" : undefined),
    });
    try {
      // An agent whose default model profile is the fake model with sampling params: a node with
      // no model of its own runs on it, with those params.
      const agent = await user.client.rpc("create_ai_lenser", {
        p_handle: `agent-${crypto.randomUUID().slice(0, 8)}`,
        p_display_name: "Remote agent",
      });
      assertEquals(agent.error, null);
      const profile = await user.client.rpc("create_model_profile", {
        p_ai_lenser_id: agent.data!.id,
        p_name: "fake",
        p_model_id: provider.models["fake-model"],
        p_params: { temperature: 0.2, maxOutputTokens: 64 },
        p_is_default: true,
      });
      assertEquals(profile.error, null);
      const wf = await buildWorkflow(user.client, {
        lenserId: agent.data!.profile_id,
        nodes: [{ key: "remote", template: "Say hello." }],
      });
      const started = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
      assertEquals(started.error, null);
      const run = await waitForRun(sql, started.data!.id);
      assertEquals(run.status, "completed", run.error_message ?? "");

      assertEquals(provider.fake.requests.length, 1);
      const req = provider.fake.requests[0];
      assertEquals(req.headers.get("authorization"), "Bearer sk-fake-key");
      assertEquals(req.body?.model, "fake-model");
      assertEquals(req.body?.stream, true);
      assertEquals(
        [req.body?.temperature, req.body?.max_tokens],
        [0.2, 64],
        "the agent's model params reach the provider",
      );
      assertEquals(
        req.body?.attempt,
        undefined,
        "the local provider's attempt knob is not sent to remote providers",
      );
      const messages = req.body?.messages as { role: string; content: string }[];
      assertEquals(messages.at(-1)?.content, "Say hello.");

      const r = await results(sql, run.id);
      assertEquals(r.remote.output_data, { text: "Hello, world!" });
      const [call] = await llmCalls(sql, run.id);
      assertEquals([call.input_tokens, call.output_tokens, call.cached_tokens], [42, 4, 10]);
      assertEquals(call.provider_key, provider.providerKey);
      assertEquals(Number(call.cost_credits), round6(((42 - 10) * 2 + 10 * 0.5 + 4 * 8) / 1e6));
      assertEquals(call.metadata.provider_model, "fake-model-2025-01-01");
      assertEquals((await runRow(sql, run.id)).total_cached_tokens, 10);
    } finally {
      await workers.stop();
      await provider.close();
      await cancelOpenRuns(sql, user);
      await sql.end();
    }
  },
});
