// The workflow assignment policies are checked twice: by zod (types/policies.ts) where JSON enters
// at the edge, and by the database (agents.fn_*_errors in CHECK constraints). The same cases go
// through both; each must give the expected verdict, so the two always agree.
import { assert, assertEquals } from "../_support/assert.ts";
import { db } from "../_support/stack.ts";
import { disagreements, type ShapeCases } from "../_support/shapes.ts";
import {
  ApprovalPolicy,
  defaultPolicies,
  FailurePolicy,
  OutputDestination,
  QueuePolicy,
  RetryPolicy,
} from "../../types/policies.ts";

const uuid = "0b5f0c9e-4a7d-4c1e-9d2b-7f1e2a3b4c5d";

const policyCases: Record<string, ShapeCases> = {
  approval: {
    schema: ApprovalPolicy,
    sqlFunction: "agents.fn_approval_policy_errors",
    valid: [
      { requiresApproval: true },
      { requiresApproval: false },
      { requiresApproval: true, approverRoles: ["owner"] },
      { requiresApproval: true, approverRoles: ["owner", "co_owner", "operator"] },
      { requiresApproval: true, expiresAfterSeconds: 60 },
      { requiresApproval: true, approverRoles: ["operator"], expiresAfterSeconds: 2592000 },
    ],
    invalid: [
      {},
      null,
      [],
      "yes",
      { requiresApproval: "true" },
      { requiresApproval: 1 },
      { requiresApproval: null },
      { requiresApproval: true, approverRoles: [] },
      { requiresApproval: true, approverRoles: ["admin"] },
      { requiresApproval: true, approverRoles: "owner" },
      { requiresApproval: true, approverRoles: ["owner", "owner"] },
      { requiresApproval: true, approverRoles: [1] },
      { requiresApproval: false, approverRoles: ["owner"] },
      { requiresApproval: true, approvers: ["owner"] },
      { requiresApproval: true, expiresAfterSeconds: 59 },
      { requiresApproval: true, expiresAfterSeconds: 2592001 },
      { requiresApproval: true, expiresAfterSeconds: 90.5 },
      { requiresApproval: true, expiresAfterSeconds: "3600" },
      { requiresApproval: false, expiresAfterSeconds: 3600 },
    ],
  },
  retry: {
    schema: RetryPolicy,
    sqlFunction: "agents.fn_retry_policy_errors",
    valid: [
      { maxRetries: 0 },
      { maxRetries: 1 },
      { maxRetries: 10 },
      { maxRetries: 3, backoffMs: 0 },
      { maxRetries: 3, backoffMs: 500, backoffMultiplier: 2, maxBackoffMs: 60000 },
      { maxRetries: 3, backoffMs: 1000, maxBackoffMs: 1000 },
      { maxRetries: 2, backoffMultiplier: 1 },
      { maxRetries: 2, backoffMultiplier: 1.5 },
      { maxRetries: 2, maxBackoffMs: 0 },
      { maxRetries: 2, backoffMs: 3600000, maxBackoffMs: 86400000 },
    ],
    invalid: [
      {},
      null,
      { maxRetries: -1 },
      { maxRetries: 11 },
      { maxRetries: 1.5 },
      { maxRetries: "1" },
      { maxRetries: null },
      { maxRetries: 1, backoffMs: -1 },
      { maxRetries: 1, backoffMs: 1.5 },
      { maxRetries: 1, backoffMs: 3600001 },
      { maxRetries: 1, backoffMultiplier: 0.5 },
      { maxRetries: 1, backoffMultiplier: 11 },
      { maxRetries: 1, backoffMultiplier: "2" },
      { maxRetries: 1, maxBackoffMs: 86400001 },
      { maxRetries: 1, backoffMs: 2000, maxBackoffMs: 1000 },
      { maxRetries: 1, retries: 2 },
    ],
  },
  failure: {
    schema: FailurePolicy,
    sqlFunction: "agents.fn_failure_policy_errors",
    valid: [{ mode: "isolate" }, { mode: "stop_run" }],
    invalid: [{}, null, [], { mode: "ignore" }, { mode: "ISOLATE" }, { mode: 1 }, { mode: null }, {
      mode: "isolate",
      extra: true,
    }],
  },
  queue: {
    schema: QueuePolicy,
    sqlFunction: "agents.fn_queue_policy_errors",
    valid: [
      { mode: "parallel" },
      { mode: "serial" },
      { mode: "skip_if_running" },
      { mode: "parallel", maxConcurrent: 1 },
      { mode: "parallel", maxConcurrent: 100 },
    ],
    invalid: [
      {},
      null,
      { mode: "fifo" },
      { mode: "parallel", maxConcurrent: 0 },
      { mode: "parallel", maxConcurrent: 101 },
      { mode: "parallel", maxConcurrent: 2.5 },
      { mode: "parallel", maxConcurrent: "2" },
      { mode: "serial", maxConcurrent: 2 },
      { mode: "skip_if_running", maxConcurrent: 1 },
      { mode: "parallel", concurrency: 2 },
    ],
  },
  output_destination: {
    schema: OutputDestination,
    sqlFunction: "agents.fn_output_destination_errors",
    valid: [
      {},
      { kind: "none" },
      { kind: "memory", memoryProfileId: uuid },
      { kind: "memory", memoryProfileId: uuid.toUpperCase(), scope: "workflow" },
      { kind: "memory", memoryProfileId: "00000000-0000-0000-0000-000000000000" },
      { kind: "webhook", url: "https://example.com/hooks/run?x=1" },
      { kind: "webhook", url: "http://127.0.0.1:8080/in" },
      { kind: "webhook", url: "https://example.com/in", secretEnv: "OUTPUT_HOOK_SECRET" },
      { kind: "channel", channelBindingId: uuid },
      { kind: "channel", channelBindingId: uuid, contactId: uuid },
    ],
    invalid: [
      null,
      [],
      "none",
      { kind: "email" },
      { kind: null },
      { memoryProfileId: uuid },
      { kind: "none", url: "https://example.com" },
      { kind: "memory" },
      { kind: "memory", memoryProfileId: "not-a-uuid" },
      { kind: "memory", memoryProfileId: uuid + "0" },
      { kind: "memory", memoryProfileId: uuid, scope: "global" },
      { kind: "memory", memoryProfileId: uuid, extra: 1 },
      { kind: "webhook" },
      { kind: "webhook", url: "ftp://example.com" },
      { kind: "webhook", url: "https://exa mple.com" },
      { kind: "webhook", url: "https://" },
      { kind: "webhook", url: "https://example.com/" + "a".repeat(2048) },
      { kind: "webhook", url: 42 },
      { kind: "webhook", url: "https://example.com/in", secretEnv: "lower_case" },
      { kind: "webhook", url: "https://example.com/in", secretEnv: "" },
      { kind: "webhook", url: "https://example.com/in", secretEnv: 7 },
      { kind: "channel" },
      { kind: "channel", channelBindingId: 7 },
      { kind: "channel", channelBindingId: uuid, contactId: "someone" },
      { kind: "channel", channelBindingId: uuid, contactId: uuid, to: "x" },
    ],
  },
};

