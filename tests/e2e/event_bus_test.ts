// The event bus end to end (README "Events"): a team run started from an assignment whose
// output_destination is a webhook ends completed, its end is a bus event, and the worker's delivery
// loop POSTs the output to a local receiver exactly once per Idempotency-Key, signed, with retries
// after 503s; a worker killed after its POST and before completing leaves the lease to expire and
// the next worker POSTs again with the same key; a 4xx and a refused (private) address fail at once
// with the error; a memory destination writes exactly one memory. Event ids are gap-free per scope
// under concurrent emits. The client RPCs answer through the gateway with the statuses of README
// "Errors".
import type postgres from "postgres";
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { anonClient, type Client, createUser, db, serviceClient, type TestUser } from "../_support/stack.ts";
import { spawnWorker, startWorkers, waitFor, workerSql } from "../_support/engine.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import { profileId, runAssignment } from "../_support/team-runs.ts";
import { createLogger } from "../../functions/_shared/worker/log.ts";
import {
  EventDeliveryLoop,
  type EventDeliveryLoopConfig,
} from "../../functions/_shared/worker/event_deliveries.ts";
import { signBody } from "../../functions/_shared/tools/custom_http.ts";
import { OutputWebhookBody } from "../../types/events.ts";
import type { OutputDestination } from "../../types/policies.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };
const SECRET_ENV = "CL_TEST_OUTPUT_HOOK_SECRET";
const SECRET = "output-hook-secret-" + crypto.randomUUID();

function must<T>(what: string, res: { data: T | null; error: { message: string; code?: string } | null }): T {
  if (res.error) throw new Error(`${what}: ${res.error.message} (${res.error.code})`);
  return res.data as T;
}

interface Received {
  headers: Headers;
  raw: string;
  status: number;
}

/** A local webhook receiver: answers each POST with the next planned status (then 200). */
function startReceiver(plan: number[] = [], onPost?: (n: number) => Promise<void> | void) {
  const received: Received[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const raw = await req.text();
    const n = received.length;
    const status = plan[n] ?? 200;
    received.push({ headers: req.headers, raw, status });
    await onPost?.(n);
    return new Response(status >= 400 ? `planned ${status}` : "ok", { status });
  });
  const url = `http://127.0.0.1:${server.addr.port}/hooks/run-output`;
  return { url, received, close: () => server.shutdown() };
}

async function assignmentWith(owner: TestUser, destination: OutputDestination) {
  const agent = must(
    "create_ai_lenser",
    await owner.client.rpc("create_ai_lenser", {
      p_handle: `bus-agent-${crypto.randomUUID().slice(0, 8)}`,
      p_display_name: "Bus agent",
    }),
  );
  const workflow = await buildWorkflow(owner.client, { title: "bus workflow", nodes: [{ key: "only" }] });
  let dest = destination;
  if ("kind" in dest && dest.kind === "memory" && dest.memoryProfileId === "") {
    const profile = must(
      "create_memory_profile",
      await owner.client.rpc("create_memory_profile", { p_ai_lenser_id: agent.id, p_name: "Run outputs" }),
    );
    dest = { ...dest, memoryProfileId: profile.id };
  }
  const assignment = must(
    "create_workflow_assignment",
    await owner.client.rpc("create_workflow_assignment", {
      p_workflow_id: workflow.id,
      p_assignee_kind: "agent",
      p_assignee_ai_lenser_id: agent.id,
      p_approval_policy: { requiresApproval: false },
      p_output_destination: dest,
    }),
  );
  return { agentId: agent.id, assignmentId: assignment.id, destination: dest };
}

interface DeliveryRow {
  id: string;
  consumer: string;
  state: string;
  attempts: number;
  lease_expirations: number;
  last_error: string | null;
  result: Record<string, unknown> | null;
}

async function deliveryOf(
  sql: postgres.Sql,
  teamRunId: string,
  consumer: string,
): Promise<DeliveryRow | undefined> {
  const [row] = await sql<DeliveryRow[]>`
    select d.id, d.consumer, d.state::text, d.attempts, d.lease_expirations, d.last_error, d.result
    from agents.event_deliveries d join agents.events e using (scope_id, event_id)
    where e.subject_kind = 'team_run' and e.subject_id = ${teamRunId} and d.consumer = ${consumer}`;
  return row;
}

