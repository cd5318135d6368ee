// The worker's parts that need no database: delta batching, failure classification, the wake-up
// signal, reading a JWT's claims, and the settings read from the environment.
import { assert, assertEquals } from "../_support/assert.ts";
import nodeAssert from "node:assert/strict";
import { DeltaBatcher } from "../../functions/_shared/worker/progress.ts";
import { classifyFailure } from "../../functions/_shared/worker/classify.ts";
import { Wake } from "../../functions/_shared/worker/wake.ts";
import { workerSettingsFromEnv } from "../../functions/_shared/worker/env_config.ts";
import { readClaims } from "../../functions/_shared/jwt.ts";
import { paramsForTask } from "../../functions/_shared/worker/provider.ts";
import { ProviderError } from "../../functions/_shared/providers/index.ts";
import { stack } from "../_support/stack.ts";

function recorder() {
  const sent: { delta: string; ttfb: number | null }[] = [];
  return {
    sent,
    send: (delta: string, ttfb: number | null) => {
      sent.push({ delta, ttfb });
      return Promise.resolve();
    },
  };
}

Deno.test("a long streamed answer becomes a few dozen size-batched reports that add up to the text", async () => {
  const { sent, send } = recorder();
  const batcher = new DeltaBatcher({
    intervalMs: 250,
    maxBytes: 2048,
    startedAt: performance.now(),
    send,
    onError: (err) => {
      throw err;
    },
  });
  const text = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join("");
  for (let i = 0; i < text.length; i += 16) await batcher.push(text.slice(i, i + 16));
  await batcher.finish();
  assertEquals(sent.map((s) => s.delta).join(""), text);
  assert(sent.length >= 45 && sent.length <= 60, `100 kB in 2 kB batches: ${sent.length} reports`);
  assert(sent[0].ttfb !== null && sent[0].ttfb >= 0, "the first report carries the time to first token");
  assert(sent.slice(1).every((s) => s.ttfb === null), "only the first report carries it");
  assertEquals(batcher.reports, sent.length);
});

Deno.test("an answer done before the first interval reports nothing; its text comes with the completion", async () => {
  const { sent, send } = recorder();
  const batcher = new DeltaBatcher({
    intervalMs: 250,
    maxBytes: 2048,
    startedAt: performance.now(),
    send,
    onError: () => {},
  });
  await batcher.push("short ");
  await batcher.push("answer");
  await batcher.finish();
  assertEquals(sent, []);
  assert(batcher.ttftMs !== null, "the time to first token is still known for the ledger");
});

Deno.test("a slow stream is reported on the interval, and the tail is flushed before the completion", async () => {
  const { sent, send } = recorder();
  const batcher = new DeltaBatcher({
    intervalMs: 40,
    maxBytes: 1_000_000,
    startedAt: performance.now(),
    send,
    onError: () => {},
  });
  const parts = ["one ", "two ", "three ", "four ", "five"];
  for (const part of parts) {
    await batcher.push(part);
    await new Promise((r) => setTimeout(r, 60));
  }
  await batcher.finish();
  assertEquals(sent.map((s) => s.delta).join(""), parts.join(""));
  assert(sent.length >= 2, `reports went out while streaming: ${sent.length}`);
});

Deno.test("a failed report stops reporting: onError once, nothing more is sent", async () => {
  let calls = 0;
  const errors: unknown[] = [];
  const batcher = new DeltaBatcher({
    intervalMs: 0,
    maxBytes: 4,
    startedAt: performance.now(),
    send: () => {
      calls++;
      return Promise.reject(new Error("lease refused"));
    },
    onError: (err) => errors.push(err),
  });
  for (const part of ["aaaa", "bbbb", "cccc"]) await batcher.push(part);
  await batcher.finish();
  assertEquals(calls, 1);
  assertEquals(errors.length, 1);
});