for (const [name, cases] of Object.entries(policyCases)) {
  Deno.test(`${name} policy: zod and the database agree on every case`, async () => {
    const sql = db();
    try {
      assertEquals(await disagreements(sql, cases), []);
    } finally {
      await sql.end();
    }
  });
}

Deno.test("the database's column defaults are valid policies, and equal defaultPolicies", async () => {
  const sql = db();
  try {
    const rows = await sql`
      select column_name, column_default from information_schema.columns
      where table_schema = 'agents' and table_name = 'workflow_assignments'
        and column_name in ('approval_policy', 'retry_policy', 'failure_policy', 'queue_policy', 'output_destination')`;
    assertEquals(rows.length, 5);
    for (const { column_name, column_default } of rows) {
      const [{ value }] = await sql.unsafe(`select (${column_default})::jsonb as value`);
      assertEquals(value, defaultPolicies[column_name as keyof typeof defaultPolicies], column_name);
    }
    assert(ApprovalPolicy.safeParse(defaultPolicies.approval_policy).success);
    assert(RetryPolicy.safeParse(defaultPolicies.retry_policy).success);
    assert(FailurePolicy.safeParse(defaultPolicies.failure_policy).success);
    assert(QueuePolicy.safeParse(defaultPolicies.queue_policy).success);
    assert(OutputDestination.safeParse(defaultPolicies.output_destination).success);
  } finally {
    await sql.end();
  }
});
