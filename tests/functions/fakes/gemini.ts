// A fake Gemini API server: POST /v1beta/models/{model}:streamGenerateContent?alt=sse, each SSE
// `data:` line a GenerateContentResponse. A thought part (excluded from the answer, billed as
// output) can lead the stream; tool calls come whole after the text, all in one chunk of
// functionCall parts (args an object, an id only when the answer names one, finishReason STOP as
// the real API has it); the last chunk carries finishReason and the full usageMetadata.
import {
  DEFAULT_ANSWER,
  type FakeAnswer,
  type FakeServer,
  type RecordedRequest,
  sse,
  startFakeServer,
} from "./server.ts";

export interface GeminiFake extends FakeServer {
  readonly baseUrl: string;
}

export interface GeminiExtras {
  /** A leading thought part's text, and the thoughtsTokenCount reported with it. */
  thought?: { text: string; tokens: number };
}

const STREAM_PATH = /^\/v1beta\/models\/([^/:]+):streamGenerateContent$/;

export function startGeminiFake(answer: FakeAnswer = DEFAULT_ANSWER, extras: GeminiExtras = {}): GeminiFake {
  const statusNames: Record<number, string> = {
    400: "INVALID_ARGUMENT",
    403: "PERMISSION_DENIED",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
  };
  const fake = startFakeServer({
    matches: (req) => req.method === "POST" && STREAM_PATH.test(req.path) && req.query.get("alt") === "sse",
    events: (req, override) => events(req, override ?? answer, extras),
    errorBody: (status) => ({
      error: {
        code: status,
        message: `fake ${statusNames[status] ?? "error"} (HTTP ${status})`,
        status: statusNames[status] ?? "UNKNOWN",
        ...(status === 429
          ? { details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "1.5s" }] }
          : {}),
      },
    }),
    errorEvent: () =>
      sse({ error: { code: 500, message: "An internal error has occurred.", status: "INTERNAL" } }),
  });
  return Object.assign(fake, { baseUrl: fake.origin });
}

function events(req: RecordedRequest, answer: FakeAnswer, extras: GeminiExtras): string[] {
  const modelVersion = answer.model;
  const partial = { promptTokenCount: answer.inputTokens, totalTokenCount: answer.inputTokens };
  const chunk = (parts: Record<string, unknown>[], last: boolean) => ({
    candidates: [{
      content: { parts, role: "model" },
      ...(last ? { finishReason: "STOP" } : {}),
      index: 0,
    }],
    usageMetadata: last ? finalUsage(answer, extras) : partial,
    modelVersion,
    responseId: `fake-${STREAM_PATH.exec(req.path)?.[1]}`,
  });
  const out: string[] = [];
  if (extras.thought) out.push(sse(chunk([{ text: extras.thought.text, thought: true }], false)));
  const bodies: Record<string, unknown>[][] = answer.chunks.map((text) => [{ text }]);
  const calls = answer.toolCalls ?? [];
  if (calls.length > 0) {
    bodies.push(calls.map((call) => ({
      functionCall: {
        ...(call.id ? { id: call.id } : {}),
        name: call.name,
        args: JSON.parse(call.argumentPieces.join("")),
      },
      ...(call.thoughtSignature ? { thoughtSignature: call.thoughtSignature } : {}),
    })));
  }
  bodies.forEach((parts, i) => out.push(sse(chunk(parts, i === bodies.length - 1))));
  return out;
}

function finalUsage(answer: FakeAnswer, extras: GeminiExtras) {
  const thoughts = extras.thought?.tokens ?? 0;
  return {
    promptTokenCount: answer.inputTokens,
    candidatesTokenCount: answer.outputTokens - thoughts,
    cachedContentTokenCount: answer.cachedTokens,
    ...(thoughts ? { thoughtsTokenCount: thoughts } : {}),
    totalTokenCount: answer.inputTokens + answer.outputTokens,
    promptTokensDetails: [{ modality: "TEXT", tokenCount: answer.inputTokens }],
  };
}
