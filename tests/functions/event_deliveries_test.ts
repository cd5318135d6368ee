// The event delivery loop's parts that need no database: a claimed row made JSON-shaped, the body of
// an output_destination webhook (only for a webhook destination, every field checked), and the
// loop's settings read from the environment (a typo fails loudly).
import nodeAssert from "node:assert/strict";
import { assertEquals } from "../_support/assert.ts";
import { outputWebhookRequest, parseClaimedRow } from "../../functions/_shared/worker/event_deliveries.ts";
import { eventSettingsFromEnv } from "../../functions/_shared/worker/event_env_config.ts";
import { OutputWebhookBody } from "../../types/events.ts";

const uuid = () => crypto.randomUUID();

function row(context: Record<string, unknown>) {
  return {
    delivery_id: uuid(),
    lease_token: uuid(),
    attempts: 2,
    consumer: "output_webhook",
    scope_id: uuid(),
    event_id: "41", // bigint, as postgres-js returns it
    event_type: "run_completed",
    module: "agents",
    subject_kind: "team_run",
    subject_id: uuid(),
    contact_id: null,
    actor_id: null,
    payload: { status: "completed" },
    occurred_at: new Date("2026-12-02T10:00:00Z"),
    context,
  };
}

const teamRun = () => ({
  id: uuid(),
  status: "completed",
  assignment_id: uuid(),
  workflow_id: uuid(),
  workflow_run_id: uuid(),
  finished_at: "2026-12-02T10:00:00.5+00:00",
});

Deno.test("a claimed row is parsed: bigint event ids become numbers, times ISO strings", () => {
  const parsed = parseClaimedRow(row({}));
  assertEquals([parsed.event_id, parsed.occurred_at], [41, "2026-12-02T10:00:00.000Z"]);
  nodeAssert.throws(() => parseClaimedRow({ ...row({}), module: "mail" }), /module/);
  nodeAssert.throws(() => parseClaimedRow({ ...row({}), surprise: 1 }), /surprise/);
});

Deno.test("the webhook body: the destination's URL and secret name, the run and its output", () => {
  const tr = teamRun();
  const claimed = parseClaimedRow(row({
    destination: { kind: "webhook", url: "https://hooks.example.com/in", secretEnv: "HOOK_SECRET" },
    team_run: tr,
    output: { only: { text: "hello" } },
  }));
  const request = outputWebhookRequest(claimed);
  assertEquals([request.url, request.secretEnv], ["https://hooks.example.com/in", "HOOK_SECRET"]);
  assertEquals(OutputWebhookBody.parse(request.body), request.body);
  assertEquals(request.body, {
    type: "run_output",
    delivery_id: claimed.delivery_id,
    event: {
      scope_id: claimed.scope_id,
      event_id: 41,
      event_type: "run_completed",
      occurred_at: "2026-12-02T10:00:00.000Z",
    },
    team_run_id: tr.id,
    workflow_run_id: tr.workflow_run_id,
    assignment_id: tr.assignment_id,
    workflow_id: tr.workflow_id,
    status: "completed",
    finished_at: tr.finished_at,
    output: { only: { text: "hello" } },
  });
});

Deno.test("no webhook body for another destination, a missing team run or a malformed destination", () => {
  const tr = teamRun();
  nodeAssert.throws(
    () =>
      outputWebhookRequest(
        parseClaimedRow(row({ destination: { kind: "none" }, team_run: tr, output: null })),
      ),
    /not a webhook/,
  );
  nodeAssert.throws(() =>
    outputWebhookRequest(
      parseClaimedRow(
        row({ destination: { kind: "webhook", url: "https://x.example" }, team_run: null, output: null }),
      ),
    )
  );
  nodeAssert.throws(() =>
    outputWebhookRequest(
      parseClaimedRow(
        row({ destination: { kind: "webhook", url: "ftp://x.example" }, team_run: tr, output: null }),
      ),
    )
  );
});

Deno.test("event delivery settings come from the environment, checked", () => {
  const env = (vars: Record<string, string>) => ({ get: (name: string) => vars[name] });
  const defaults = eventSettingsFromEnv(env({}));
  assertEquals(defaults.enabled, true);
  assertEquals(defaults.loop.webhook, {
    timeoutMs: 10_000,
    allowPrivateNetwork: false,
    allowHosts: [],
    maxResponseBytes: 8192,
  });
  assertEquals([defaults.loop.pollMs, defaults.loop.leaseSeconds, defaults.loop.batchSize], [2000, 60, 10]);
  const set = eventSettingsFromEnv(env({
    CL_WORKER_EVENTS: "off",
    CL_EVENTS_POLL_MS: "150",
    CL_EVENTS_LEASE_SECONDS: "5",
    CL_OUTPUT_WEBHOOK_ALLOW_PRIVATE_NETWORK: "true",
    CL_OUTPUT_WEBHOOK_ALLOW_HOSTS: " hooks.example.com, *.example.org ",
    CL_OUTPUT_WEBHOOK_TIMEOUT_MS: "2500",
  }));
  assertEquals(set.enabled, false);
  assertEquals([set.loop.pollMs, set.loop.leaseSeconds], [150, 5]);
  assertEquals(set.loop.webhook, {
    timeoutMs: 2500,
    allowPrivateNetwork: true,
    allowHosts: ["hooks.example.com", "*.example.org"],
    maxResponseBytes: 8192,
  });
  nodeAssert.throws(() => eventSettingsFromEnv(env({ CL_EVENTS_POLL_MS: "soon" })), /CL_EVENTS_POLL_MS/);
  nodeAssert.throws(
    () => eventSettingsFromEnv(env({ CL_OUTPUT_WEBHOOK_ALLOW_PRIVATE_NETWORK: "yes please" })),
    /PRIVATE_NETWORK/,
  );
});
