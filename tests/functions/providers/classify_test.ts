// classify() on its own: what each kind of throwable becomes, through the adapters' own readers
// (openai and @anthropic-ai/sdk errors built with the real SDK classes, Gemini's ApiError) and
// without one. No server: the errors are built here.
import * as OpenAISdk from "openai";
import * as AnthropicSdk from "@anthropic-ai/sdk";
import { ApiError } from "@google/genai";
import { assert, assertEquals } from "../../_support/assert.ts";
import { anthropicErrorReader } from "../../../functions/_shared/providers/anthropic.ts";
import { classify, type SdkErrorReader } from "../../../functions/_shared/providers/errors.ts";
import { geminiErrorReader } from "../../../functions/_shared/providers/google.ts";
import { openaiErrorReader } from "../../../functions/_shared/providers/openai.ts";
import { ProviderError } from "../../../functions/_shared/providers/types.ts";

/** [kind, status, retryAfterMs] of a ProviderError, for one assertEquals. */
const summary = (e: ProviderError) => [e.kind, e.status, e.retryAfterMs];

const STAINLESS = [
  {
    sdk: OpenAISdk,
    provider: "openai_compatible",
    read: openaiErrorReader,
    streamLabel: "error in the stream",
  },
  {
    sdk: AnthropicSdk,
    provider: "anthropic",
    read: anthropicErrorReader,
    streamLabel: "error event in the stream",
  },
];

for (const { sdk, provider, read, streamLabel } of STAINLESS) {
  const httpErr = (status: number, headers: Record<string, string> = {}) =>
    sdk.APIError.generate(status, { error: { message: `fake ${status}` } }, undefined, new Headers(headers));
  const run = (err: unknown) => classify(err, provider, read);

  Deno.test(`classify (${provider}): 429 with retry-after in seconds -> rate_limit, the wait in ms`, () => {
    const err = httpErr(429, { "retry-after": "2" });
    const e = run(err);
    assert(e instanceof ProviderError);
    assertEquals(summary(e), ["rate_limit", 429, 2000]);
    assertEquals(e.provider, provider);
    assertEquals(e.message, `${provider}: HTTP 429: ${err.message}`);
    assert(e.cause === err, "the SDK error is the cause");
    assertEquals(run(httpErr(429, { "retry-after": "0.25" })).retryAfterMs, 250);
  });

  Deno.test(`classify (${provider}): 429 with retry-after as an HTTP date -> the wait until then`, () => {
    const inThirtySeconds = new Date(Date.now() + 30_000).toUTCString();
    const wait = run(httpErr(429, { "retry-after": inThirtySeconds })).retryAfterMs;
    // toUTCString drops the milliseconds: the wait is at most 30 s and at least 29 s less test time.
    assert(wait !== undefined && wait > 28_000 && wait <= 30_000, `wait ${wait}`);
    const past = new Date(Date.now() - 60_000).toUTCString();
    assertEquals(summary(run(httpErr(429, { "retry-after": past }))), ["rate_limit", 429, 0]);
  });

  Deno.test(`classify (${provider}): retry-after-ms wins; no or unreadable retry-after -> no wait`, () => {
    assertEquals(run(httpErr(429, { "retry-after-ms": "750", "retry-after": "1" })).retryAfterMs, 750);
    assertEquals(summary(run(httpErr(429))), ["rate_limit", 429, undefined]);
    assertEquals(summary(run(httpErr(429, { "retry-after": "soon" }))), ["rate_limit", 429, undefined]);
    assertEquals(summary(run(httpErr(429, { "retry-after": "-3" }))), ["rate_limit", 429, undefined]);
  });

  Deno.test(`classify (${provider}): 400 / 401 / 404 -> client, a retry-after ignored`, () => {
    for (const status of [400, 401, 404]) {
      const err = httpErr(status, { "retry-after": "5" });
      const e = run(err);
      assertEquals(summary(e), ["client", status, undefined]);
      assertEquals(e.message, `${provider}: HTTP ${status}: ${err.message}`);
    }
  });

  Deno.test(`classify (${provider}): 500 / 503 / 529 -> server; a 5xx keeps its retry-after`, () => {
    assertEquals(summary(run(httpErr(500))), ["server", 500, undefined]);
    assertEquals(summary(run(httpErr(503, { "retry-after": "5" }))), ["server", 503, 5000]);
    assertEquals(summary(run(httpErr(529))), ["server", 529, undefined]);
  });

  Deno.test(`classify (${provider}): the SDK's timeout -> timeout, its abort -> cancelled`, () => {
    const timeout = run(new sdk.APIConnectionTimeoutError());
    assertEquals([timeout.kind, timeout.status, timeout.message], [
      "timeout",
      undefined,
      `${provider}: the request timed out`,
    ]);
    const aborted = run(new sdk.APIUserAbortError());
    assertEquals([aborted.kind, aborted.message], ["cancelled", `${provider}: the request was aborted`]);
  });

  Deno.test(`classify (${provider}): the SDK's connection error -> network, naming what it wraps`, () => {
    const err = new sdk.APIConnectionError({ cause: new TypeError("fetch failed") });
    const e = run(err);
    assertEquals([e.kind, e.message], ["network", `${provider}: cannot reach the server: fetch failed`]);
    assert(e.cause === err, "the SDK error is the cause");
    const bare = run(new sdk.APIConnectionError({}));
    assertEquals(bare.message, `${provider}: cannot reach the server: Connection error.`);
  });

  Deno.test(`classify (${provider}): an APIError without status (inside the stream) -> server`, () => {
    const e = run(new sdk.APIError(undefined, { message: "Overloaded" }, undefined, undefined));
    assertEquals([e.kind, e.status, e.message], [
      "server",
      undefined,
      `${provider}: ${streamLabel}: Overloaded`,
    ]);
  });
}

