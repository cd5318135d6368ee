// The local provider: deterministic answers with no key and no network, the default in development
// and tests. Its knobs, read from the request's `params`, drive every path of the worker:
//
//   local_mode            "echo" (default): the text is the last user message, verbatim.
//                         "json": a JSON object satisfying the output contract, every field (required
//                         or not) present with a value of its type: string -> "<name> value",
//                         number -> 1.5, integer -> 1, boolean -> true, object -> {}, array -> [].
//                         A text contract, or none, gives {"text": "text value"}.
//                         "error": fail with a ProviderError (see local_error_*).
//   local_json            an object; json mode then answers exactly JSON.stringify(local_json).
//   local_error_kind      the ProviderError kind for error mode, default "server".
//   local_error_status    its HTTP status; default 500 for server, 429 for rate_limit, 400 for client,
//                         none for the other kinds.
//   local_retry_after_ms  its retryAfterMs.
//   local_fail_times      N: error mode for attempts 1..N only (attempt = params.attempt, default 1),
//                         after that the mode is local_mode_after.
//   local_mode_after      the mode once local_fail_times is used up; default local_mode when that is
//                         "echo" or "json", otherwise "echo".
//   local_delay_ms        wait this long before answering; the request's signal and timeoutMs apply
//                         (-> "cancelled" / "timeout").
//   local_chunk_chars     the text is streamed to onDelta in chunks of this many characters (16).
//   local_tool_calls      rounds of tool calls: an array of rounds, each a non-empty array of
//                         {name: string, arguments: object | string} (an object is sent as its JSON
//                         text, a string verbatim, so invalid JSON can be tested). Round k, k being the
//                         number of assistant messages with tool calls already in the conversation,
//                         answers text "" with that round's calls (ids call_<k>_<i>, finishReason
//                         "tool_calls"), whether or not the tools were offered. Once the rounds are
//                         used up the mode answers; error mode fails before any round.
//
// Without local_tool_calls, the rounds can also come from the prompt, so that a workflow on the local
// model drives tools with no knob: each line of the first user message of the form
// "@tool <name> <arguments text>" is a round with that one call (arguments verbatim, "{}" when none),
// and "@tools <JSON array of {name, arguments}>" a round with those calls.
//
// Guardrail judges offline: in json mode (the mode a model_judge rule's call asks for, see
// functions/_shared/guardrails/model_judge.ts), a line of the last user message of the form
// "@judge <verdict>" decides the answer, so a test (or a developer) writes the verdict into the text
// being judged:
//   @judge allow             {"allow":true,"reason":"local judge: allowed"}
//   @judge deny <reason>     {"allow":false,"reason":"<reason>"} (reason "local judge: denied" if none)
//   @judge rewrite <text>    {"allow":false,"reason":"local judge: rewrite","rewrite":"<text>"}
//   @judge raw <text>        <text> verbatim (an answer that is not the judge's JSON)
//   @judge fail              a ProviderError of kind "server" (the judge is unavailable)
// Without such a line json mode answers as usual; for the judge's contract (allow: boolean, reason:
// string) that is {"allow":true,"reason":"reason value"}: the local judge allows by default.
//
// Echo after tool results: when messages after the last user message are tool results, the text is
// the last user message followed by "\n[tool <name>] <content>" for each of them, in order.
//
// Usage is estimated at 4 characters a token: inputTokens = ceil(characters of all message contents
// and tool-call arguments / 4), outputTokens = ceil(characters of the text and the calls' arguments
// / 4), cachedTokens = 0. Characters are code points, so a chunk never splits a surrogate pair. The
// reported model is the requested one.
import { CallScope, sleepWithin } from "./call_scope.ts";
import {
  type ChatMessage,
  type CompletionRequest,
  type CompletionResult,
  type OutputContract,
  type Provider,
  PROVIDER_ERROR_KINDS,
  ProviderError,
  type ProviderErrorKind,
  type ToolCall,
} from "./types.ts";

const MODES = ["echo", "json", "error"] as const;
type LocalMode = typeof MODES[number];

const DEFAULT_STATUS: Partial<Record<ProviderErrorKind, number>> = {
  server: 500,
  rate_limit: 429,
  client: 400,
};
const DEFAULT_CHUNK_CHARS = 16;

interface Knobs {
  mode: LocalMode;
  json: Record<string, unknown> | undefined;
  errorKind: ProviderErrorKind;
  errorStatus: number | undefined;
  retryAfterMs: number | undefined;
  failTimes: number | undefined;
  modeAfter: LocalMode;
  attempt: number;
  delayMs: number;
  chunkChars: number;
  /** Each round's calls, arguments already as raw text. */
  toolRounds: { name: string; arguments: string }[][];
}

export class LocalProvider implements Provider {
  readonly key = "local";