Deno.test("failures are classified for fail_workflow_task", () => {
  const limited = classifyFailure(
    new ProviderError("openai_compatible", "rate_limit", "HTTP 429: slow down", {
      status: 429,
      retryAfterMs: 1234.4,
    }),
  );
  assertEquals(limited, {
    kind: "rate_limit",
    message: "openai_compatible: HTTP 429: slow down",
    retryAfterMs: 1234,
    status: 429,
  });
  // Only rate limits carry a wait; the engine's own backoff handles the rest.
  assertEquals(
    classifyFailure(new ProviderError("x", "server", "HTTP 503", { status: 503, retryAfterMs: 50 }))
      .retryAfterMs,
    null,
  );
  for (const kind of ["client", "server", "timeout", "network", "cancelled"] as const) {
    assertEquals(classifyFailure(new ProviderError("local", kind, "boom")).kind, kind);
  }
  const other = classifyFailure(new RangeError("index out of range"));
  assertEquals(other, {
    kind: "server",
    message: "RangeError: index out of range",
    retryAfterMs: null,
    status: null,
  });
  assertEquals(classifyFailure("a string").message, "thrown: a string");
  assertEquals(classifyFailure(new Error("x".repeat(5000))).message.length, 4000);
  assertEquals(
    classifyFailure(new ProviderError("p", "rate_limit", "wait", { retryAfterMs: 10 ** 12 })).retryAfterMs,
    86_400_000,
  );
});

Deno.test("a wake-up is remembered until the next wait, and coalesced", async () => {
  const wake = new Wake();
  wake.notify();
  wake.notify();
  assertEquals(await wake.wait(1000), true);
  const t0 = performance.now();
  assertEquals(await wake.wait(30), false, "the two notifications made one wake-up");
  assert(performance.now() - t0 >= 25);
  const waiting = wake.wait(5000);
  setTimeout(() => wake.notify(), 10);
  assertEquals(await waiting, true);
});

Deno.test("a JWT's claims are read (the platform verified the signature first)", () => {
  assertEquals(readClaims(stack.serviceRoleKey)?.role, "service_role");
  assertEquals(readClaims(stack.anonKey)?.role, "anon");
  assertEquals(readClaims("not-a-jwt"), null);
  assertEquals(readClaims("a.!!!.c"), null);
  assertEquals(readClaims(`x.${btoa(JSON.stringify([1])).replace(/=+$/, "")}.y`), null);
});

Deno.test("worker settings come from the environment, checked", () => {
  const env = (vars: Record<string, string>) => ({ get: (name: string) => vars[name] });
  const s = workerSettingsFromEnv(
    env({
      CL_WORKER_CONCURRENCY: "4",
      CL_WORKER_LEASE_SECONDS: "5",
      CL_WORKER_DRAIN_MS: "0",
      CL_WORKER_COMPLETION_BATCH: "7",
    }),
  );
  assertEquals(s.loop.concurrency, 4);
  assertEquals(s.loop.completionBatchSize, 7);
  assertEquals(s.loop.leaseSeconds, 5);
  assertEquals(s.loop.pollMs, 3000);
  assertEquals(s.drainMs, 0);
  assertEquals(s.logLevel, "info");
  nodeAssert.throws(
    () => workerSettingsFromEnv(env({ CL_WORKER_CONCURRENCY: "many" })),
    /CL_WORKER_CONCURRENCY/,
  );
  nodeAssert.throws(
    () => workerSettingsFromEnv(env({ CL_WORKER_LEASE_SECONDS: "0" })),
    /CL_WORKER_LEASE_SECONDS/,
  );
  nodeAssert.throws(
    () => workerSettingsFromEnv(env({ CL_WORKER_COMPLETION_BATCH: "0" })),
    /CL_WORKER_COMPLETION_BATCH/,
  );
  nodeAssert.throws(() => workerSettingsFromEnv(env({ CL_WORKER_LOG: "loud" })), /CL_WORKER_LOG/);
});

Deno.test("task params: attempt and JSON mode for the local provider; remote providers get the model params only", () => {
  const task = (adapter: "local" | "openai_compatible", kind: "json" | "text" | null, params = {}) =>
    ({
      provider_adapter: adapter,
      attempt: 3,
      model_params: params,
      output_contract: kind ? { kind, artifactKind: kind === "json" ? "json" : "text" } : null,
    }) as unknown as Parameters<typeof paramsForTask>[0];
  assertEquals(paramsForTask(task("local", "json")), { attempt: 3, local_mode: "json" });
  assertEquals(paramsForTask(task("local", "text")), { attempt: 3 });
  assertEquals(paramsForTask(task("local", null, { temperature: 0.5 })), { temperature: 0.5, attempt: 3 });
  assertEquals(paramsForTask(task("local", "json", { local_mode: "echo" })), {
    local_mode: "echo",
    attempt: 3,
  });
  assertEquals(paramsForTask(task("openai_compatible", "json", { temperature: 0.5 })), { temperature: 0.5 });
});
