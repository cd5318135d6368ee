// The local provider: every mode and knob, determinism, streaming and usage.
import { assert, assertEquals } from "../../_support/assert.ts";
import {
  type CompletionRequest,
  type CompletionResult,
  createProvider,
  LocalProvider,
  providerFromEnv,
} from "../../../functions/_shared/providers/index.ts";
import { type ContractFieldType, OutputContract } from "../../../types/contracts.ts";
import { providerError } from "./_remote_cases.ts";

const local = new LocalProvider();
const MODEL = "local-echo";
const MESSAGES: CompletionRequest["messages"] = [
  { role: "system", content: "You are a mirror." },
  { role: "user", content: "first question" },
  { role: "assistant", content: "first answer" },
  { role: "user", content: "Repeat this sentence back to me, exactly as written." },
];
const LAST = MESSAGES[3].content;

function complete(
  params?: Record<string, unknown>,
  extra: Partial<CompletionRequest> = {},
): Promise<CompletionResult> {
  return local.complete({ model: MODEL, messages: MESSAGES, params, ...extra });
}

function chunk(text: string, size: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(""));
  return out;
}

function matchesType(type: ContractFieldType, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
  }
}

const CONTRACT = OutputContract.parse({
  kind: "json",
  artifactKind: "extraction",
  fields: [
    { name: "title", type: "string", required: true },
    { name: "score", type: "number", required: true },
    { name: "count", type: "integer", required: false },
    { name: "ok", type: "boolean", required: true },
    { name: "meta", type: "object", required: false },
    { name: "tags", type: "array", required: false, description: "labels" },
  ],
});

Deno.test("local: echo (the default) answers the last user message verbatim, streamed in 16-character chunks", async () => {
  const deltas: string[] = [];
  const result = await complete(undefined, { onDelta: (t) => void deltas.push(t) });
  assertEquals(result.text, LAST);
  assertEquals(deltas, chunk(LAST, 16));
  assertEquals(deltas.join(""), result.text);
  assertEquals([result.model, result.finishReason], [MODEL, "stop"]);
  assert(result.ttftMs !== null && result.ttftMs <= result.latencyMs, "ttftMs measured, within latencyMs");
});

Deno.test("local: usage is ceil(characters / 4) for all messages and for the text, no cached tokens", async () => {
  const result = await complete({ local_mode: "echo" });
  const promptChars = MESSAGES.reduce((n, m) => n + m.content.length, 0);
  assertEquals(result.usage, {
    inputTokens: Math.ceil(promptChars / 4),
    outputTokens: Math.ceil(LAST.length / 4),
    cachedTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
  });
});

Deno.test("local: local_chunk_chars sets the chunk size; code points are never split", async () => {
  const deltas: string[] = [];
  const text = "a😀b😀c";
  const result = await local.complete({
    model: MODEL,
    messages: [{ role: "user", content: text }],
    params: { local_chunk_chars: 2 },
    onDelta: (t) => void deltas.push(t),
  });
  assertEquals(deltas, ["a😀", "b😀", "c"]);
  assertEquals(result.text, text);
  assertEquals(result.usage.outputTokens, Math.ceil(5 / 4));
});

Deno.test("local: with no user message the text is empty, nothing is streamed, ttftMs is null", async () => {
  const deltas: string[] = [];
  const result = await local.complete({
    model: MODEL,
    messages: [{ role: "system", content: "only a system prompt" }],
    onDelta: (t) => void deltas.push(t),
  });
  assertEquals([result.text, deltas, result.ttftMs], ["", [], null]);
});

Deno.test("local: json mode answers an object with every contract field, each of its type, deterministic values", async () => {
  const result = await complete({ local_mode: "json" }, { outputContract: CONTRACT });
  const value = JSON.parse(result.text) as Record<string, unknown>;
  const fields = CONTRACT.fields ?? [];
  assertEquals(Object.keys(value), fields.map((f) => f.name));
  for (const field of fields) {
    assert(
      matchesType(field.type, value[field.name]),
      `${field.name} should be a ${field.type}, got ${JSON.stringify(value[field.name])}`,
    );
  }
  assertEquals(value, { title: "title value", score: 1.5, count: 1, ok: true, meta: {}, tags: [] });
});

