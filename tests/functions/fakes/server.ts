// The shared machinery of the fake provider servers: a Deno.serve server on an ephemeral loopback
// port that records every request, answers according to its current `mode`, and can stall (hold
// back the response head, or stop a stream after some events) until the client gives up or the
// server closes. Besides its stream, a protocol may serve plain JSON endpoints (OpenAI's embeddings).

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** The parsed JSON body (null when the body was empty). */
  body: Record<string, unknown> | null;
}

export type FakeMode =
  /** A normal streamed answer: the server's own, or `answer` for this request. */
  | { kind: "ok"; answer?: FakeAnswer }
  /** An HTTP error in the provider's own error format, with extra headers (retry-after ...). */
  | { kind: "error"; status: number; headers?: Record<string, string> }
  /** Never send the response head. */
  | { kind: "stall" }
  /** Send the first `events` events of the stream, then hang. */
  | { kind: "stall_after"; events: number }
  /** Send the first `events` events, then the provider's in-stream error event, then end. */
  | { kind: "error_event"; events: number };

/** A provider protocol: how it streams an answer and how it reports an HTTP error. */
export interface FakeProtocol {
  /** True for the request path(s) this provider streams on; others get 404. */
  matches(req: RecordedRequest): boolean;
  /** The stream's events, each already framed as SSE text ending in a blank line; `answer`, when
   * given, replaces the server's own answer for this request. */
  events(req: RecordedRequest, answer?: FakeAnswer): string[];
  errorBody(status: number): Record<string, unknown>;
  /** The SSE event a provider sends when it fails after the stream has begun. */
  errorEvent(): string;
  /** The JSON body for a request to one of the protocol's non-streamed endpoints; undefined for
   * any other request. Error modes apply to it as to a stream; the stalling modes never answer. */
  jsonAnswer?(req: RecordedRequest): Record<string, unknown> | undefined;
}

export interface FakeServer {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly requests: RecordedRequest[];
  mode: FakeMode;
  close(): Promise<void>;
}

const encoder = new TextEncoder();

export function startFakeServer(protocol: FakeProtocol): FakeServer {
  const requests: RecordedRequest[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const controller = new AbortController();

  const fake = {
    requests,
    mode: { kind: "ok" } as FakeMode,
    origin: "",
    close: async () => {
      release();
      controller.abort();
      await server.finished;
    },
  };

  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: controller.signal, onListen: () => {} },
    async (request) => {
      const url = new URL(request.url);
      const text = await request.text();
      const recorded: RecordedRequest = {
        method: request.method,
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body: text ? JSON.parse(text) : null,
      };
      requests.push(recorded);
      const json = protocol.jsonAnswer?.(recorded);
      if (json === undefined && !protocol.matches(recorded)) {
        return Response.json({ error: `the fake does not serve ${request.method} ${url.pathname}` }, {
          status: 404,
        });
      }
      const mode = fake.mode;
      switch (mode.kind) {
        case "error":
          return Response.json(protocol.errorBody(mode.status), {
            status: mode.status,
            headers: mode.headers,
          });
        case "stall":
          await released;
          return new Response("the fake server closed", { status: 503 });
      }
      if (json !== undefined) {
        if (mode.kind === "ok") return Response.json(json);
        await released;
        return new Response("the fake server closed", { status: 503 });
      }
      switch (mode.kind) {
        case "ok":
        case "stall_after":
        case "error_event": {
          const events = protocol.events(recorded, mode.kind === "ok" ? mode.answer : undefined);
          const stream = mode.kind === "error_event"
            ? eventStream([...events.slice(0, mode.events), protocol.errorEvent()], null, released)
            : eventStream(events, mode.kind === "stall_after" ? mode.events : null, released);
          return new Response(stream, {
            headers: { "content-type": "text/event-stream", "cache-control": "no-cache" },
          });
        }
      }
    },
  );
  fake.origin = `http://127.0.0.1:${server.addr.port}`;
  return fake;
}

/** One network write per event; with `stallAfter`, the stream hangs after that many events. */
function eventStream(
  events: string[],
  stallAfter: number | null,
  released: Promise<void>,
): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    async pull(stream) {
      if (stallAfter !== null && next >= stallAfter) {
        await released;
        stream.close();
        return;
      }
      if (next >= events.length) {
        stream.close();
        return;
      }
      stream.enqueue(encoder.encode(events[next++]));
    },
  });
}

/** An SSE event: an optional `event:` line and one `data:` line. */
export function sse(data: unknown, event?: string): string {
  const payload = typeof data === "string" ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ""}data: ${payload}\n\n`;
}

/** A loopback URL nothing listens on (a port just released), for connection-refused cases. */
export function refusedOrigin(): string {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return `http://127.0.0.1:${port}`;
}

/** What a fake streams back: the text in these chunks, then any tool calls, and the usage it reports. */
export interface FakeAnswer {
  chunks: string[];
  model: string;
  /** All prompt tokens, cached ones included. */
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
  /** Output tokens the answer spent reasoning (OpenAI's completion_tokens_details.reasoning_tokens). */
  reasoningTokens?: number;
  /** Tool calls after the text; the answer then stops for tool use. */
  toolCalls?: FakeToolCall[];
}

/** A tool call a fake streams; how the pieces travel is each provider's own protocol. */
export interface FakeToolCall {
  /** Omitted: the fake's own id (OpenAI, Anthropic) or none at all (Gemini). */
  id?: string;
  name: string;
  /** The arguments' JSON text in the pieces it streams in (Gemini sends them joined, parsed). */
  argumentPieces: string[];
  /** Gemini's thoughtSignature on the functionCall part. */
  thoughtSignature?: string;
}

/** An answer of tool calls, after the optional text chunks, with the default usage. */
export function toolCallAnswer(toolCalls: FakeToolCall[], chunks: string[] = []): FakeAnswer {
  return { ...DEFAULT_ANSWER, chunks, toolCalls };
}

export const DEFAULT_ANSWER: FakeAnswer = {
  chunks: ["Hel", "lo, ", "wor", "ld!"],
  model: "fake-model-2025-01-01",
  inputTokens: 42,
  outputTokens: 4,
  cachedTokens: 10,
};