  async complete(req: CompletionRequest): Promise<CompletionResult> {
    const knobs = readKnobs(req.params, req.messages);
    const scope = CallScope.start(this.key, req);
    try {
      if (knobs.delayMs > 0) await sleepWithin(scope, knobs.delayMs);
      const mode = knobs.failTimes === undefined
        ? knobs.mode
        : knobs.attempt <= knobs.failTimes
        ? "error"
        : knobs.modeAfter;
      if (mode === "error") throw localError(knobs);
      const judged = mode === "json" ? judgeMarker(req.messages) : undefined;
      if (judged?.fail) {
        throw new ProviderError(this.key, "server", "simulated judge failure (@judge fail)", { status: 500 });
      }
      const roundIndex = toolRoundsAnswered(req.messages);
      const round = knobs.toolRounds[roundIndex];
      const toolCalls: ToolCall[] = round?.map((call, i) => ({
        id: `call_${roundIndex}_${i}`,
        name: call.name,
        arguments: call.arguments,
      })) ?? [];
      const text = round
        ? ""
        : judged !== undefined
        ? judged.text
        : mode === "json"
        ? jsonAnswer(knobs, req.outputContract)
        : echoAnswer(req);
      const chars = Array.from(text);
      for (let i = 0; i < chars.length; i += knobs.chunkChars) {
        await scope.emit(chars.slice(i, i + knobs.chunkChars).join(""));
      }
      const outputChars = chars.length + toolCalls.reduce((sum, c) => sum + codePoints(c.arguments), 0);
      return scope.finish({
        usage: {
          inputTokens: Math.ceil(promptChars(req.messages) / 4),
          outputTokens: Math.ceil(outputChars / 4),
          cachedTokens: 0,
          cacheWriteTokens: 0,
          reasoningTokens: 0,
        },
        finishReason: round ? "tool_calls" : "stop",
        model: req.model,
        toolCalls,
      });
    } catch (err) {
      throw scope.failure(err, (e) => new ProviderError(this.key, "server", String(e), { cause: e }));
    } finally {
      scope.dispose();
    }
  }
}

/** The answer an "@judge" line of the last user message asks for; undefined when there is none. */
function judgeMarker(messages: ChatMessage[]): { text: string; fail?: boolean } | undefined {
  const last = messages.findLast((m) => m.role === "user");
  if (!last) return undefined;
  for (const line of last.content.split("\n")) {
    const m = /^@judge\s+(allow|deny|rewrite|raw|fail)(?:\s+(.*))?$/.exec(line.trim());
    if (!m) continue;
    const rest = m[2] ?? "";
    switch (m[1]) {
      case "allow":
        return { text: JSON.stringify({ allow: true, reason: "local judge: allowed" }) };
      case "deny":
        return { text: JSON.stringify({ allow: false, reason: rest || "local judge: denied" }) };
      case "rewrite":
        return { text: JSON.stringify({ allow: false, reason: "local judge: rewrite", rewrite: rest }) };
      case "raw":
        return { text: rest };
      default:
        return { text: "", fail: true };
    }
  }
  return undefined;
}

function toolRoundsAnswered(messages: ChatMessage[]): number {
  return messages.filter((m) => m.role === "assistant" && (m.toolCalls?.length ?? 0) > 0).length;
}

/** The last user message, then a line per tool result that came after it. */
function echoAnswer(req: CompletionRequest): string {
  const lastUser = req.messages.findLastIndex((m) => m.role === "user");
  if (lastUser < 0) return "";
  const results = req.messages.slice(lastUser + 1).flatMap((m) =>
    m.role === "tool" ? [`\n[tool ${m.name}] ${m.content}`] : []
  );
  return req.messages[lastUser].content + results.join("");
}

function promptChars(messages: ChatMessage[]): number {
  return messages.reduce(
    (sum, m) =>
      sum + codePoints(m.content) +
      (m.role === "assistant" ? (m.toolCalls ?? []).reduce((n, c) => n + codePoints(c.arguments), 0) : 0),
    0,
  );
}

function codePoints(text: string): number {
  return Array.from(text).length;
}

function jsonAnswer(knobs: Knobs, contract: OutputContract | null | undefined): string {
  if (knobs.json !== undefined) return JSON.stringify(knobs.json);
  const fields = contract?.kind === "json"
    ? contract.fields ?? []
    : [{ name: "text", type: "string" as const }];
  const value: Record<string, unknown> = {};
  for (const field of fields) {
    switch (field.type) {
      case "string":
        value[field.name] = `${field.name} value`;
        break;
      case "number":
        value[field.name] = 1.5;
        break;
      case "integer":
        value[field.name] = 1;
        break;
      case "boolean":
        value[field.name] = true;
        break;
      case "object":
        value[field.name] = {};
        break;
      case "array":
        value[field.name] = [];
        break;
    }
  }
  return JSON.stringify(value);
}