function eventLoop(sql: postgres.Sql, config: EventDeliveryLoopConfig = {}) {
  return new EventDeliveryLoop(sql, {
    pollMs: 100,
    leaseSeconds: 5,
    webhook: { allowPrivateNetwork: true, timeoutMs: 5000 },
    ...config,
  }, {
    env: { get: (name) => (name === SECRET_ENV ? SECRET : undefined) },
    log: createLogger("test events", (Deno.env.get("CL_TEST_WORKER_LOG") as "debug" | undefined) ?? "error"),
  });
}

async function assertSigned(r: Received) {
  const timestamp = Number(r.headers.get("x-cl-timestamp"));
  assert(Number.isInteger(timestamp) && Math.abs(timestamp - Date.now() / 1000) < 120, "a fresh timestamp");
  assertEquals(
    r.headers.get("x-cl-signature"),
    await signBody(SECRET, timestamp, r.raw),
    "a valid HMAC-SHA256 signature",
  );
}

Deno.test({
  ...opts,
  name: "webhook destination: two 503s, then the output arrives once, signed, with one Idempotency-Key",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const receiver = startReceiver([503, 503]);
    const workers = await startWorkers(1, { concurrency: 2 });
    const loopSql = workerSql(4);
    const events = eventLoop(loopSql);
    await events.start();
    try {
      const { assignmentId } = await assignmentWith(owner, {
        kind: "webhook",
        url: receiver.url,
        secretEnv: SECRET_ENV,
      });
      const teamRun = await runAssignment(owner.client, assignmentId, { topic: "otters" });
      const delivery = await waitFor(
        "the webhook delivery to be processed",
        async () => {
          const d = await deliveryOf(sql, teamRun.id, "output_webhook");
          return d && (d.state === "processed" || d.state === "failed") ? d : null;
        },
        30_000,
      );
      assertEquals([delivery.state, delivery.attempts, delivery.last_error], ["processed", 3, null]);
      assertEquals(delivery.result, { status: 200, attempts: 3 });
      assertEquals(receiver.received.map((r) => r.status), [503, 503, 200]);
      const keys = new Set(receiver.received.map((r) => r.headers.get("idempotency-key")));
      assertEquals([...keys], [delivery.id], "every attempt carries the delivery id as its Idempotency-Key");
      assertEquals(receiver.received.filter((r) => r.status === 200).length, 1, "accepted exactly once");
      for (const r of receiver.received) await assertSigned(r);
      const body = OutputWebhookBody.parse(JSON.parse(receiver.received[2].raw));
      const [run] = await sql<{ output: unknown; workflow_run_id: string }[]>`
        select r.output, t.workflow_run_id from agents.team_runs t join lenses.workflow_runs r on r.id = t.workflow_run_id
        where t.id = ${teamRun.id}`;
      assertEquals(
        [body.team_run_id, body.workflow_run_id, body.status, body.event.event_type],
        [teamRun.id, run.workflow_run_id, "completed", "run_completed"],
      );
      assertEquals(body.output, run.output, "the run's output");
      assertEquals(
        body.event.scope_id,
        await profileId(sql, owner),
        "in the scope of whoever started the run",
      );

      // The owner sees the end and the delivery through the gateway; the outcome is an event too.
      const listed = must(
        "list_events",
        await owner.client.rpc("list_events", { p_types: ["run_completed", "output_delivered"] }),
      );
      // The workflow run's end (module lenses) comes first, then the team run's that was delivered.
      assertEquals(listed.map((e) => [e.event_type, e.module, e.subject_kind]), [
        ["run_completed", "lenses", "workflow_run"],
        ["run_completed", "agents", "team_run"],
        ["output_delivered", "agents", "event_delivery"],
      ]);
      const deliveries = must(
        "list_event_deliveries",
        await owner.client.rpc("list_event_deliveries", { p_consumer: "output_webhook" }),
      );
      assertEquals(deliveries.map((d) => [d.id, d.state, d.attempts]), [[delivery.id, "processed", 3]]);
    } finally {
      await events.stop();
      await loopSql.end();
      await workers.stop();
      await receiver.close();
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name:
    "webhook destination: a worker killed after its POST leaves the lease to expire; the next POSTs with the same key",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    let child: Awaited<ReturnType<typeof spawnWorker>> | null = null;
    let killed = false;
    const receiver = startReceiver([], async (n) => {
      if (n === 0 && child) {
        // The first worker dies while its request is in flight: it never completes the delivery.
        child.child.kill("SIGKILL");
        killed = true;
        await child.done.catch(() => {});
      }
    });
    const loopSql = workerSql(4);
    let events: EventDeliveryLoop | null = null;
    try {
      child = await spawnWorker({
        CL_WORKER_POLL_MS: "100",
        CL_EVENTS_POLL_MS: "100",
        CL_EVENTS_LEASE_SECONDS: "2",
        CL_OUTPUT_WEBHOOK_ALLOW_PRIVATE_NETWORK: "true",
        [SECRET_ENV]: SECRET,
      });
      const { assignmentId } = await assignmentWith(owner, {
        kind: "webhook",
        url: receiver.url,
        secretEnv: SECRET_ENV,
      });
      const teamRun = await runAssignment(owner.client, assignmentId, { topic: "crash" });
      await waitFor(
        "the first POST, and the worker killed",
        () => killed && receiver.received.length >= 1,
        30_000,
      );
      const leased = await deliveryOf(sql, teamRun.id, "output_webhook");
      assertEquals(
        [leased?.state, leased?.attempts],
        ["processing", 1],
        "the dead worker still holds the lease",
      );

      events = eventLoop(loopSql);
      await events.start();
      const delivery = await waitFor("the delivery to be processed by the next worker", async () => {
        const d = await deliveryOf(sql, teamRun.id, "output_webhook");
        return d?.state === "processed" ? d : null;
      }, 30_000);
      assertEquals([delivery.attempts, delivery.lease_expirations], [2, 1], "the expired lease was counted");
      assertEquals(receiver.received.length, 2);
      assertEquals(
        receiver.received.map((r) => r.headers.get("idempotency-key")),
        [delivery.id, delivery.id],
        "the second POST carries the same Idempotency-Key, so the receiver can drop it",
      );
      assertEquals(receiver.received[0].raw, receiver.received[1].raw, "the same body");
      OutputWebhookBody.parse(JSON.parse(receiver.received[1].raw));
      for (const r of receiver.received) await assertSigned(r);
    } finally {
      if (child && !killed) {
        child.child.kill("SIGKILL");
        await child.done.catch(() => {});
      }
      await events?.stop();
      await loopSql.end();
      await receiver.close();
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name:
    "webhook destination: a 4xx fails at once with the error; a private address is refused without a request",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const receiver = startReceiver([422]);
    const workers = await startWorkers(1, { concurrency: 2 });
    const loopSql = workerSql(4);
    let events = eventLoop(loopSql);
    await events.start();
    try {
      const { assignmentId } = await assignmentWith(owner, { kind: "webhook", url: receiver.url });
      const teamRun = await runAssignment(owner.client, assignmentId, { topic: "rejected" });
      const delivery = await waitFor("the delivery to fail", async () => {
        const d = await deliveryOf(sql, teamRun.id, "output_webhook");
        return d && d.state !== "pending" && d.state !== "processing" ? d : null;
      }, 30_000);
      assertEquals([delivery.state, delivery.attempts], ["failed", 1], "no retry after a 4xx");
      assertMatch(delivery.last_error ?? "", /answered 422: planned 422/);
      assertEquals(receiver.received.length, 1);
      assertEquals(
        receiver.received[0].headers.get("x-cl-signature"),
        null,
        "unsigned when no secretEnv is named",
      );
      const failedEvents = must(
        "list_events",
        await owner.client.rpc("list_events", { p_types: ["output_delivery_failed"] }),
      );
      assertEquals(failedEvents.length, 1);
      assertEquals((failedEvents[0].payload as Record<string, unknown>).delivery_id, delivery.id);

      // Without CL_OUTPUT_WEBHOOK_ALLOW_PRIVATE_NETWORK the loopback receiver is refused (SSRF rules).
      await events.stop();
      events = eventLoop(loopSql, { webhook: { allowPrivateNetwork: false } });
      await events.start();
      const second = await runAssignment(owner.client, assignmentId, { topic: "private" });
      const refused = await waitFor("the private address to be refused", async () => {
        const d = await deliveryOf(sql, second.id, "output_webhook");
        return d && d.state === "failed" ? d : null;
      }, 30_000);
      assertEquals(refused.attempts, 1);
      assertMatch(refused.last_error ?? "", /loopback address/);
      assertEquals(receiver.received.length, 1, "no request was sent");
    } finally {
      await events.stop();
      await loopSql.end();
      await workers.stop();
      await receiver.close();
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "memory destination: the completed run's output becomes exactly one memory",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const workers = await startWorkers(1, { concurrency: 2 });
    try {
      const { assignmentId, destination } = await assignmentWith(owner, {
        kind: "memory",
        memoryProfileId: "",
        scope: "workflow",
      });
      const profileIdOfMemory = (destination as { memoryProfileId: string }).memoryProfileId;
      const teamRun = await runAssignment(owner.client, assignmentId, { topic: "memories" });
      const delivery = await waitFor("the memory delivery", async () => {
        const d = await deliveryOf(sql, teamRun.id, "output_memory");
        return d?.state === "processed" ? d : null;
      }, 30_000);
      assertEquals(delivery.attempts, 1);
      const memories = await sql<{ id: string; content: string; scope: string; team_run_id: string }[]>`
        select id, content, scope::text, metadata ->> 'team_run_id' as team_run_id
        from agents.memories where memory_profile_id = ${profileIdOfMemory}`;
      assertEquals(memories.length, 1, "exactly one memory");
      assertEquals([memories[0].scope, memories[0].team_run_id], ["workflow", teamRun.id]);
      assertEquals(delivery.result?.memory_id, memories[0].id);
      const [run] = await sql<{ output: Record<string, { text: string }> }[]>`
        select r.output from lenses.workflow_runs r join agents.team_runs t on t.workflow_run_id = r.id where t.id = ${teamRun.id}`;
      assertEquals(memories[0].content, run.output.only.text, "the run's text output");
      // Nothing runs it again.
      const again = await serviceClient().rpc("process_event_deliveries", { p_limit: 100 });
      assertEquals(again.error, null);
      const [{ n }] = await sql<{ n: number }[]>`
        select count(*)::int as n from agents.memories where memory_profile_id = ${profileIdOfMemory}`;
      assertEquals(n, 1);
    } finally {
      await workers.stop();
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "event ids are gap-free per scope under concurrent emits",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const pool = workerSql(12);
    try {
      const scope = await profileId(sql, owner);
      await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          pool.begin(async (tx) => {
            for (let j = 0; j < 5; j++) {
              await tx`select agents.fn_emit_event('contacts', 'contact_created', ${scope}, ${
                tx.json({ i, j })
              })`;
            }
          })),
      );
      const ids = await sql<{ event_id: string }[]>`
        select event_id from agents.events where scope_id = ${scope} order by event_id`;
      assertEquals(ids.map((r) => Number(r.event_id)), Array.from({ length: 120 }, (_, i) => i + 1));
    } finally {
      await pool.end();
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name:
    "a plain workflow run's end is on the bus at its commit: list_events shows it to its owner, not to another user; a rolled-back end emits nothing",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const stranger = await createUser(sql);
    try {
      const scope = await profileId(sql, owner);
      const workflow = await buildWorkflow(owner.client, { title: "plain ends", nodes: [{ key: "only" }] });
      const run = must(
        "start_workflow_run",
        await owner.client.rpc("start_workflow_run", { p_workflow_id: workflow.id, p_input: {} }),
      );
      const [task] = await sql<{ result_id: string; lease_token: string }[]>`
        select c.result_id, c.lease_token from public.claim_workflow_tasks('bus-plain', 50, 60) c where c.run_id = ${run.id}`;
      assert(task, "the run's task is claimed");

      // Completed in a transaction that rolls back: no event.
      await sql.begin(async (tx) => {
        await tx`select public.complete_workflow_task(${task.result_id}, ${task.lease_token}, 'never')`;
        throw new Error("roll back");
      }).catch((e) => assertEquals((e as Error).message, "roll back"));
      const none = must("list_events", await owner.client.rpc("list_events", {}));
      assertEquals(none.filter((e) => e.subject_id === run.id), [], "a rolled-back end emits nothing");

      // Completed through the gateway (the worker's RPC): one run_completed.
      const done = await serviceClient().rpc("complete_workflow_task", {
        p_result_id: task.result_id,
        p_lease_token: task.lease_token,
        p_text: "the answer",
      });
      assertEquals([done.status, done.error], [200, null]);
      const listed = must(
        "list_events",
        await owner.client.rpc("list_events", { p_types: ["run_completed"] }),
      );
      const ends = listed.filter((e) => e.subject_id === run.id);
      assertEquals(ends.map((e) => [e.event_type, e.module, e.subject_kind, e.scope_id, e.actor_id]), [[
        "run_completed",
        "lenses",
        "workflow_run",
        scope,
        scope,
      ]]);
      const payload = ends[0].payload as Record<string, unknown>;
      assertEquals([payload.workflow_run_id, payload.workflow_id, payload.status], [
        run.id,
        workflow.id,
        "completed",
      ]);

      // Cancelled through the gateway: run_cancelled.
      const other = must(
        "start_workflow_run",
        await owner.client.rpc("start_workflow_run", { p_workflow_id: workflow.id, p_input: {} }),
      );
      const cancel = await owner.client.rpc("cancel_workflow_run", { p_run_id: other.id });
      assertEquals([cancel.status, cancel.error], [200, null]);
      const cancelled = must(
        "list_events",
        await owner.client.rpc("list_events", { p_types: ["run_cancelled"] }),
      );
      assertEquals(cancelled.filter((e) => e.subject_id === other.id).map((e) => e.event_type), [
        "run_cancelled",
      ]);

      // Not to another user: their own list has none of it, and the owner's scope is not found.
      const strangersOwn = must("list_events", await stranger.client.rpc("list_events", {}));
      assertEquals(strangersOwn.filter((e) => e.subject_id === run.id || e.subject_id === other.id), []);
      const theirs = await stranger.client.rpc("list_events", { p_scope_id: scope });
      assertEquals([theirs.status, theirs.error?.code], [404, "PT404"]);
    } finally {
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name:
    "the bus RPCs through the gateway: owners list, strangers get 404, anon 401, clients cannot work deliveries",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const stranger = await createUser(sql);
    try {
      const scope = await profileId(sql, owner);
      await sql`select agents.fn_emit_event('contacts', 'contact_created', ${scope}, '{"name":"Ada"}')`;
      const mine = await owner.client.rpc("list_events", {});
      assertEquals([mine.status, mine.data?.map((e) => [e.event_id, e.event_type, e.module])], [200, [[
        1,
        "contact_created",
        "contacts",
      ]]]);
      const theirs = await stranger.client.rpc("list_events", { p_scope_id: scope });
      assertEquals([theirs.status, theirs.error?.code], [404, "PT404"]);
      const strangersOwn = await stranger.client.rpc("list_events", {});
      assertEquals([strangersOwn.status, strangersOwn.data], [200, []]);
      const anon = await anonClient().rpc("list_events", {});
      assertEquals(anon.status, 401);
      const badLimit = await owner.client.rpc("list_events", { p_limit: 0 });
      assertEquals([badLimit.status, badLimit.error?.message], [
        400,
        "list_events: p_limit must be between 1 and 1000, got 0",
      ]);
      const claim = await owner.client.rpc("claim_event_deliveries", {
        p_consumer: "output_webhook",
        p_worker: "me",
      });
      assertEquals(claim.status, 403, "a user cannot claim deliveries");
      const complete = await (owner.client as Client).rpc("complete_event_delivery", {
        p_delivery_id: crypto.randomUUID(),
        p_lease_token: crypto.randomUUID(),
      });
      assertEquals(complete.status, 403);
      const service = await serviceClient().rpc("complete_event_delivery", {
        p_delivery_id: crypto.randomUUID(),
        p_lease_token: crypto.randomUUID(),
      });
      assertEquals([service.status, service.error?.code], [404, "PT404"]);
    } finally {
      await sql.end();
    }
  },
});