Deno.test("local: json mode with a text contract, or none, answers {text}", async () => {
  const textContract = OutputContract.parse({ kind: "text", artifactKind: "summary", fields: [] });
  assertEquals(
    (await complete({ local_mode: "json" }, { outputContract: textContract })).text,
    '{"text":"text value"}',
  );
  assertEquals((await complete({ local_mode: "json" })).text, '{"text":"text value"}');
});

Deno.test("local: json mode with local_json answers exactly JSON.stringify(local_json)", async () => {
  const localJson = { title: "Given", nested: { a: [1, 2] }, extra: null };
  const result = await complete({ local_mode: "json", local_json: localJson }, { outputContract: CONTRACT });
  assertEquals(result.text, JSON.stringify(localJson));
});

Deno.test("local: error mode defaults to a server error with status 500", async () => {
  const err = await providerError(complete({ local_mode: "error" }));
  assertEquals([err.kind, err.status, err.retryAfterMs, err.provider], ["server", 500, undefined, "local"]);
});

Deno.test("local: error mode kinds carry their default status and local_retry_after_ms", async () => {
  const limited = await providerError(
    complete({ local_mode: "error", local_error_kind: "rate_limit", local_retry_after_ms: 1234 }),
  );
  assertEquals([limited.kind, limited.status, limited.retryAfterMs], ["rate_limit", 429, 1234]);
  const client = await providerError(complete({ local_mode: "error", local_error_kind: "client" }));
  assertEquals([client.kind, client.status], ["client", 400]);
  const network = await providerError(complete({ local_mode: "error", local_error_kind: "network" }));
  assertEquals([network.kind, network.status], ["network", undefined]);
  const custom = await providerError(
    complete({ local_mode: "error", local_error_kind: "server", local_error_status: 529 }),
  );
  assertEquals([custom.kind, custom.status], ["server", 529]);
});

Deno.test("local: local_fail_times fails attempts 1..N, then answers as local_mode_after (echo by default)", async () => {
  const params = { local_fail_times: 2, local_error_kind: "rate_limit", local_retry_after_ms: 10 };
  for (const attempt of [1, 2]) {
    const err = await providerError(complete({ ...params, attempt }));
    assertEquals([err.kind, err.retryAfterMs], ["rate_limit", 10]);
  }
  assertEquals((await complete({ ...params, attempt: 3 })).text, LAST);
  // Without params.attempt the call counts as attempt 1.
  assertEquals((await providerError(complete(params))).kind, "rate_limit");
});

Deno.test("local: after local_fail_times, local_mode_after decides; a json local_mode carries over", async () => {
  const after = await complete({ local_fail_times: 1, attempt: 2, local_mode_after: "json" }, {
    outputContract: CONTRACT,
  });
  assertEquals(JSON.parse(after.text).title, "title value");
  const carried = await complete({ local_mode: "json", local_fail_times: 1, attempt: 2 }, {
    outputContract: CONTRACT,
  });
  assertEquals(JSON.parse(carried.text).ok, true);
  const fromError = await complete({ local_mode: "error", local_fail_times: 1, attempt: 2 });
  assertEquals(fromError.text, LAST);
});

Deno.test("local: local_delay_ms waits before answering", async () => {
  const result = await complete({ local_delay_ms: 40 });
  assert(result.latencyMs >= 35, `latency ${result.latencyMs} ms`);
  assert(result.ttftMs !== null && result.ttftMs >= 35, `ttft ${result.ttftMs} ms`);
});

Deno.test("local: local_delay_ms beyond timeoutMs -> timeout", async () => {
  const started = performance.now();
  const err = await providerError(complete({ local_delay_ms: 5000 }, { timeoutMs: 30 }));
  assertEquals(err.kind, "timeout");
  assert(performance.now() - started < 1000, "the timeout cuts the delay short");
});

