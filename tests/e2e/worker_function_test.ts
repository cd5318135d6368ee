// The hosted worker edge function through the gateway: the service key runs the loop for a time
// budget and gets the counts; what cannot finish in the budget is handed back; any other role is
// refused.
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { createUser, db, stack } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import { cancelOpenRuns, fakeProvider, results, runEvents, waitForRun } from "../_support/engine.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };
const url = `${stack.url}/functions/v1/worker`;

function post(token: string | null, body: unknown = {}) {
  return fetch(url, {
    method: "POST",
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

Deno.test({
  ...opts,
  name: "POST with the service key runs the loop for its budget and answers the counts",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    try {
      const wf = await buildWorkflow(user.client, {
        nodes: [{ key: "one" }, { key: "two" }],
        edges: [{ from: "one", to: "two" }],
      });
      const started = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
      assertEquals(started.error, null);
      const t0 = Date.now();
      const res = await post(stack.serviceRoleKey, { budget_ms: 2500 });
      assertEquals(res.status, 200);
      const counts = await res.json();
      assert(Date.now() - t0 >= 2000, "it ran for its budget");
      assertEquals(Object.keys(counts).sort(), [
        "abandoned",
        "claimed",
        "completed",
        "events",
        "failed",
        "lost",
        "parked",
        "released",
      ]);
      assertEquals(Object.keys(counts.events).sort(), ["claimed", "failed", "lost", "processed", "retried", "sqlRun"]);
      assertEquals([counts.claimed, counts.completed, counts.released], [2, 2, 0]);
      assertEquals((await waitForRun(sql, started.data!.id, undefined, 5000)).status, "completed");
    } finally {
      await cancelOpenRuns(sql, user);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "what cannot finish within the budget is handed back to the queue",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    // Keyless, so the function (which has no test secrets) can call it; it never answers.
    const provider = await fakeProvider(sql, ["model"]);
    provider.answer(() => ({ kind: "stall" }));
    try {
      const wf = await buildWorkflow(user.client, {
        nodes: [{ key: "slow", config: { model_id: provider.models.model } }],
      });
      const started = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
      assertEquals(started.error, null);
      const res = await post(stack.serviceRoleKey, { budget_ms: 1500, concurrency: 2 });
      assertEquals(res.status, 200);
      const counts = await res.json();
      assertEquals([counts.claimed, counts.completed, counts.released], [1, 0, 1]);
      const r = (await results(sql, started.data!.id)).slow;
      assertEquals([r.status, r.attempt_count], ["queued", 0]);
      assertEquals((await runEvents(sql, started.data!.id)).at(-1)?.event_type, "node_released");
      assertEquals(provider.fake.requests.length, 1, "the function did call the provider");
    } finally {
      await provider.close();
      await cancelOpenRuns(sql, user);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "the worker function refuses other roles, other methods and bad bodies",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    try {
      const asUser = await post(user.jwt);
      assertEquals(asUser.status, 403);
      assertMatch((await asUser.json()).error, /service_role only/);
      const asAnon = await post(stack.anonKey);
      assertEquals(asAnon.status, 403);
      await asAnon.body?.cancel();
      const none = await post(null);
      assertEquals(none.status, 401, "verify_jwt: the gateway refuses a call without a JWT");
      await none.body?.cancel();
      const get = await fetch(url, { headers: { Authorization: `Bearer ${stack.serviceRoleKey}` } });
      assertEquals(get.status, 405);
      await get.body?.cancel();
      for (
        const body of ["{not json", { budget_ms: -5 }, { budget_ms: "50" }, { concurrency: 0 }, { extra: 1 }]
      ) {
        const bad = await post(stack.serviceRoleKey, body);
        assertEquals(bad.status, 400, JSON.stringify(body));
        assertMatch((await bad.json()).error, /body/);
      }
    } finally {
      await sql.end();
    }
  },
});