Deno.test("classify: a connection failure under any throwable -> network", () => {
  const cases: [unknown, string][] = [
    [new TypeError("fetch failed"), "fetch failed"],
    [Object.assign(new Error("connection refused"), { name: "ConnectionRefused" }), "connection refused"],
    [
      new Error("socket hang up", { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) }),
      "socket hang up",
    ],
    [Object.assign(new Error("connect timed out"), { code: "ETIMEDOUT" }), "connect timed out"],
  ];
  for (const [err, message] of cases) {
    const e = classify(err, "p", openaiErrorReader);
    assertEquals([e.kind, e.status, e.message], [
      "network",
      undefined,
      `p: the connection failed: ${message}`,
    ]);
    assert(e.cause === err, "the throwable is the cause");
  }
});

Deno.test("classify: an unknown throwable -> server, bad streamed response", () => {
  const cases: [unknown, string][] = [
    [new RangeError("index out of range"), "index out of range"],
    [new SyntaxError("Unexpected token"), "Unexpected token"],
    ["a string", "a string"],
    [undefined, "undefined"],
    [{ code: "ECONNRESET" }, "[object Object]"],
  ];
  for (const [err, message] of cases) {
    const e = classify(err, "p");
    assertEquals([e.kind, e.status, e.retryAfterMs, e.message], [
      "server",
      undefined,
      undefined,
      `p: bad streamed response: ${message}`,
    ]);
  }
});

Deno.test("classify: without a reader, an SDK's HTTP error is not read as one", () => {
  const err = OpenAISdk.APIError.generate(429, {}, undefined, new Headers({ "retry-after": "2" }));
  assertEquals(summary(classify(err, "p")), ["server", undefined, undefined]);
  assertEquals(summary(classify(err, "p", anthropicErrorReader)), ["server", undefined, undefined]);
});

Deno.test("classify: a reader's http answer, its message and headers", () => {
  const read: SdkErrorReader = () => ({
    type: "http",
    status: 404,
    message: "no such model",
    headers: new Headers({ "retry-after": "9" }),
  });
  const e = classify(new Error("x"), "p", read);
  assertEquals([...summary(e), e.message], ["client", 404, undefined, "p: HTTP 404: no such model"]);
});

// Gemini: the SDK's ApiError keeps the status and the body in its message, not the headers.
const geminiBody = (status: number, message: string, retryDelay?: string) =>
  JSON.stringify({
    error: {
      code: status,
      message,
      ...(retryDelay
        ? { details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay }] }
        : {}),
    },
  });

Deno.test("classify (google): a 429 without retry-after takes the wait from the body's RetryInfo", () => {
  const err = new ApiError({ status: 429, message: geminiBody(429, "quota exceeded", "1.5s") });
  const e = classify(err, "google", geminiErrorReader(null));
  assertEquals([...summary(e), e.message], ["rate_limit", 429, 1500, "google: HTTP 429: quota exceeded"]);
  assert(e.cause === err, "the SDK error is the cause");
});

Deno.test("classify (google): a retry-after header wins over the body's RetryInfo", () => {
  const err = new ApiError({ status: 429, message: geminiBody(429, "quota exceeded", "1.5s") });
  const e = classify(err, "google", geminiErrorReader(new Headers({ "retry-after": "3" })));
  assertEquals(summary(e), ["rate_limit", 429, 3000]);
});

Deno.test("classify (google): RetryInfo counts only on a 429; 400 -> client, 503 -> server", () => {
  const read = geminiErrorReader(null);
  const unavailable = new ApiError({ status: 503, message: geminiBody(503, "overloaded", "2s") });
  assertEquals(summary(classify(unavailable, "google", read)), ["server", 503, undefined]);
  const bad = classify(new ApiError({ status: 400, message: geminiBody(400, "bad field") }), "google", read);
  assertEquals([...summary(bad), bad.message], ["client", 400, undefined, "google: HTTP 400: bad field"]);
});

Deno.test("classify (google): a body that is not JSON leaves the SDK's message as the detail", () => {
  const e = classify(
    new ApiError({ status: 500, message: "upstream died" }),
    "google",
    geminiErrorReader(null),
  );
  assertEquals([...summary(e), e.message], ["server", 500, undefined, "google: HTTP 500: upstream died"]);
});