Deno.test("local: aborting during local_delay_ms -> cancelled", async () => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 20);
  try {
    const err = await providerError(complete({ local_delay_ms: 5000 }, { signal: controller.signal }));
    assertEquals(err.kind, "cancelled");
  } finally {
    clearTimeout(timer);
  }
});

Deno.test("local: an already aborted signal -> cancelled", async () => {
  const controller = new AbortController();
  controller.abort();
  assertEquals((await providerError(complete(undefined, { signal: controller.signal }))).kind, "cancelled");
});

Deno.test("local: aborting from onDelta stops the stream -> cancelled", async () => {
  const controller = new AbortController();
  const deltas: string[] = [];
  const err = await providerError(complete({ local_chunk_chars: 4 }, {
    signal: controller.signal,
    onDelta: (t) => {
      deltas.push(t);
      controller.abort();
    },
  }));
  assertEquals([err.kind, deltas.length], ["cancelled", 1]);
});

Deno.test("local: an onDelta failure propagates unchanged", async () => {
  const boom = new Error("consumer failed");
  try {
    await complete(undefined, { onDelta: () => Promise.reject(boom) });
    throw new Error("expected the call to fail");
  } catch (err) {
    assert(err === boom, `expected the onDelta error, got ${err}`);
  }
});

Deno.test("local: the same input twice gives the same output", async () => {
  const strip = ({ latencyMs: _l, ttftMs: _t, ...rest }: CompletionResult) => rest;
  for (const params of [undefined, { local_mode: "json" }, { local_chunk_chars: 3 }]) {
    const runs: string[][] = [[], []];
    const [a, b] = [
      await complete(params, { outputContract: CONTRACT, onDelta: (t) => void runs[0].push(t) }),
      await complete(params, { outputContract: CONTRACT, onDelta: (t) => void runs[1].push(t) }),
    ];
    assertEquals(strip(a), strip(b));
    assertEquals(runs[0], runs[1]);
  }
  const describe = async () => {
    const e = await providerError(
      complete({ local_mode: "error", local_error_kind: "rate_limit", local_retry_after_ms: 5 }),
    );
    return [e.kind, e.status, e.retryAfterMs, e.message];
  };
  assertEquals(await describe(), await describe());
});

Deno.test("local: an invalid knob is a client error naming it", async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ local_mode: "shout" }, "params.local_mode"],
    [{ local_mode_after: "error!" }, "params.local_mode_after"],
    [{ local_mode: "error", local_error_kind: "teapot" }, "params.local_error_kind"],
    [{ local_chunk_chars: 0 }, "params.local_chunk_chars"],
    [{ local_delay_ms: "soon" }, "params.local_delay_ms"],
    [{ local_fail_times: -1 }, "params.local_fail_times"],
    [{ local_mode: "json", local_json: [1, 2] }, "params.local_json"],
    [{ attempt: 0 }, "params.attempt"],
  ];
  for (const [params, name] of cases) {
    const err = await providerError(complete(params));
    assertEquals(err.kind, "client");
    assert(err.message.includes(name), `${JSON.stringify(params)}: ${err.message}`);
  }
});

Deno.test("local: a non-positive timeoutMs is a client error", async () => {
  const err = await providerError(complete(undefined, { timeoutMs: 0 }));
  assertEquals(err.kind, "client");
  assert(err.message.includes("timeoutMs"), err.message);
});

Deno.test("local: createProvider and providerFromEnv need no key", async () => {
  for (const provider of [createProvider("local"), providerFromEnv("local", new Map())]) {
    assertEquals(provider.key, "local");
    assertEquals((await provider.complete({ model: MODEL, messages: MESSAGES })).text, LAST);
  }
});

Deno.test("createProvider rejects an unknown kind by name", () => {
  try {
    createProvider("openai" as never);
    throw new Error("expected createProvider to throw");
  } catch (err) {
    assert(err instanceof Error && err.message.includes('unknown provider kind "openai"'), String(err));
  }
});
