// The behaviour every remote adapter shares, run against its fake server: streaming, usage,
// error classification, timeouts, cancellation and connection failures. Each *_test.ts calls
// remoteProviderTests for its adapter and adds what is specific to its protocol.
import { assert, assertEquals } from "../../_support/assert.ts";
import { type Provider, ProviderError, type Usage } from "../../../functions/_shared/providers/index.ts";
import { DEFAULT_ANSWER, type FakeServer, refusedOrigin } from "../fakes/server.ts";

export interface RemoteCase {
  /** The adapter's key, also ProviderError.provider. */
  name: string;
  model: string;
  start(): FakeServer & { baseUrl: string };
  provider(baseUrl: string): Provider;
  /** How many stream events the fake sends up to and including the first text chunk. */
  eventsThroughFirstText: number;
  expectedUsage?: Usage;
  expectedFinishReason: string;
}

export const MESSAGES = [
  { role: "system" as const, content: "You are terse." },
  { role: "user" as const, content: "Say hello." },
];

/** The ProviderError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (err) {
    assert(err instanceof ProviderError, `expected a ProviderError, got ${err}`);
    return err;
  }
  throw new Error("expected the call to fail, it succeeded");
}

export async function withFake<F extends FakeServer>(
  start: () => F,
  body: (fake: F) => Promise<void>,
): Promise<void> {
  const fake = start();
  try {
    await body(fake);
  } finally {
    await fake.close();
  }
}

export function remoteProviderTests(c: RemoteCase): void {
  const test = (
    name: string,
    fn: (fake: FakeServer & { baseUrl: string }, provider: Provider) => Promise<void>,
  ) => Deno.test(`${c.name}: ${name}`, () => withFake(c.start, (fake) => fn(fake, c.provider(fake.baseUrl))));

  test(
    "streams the text in order through onDelta; the deltas make the final text",
    async (_fake, provider) => {
      const deltas: string[] = [];
      const result = await provider.complete({
        model: c.model,
        messages: MESSAGES,
        onDelta: (t) => void deltas.push(t),
      });
      assertEquals(deltas, DEFAULT_ANSWER.chunks);
      assertEquals(result.text, DEFAULT_ANSWER.chunks.join(""));
      assertEquals(result.model, DEFAULT_ANSWER.model);
      assertEquals(result.finishReason, c.expectedFinishReason);
      assert(
        result.ttftMs !== null && result.ttftMs >= 0 && result.ttftMs <= result.latencyMs,
        "ttftMs within latencyMs",
      );
    },
  );

  test("reports usage, cached tokens included", async (_fake, provider) => {
    const result = await provider.complete({ model: c.model, messages: MESSAGES });
    assertEquals(
      result.usage,
      c.expectedUsage ?? {
        inputTokens: DEFAULT_ANSWER.inputTokens,
        outputTokens: DEFAULT_ANSWER.outputTokens,
        cachedTokens: DEFAULT_ANSWER.cachedTokens,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
      },
    );
  });

  test(
    "429 with retry-after -> rate_limit with retryAfterMs, not retried by the SDK",
    async (fake, provider) => {
      fake.mode = { kind: "error", status: 429, headers: { "retry-after": "2" } };
      const err = await providerError(provider.complete({ model: c.model, messages: MESSAGES }));
      assertEquals([err.kind, err.status, err.retryAfterMs, err.provider], ["rate_limit", 429, 2000, c.name]);
      assertEquals(fake.requests.length, 1);
    },
  );

  test("429 with retry-after-ms -> retryAfterMs in milliseconds", async (fake, provider) => {
    fake.mode = { kind: "error", status: 429, headers: { "retry-after-ms": "750", "retry-after": "1" } };
    const err = await providerError(provider.complete({ model: c.model, messages: MESSAGES }));
    assertEquals([err.kind, err.retryAfterMs], ["rate_limit", 750]);
  });

  test("400 -> client", async (fake, provider) => {
    fake.mode = { kind: "error", status: 400 };
    const err = await providerError(provider.complete({ model: c.model, messages: MESSAGES }));
    assertEquals([err.kind, err.status, err.retryAfterMs], ["client", 400, undefined]);
    assert(err.message.includes("400"), `the message names the status: ${err.message}`);
  });

  test("500 -> server, not retried by the SDK", async (fake, provider) => {
    fake.mode = { kind: "error", status: 500 };
    const err = await providerError(provider.complete({ model: c.model, messages: MESSAGES }));
    assertEquals([err.kind, err.status], ["server", 500]);
    assertEquals(fake.requests.length, 1);
  });

  test("an error event after the stream began -> server", async (fake, provider) => {
    fake.mode = { kind: "error_event", events: c.eventsThroughFirstText };
    const deltas: string[] = [];
    const err = await providerError(
      provider.complete({ model: c.model, messages: MESSAGES, onDelta: (t) => void deltas.push(t) }),
    );
    assertEquals([err.kind, err.provider], ["server", c.name]);
    assertEquals(deltas, [DEFAULT_ANSWER.chunks[0]]);
  });

  test("no response head within timeoutMs -> timeout", async (fake, provider) => {
    fake.mode = { kind: "stall" };
    const started = performance.now();
    const err = await providerError(
      provider.complete({ model: c.model, messages: MESSAGES, timeoutMs: 100 }),
    );
    assertEquals(err.kind, "timeout");
    assert(performance.now() - started < 2000, "the timeout ends the call promptly");
  });

  test(
    "a stream that stops mid-answer past timeoutMs -> timeout, after the first delta",
    async (fake, provider) => {
      fake.mode = { kind: "stall_after", events: c.eventsThroughFirstText };
      const deltas: string[] = [];
      const err = await providerError(
        provider.complete({
          model: c.model,
          messages: MESSAGES,
          timeoutMs: 150,
          onDelta: (t) => void deltas.push(t),
        }),
      );
      assertEquals(err.kind, "timeout");
      assertEquals(deltas, [DEFAULT_ANSWER.chunks[0]]);
    },
  );

  test("the caller aborting mid-stream -> cancelled", async (fake, provider) => {
    fake.mode = { kind: "stall_after", events: c.eventsThroughFirstText };
    const controller = new AbortController();
    const err = await providerError(provider.complete({
      model: c.model,
      messages: MESSAGES,
      signal: controller.signal,
      timeoutMs: 5000,
      onDelta: () => controller.abort(),
    }));
    assertEquals(err.kind, "cancelled");
  });

  test("the caller aborting before the response head -> cancelled", async (fake, provider) => {
    fake.mode = { kind: "stall" };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30);
    try {
      const err = await providerError(
        provider.complete({ model: c.model, messages: MESSAGES, signal: controller.signal }),
      );
      assertEquals(err.kind, "cancelled");
    } finally {
      clearTimeout(timer);
    }
  });

  test("an already aborted signal -> cancelled without a request", async (fake, provider) => {
    const controller = new AbortController();
    controller.abort();
    const err = await providerError(
      provider.complete({ model: c.model, messages: MESSAGES, signal: controller.signal }),
    );
    assertEquals(err.kind, "cancelled");
    assertEquals(fake.requests.length, 0);
  });

  test("an onDelta failure propagates unchanged", async (_fake, provider) => {
    const boom = new Error("consumer failed");
    try {
      await provider.complete({ model: c.model, messages: MESSAGES, onDelta: () => Promise.reject(boom) });
      throw new Error("expected the call to fail");
    } catch (err) {
      assert(err === boom, `expected the onDelta error, got ${err}`);
    }
  });

  test("parameters of the wrong type -> client, before any request", async (fake, provider) => {
    const err = await providerError(
      provider.complete({ model: c.model, messages: MESSAGES, params: { max_tokens: "many" } }),
    );
    assertEquals(err.kind, "client");
    assert(err.message.includes("params.max_tokens"), err.message);
    assertEquals(fake.requests.length, 0);
  });

  Deno.test(`${c.name}: connection refused -> network`, async () => {
    const err = await providerError(
      c.provider(refusedOrigin()).complete({ model: c.model, messages: MESSAGES }),
    );
    assertEquals([err.kind, err.provider], ["network", c.name]);
  });
}