function localError(knobs: Knobs): ProviderError {
  const status = knobs.errorStatus ?? DEFAULT_STATUS[knobs.errorKind];
  const what = status === undefined ? knobs.errorKind : `${knobs.errorKind} (HTTP ${status})`;
  return new ProviderError("local", knobs.errorKind, `simulated ${what} error (local_mode error)`, {
    status,
    retryAfterMs: knobs.retryAfterMs,
  });
}

function readKnobs(params: Record<string, unknown> | undefined, messages: ChatMessage[]): Knobs {
  const p = params ?? {};
  const mode = modeKnob(p, "local_mode") ?? "echo";
  const errorKind = p.local_error_kind ?? "server";
  if (!PROVIDER_ERROR_KINDS.includes(errorKind as ProviderErrorKind)) {
    throw knobError(
      `params.local_error_kind must be one of ${PROVIDER_ERROR_KINDS.join(", ")}, got ${
        JSON.stringify(errorKind)
      }`,
    );
  }
  const json = p.local_json;
  if (json !== undefined && (json === null || typeof json !== "object" || Array.isArray(json))) {
    throw knobError(`params.local_json must be a JSON object, got ${JSON.stringify(json)}`);
  }
  return {
    mode,
    json: json as Record<string, unknown> | undefined,
    errorKind: errorKind as ProviderErrorKind,
    errorStatus: intKnob(p, "local_error_status", 100),
    retryAfterMs: intKnob(p, "local_retry_after_ms", 0),
    failTimes: intKnob(p, "local_fail_times", 0),
    modeAfter: modeKnob(p, "local_mode_after") ?? (mode === "error" ? "echo" : mode),
    attempt: intKnob(p, "attempt", 1) ?? 1,
    delayMs: intKnob(p, "local_delay_ms", 0) ?? 0,
    chunkChars: intKnob(p, "local_chunk_chars", 1) ?? DEFAULT_CHUNK_CHARS,
    toolRounds: p.local_tool_calls === undefined
      ? promptToolRounds(messages)
      : toolRoundsKnob(p.local_tool_calls),
  };
}

function modeKnob(p: Record<string, unknown>, name: string): LocalMode | undefined {
  const value = p[name];
  if (value === undefined) return undefined;
  if (!MODES.includes(value as LocalMode)) {
    throw knobError(`params.${name} must be one of ${MODES.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value as LocalMode;
}

function intKnob(p: Record<string, unknown>, name: string, min: number): number | undefined {
  const value = p[name];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw knobError(`params.${name} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The "@tool" / "@tools" lines of the first user message, one round each. */
function promptToolRounds(messages: ChatMessage[]): Knobs["toolRounds"] {
  const first = messages.find((m) => m.role === "user");
  if (!first) return [];
  return first.content.split("\n").flatMap((line, n) => {
    const single = /^@tool\s+(\S+)\s*(.*)$/.exec(line.trim());
    if (single) return [[{ name: single[1], arguments: single[2] === "" ? "{}" : single[2] }]];
    const many = /^@tools\s+(.*)$/.exec(line.trim());
    if (!many) return [];
    let calls: unknown;
    try {
      calls = JSON.parse(many[1]);
    } catch {
      throw knobError(`prompt line ${n + 1}: "@tools" must be followed by a JSON array of {name, arguments}`);
    }
    return toolRoundsKnob([calls], `prompt line ${n + 1} (@tools)`);
  });
}

function toolRoundsKnob(value: unknown, name = "params.local_tool_calls"): Knobs["toolRounds"] {
  if (!Array.isArray(value)) {
    throw knobError(`${name} must be an array of rounds, got ${JSON.stringify(value)}`);
  }
  return value.map((round, k) => {
    if (!Array.isArray(round) || round.length === 0) {
      throw knobError(`${name}[${k}] must be a non-empty array of calls, got ${JSON.stringify(round)}`);
    }
    return round.map((call, i) => {
      const where = `${name}[${k}][${i}]`;
      if (call === null || typeof call !== "object" || Array.isArray(call)) {
        throw knobError(`${where} must be an object {name, arguments}, got ${JSON.stringify(call)}`);
      }
      const { name: toolName, arguments: args } = call as Record<string, unknown>;
      if (typeof toolName !== "string" || toolName === "") {
        throw knobError(`${where}.name must be a non-empty string, got ${JSON.stringify(toolName)}`);
      }
      if (typeof args === "string") return { name: toolName, arguments: args };
      if (args === null || typeof args !== "object" || Array.isArray(args)) {
        throw knobError(`${where}.arguments must be an object or a string, got ${JSON.stringify(args)}`);
      }
      return { name: toolName, arguments: JSON.stringify(args) };
    });
  });
}

function knobError(message: string): ProviderError {
  return new ProviderError("local", "client", message);
}
