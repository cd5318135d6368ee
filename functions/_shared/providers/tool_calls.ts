// Function-calling plumbing the adapters share: tool calls reassembled from streamed fragments,
// stored arguments turned back into the object some APIs want in the history, and a conversation
// split into turns where consecutive tool results travel together.
import type { ChatMessage, CompletionRequest, ToolCall, ToolResultMessage, ToolSpec } from "./types.ts";

/** The tools offered, or undefined when none are (so no tools field is sent at all). */
export function offeredTools(req: CompletionRequest): ToolSpec[] | undefined {
  return req.tools && req.tools.length > 0 ? req.tools : undefined;
}

/** A piece of one streamed tool call; the first piece of a call names it, later ones add arguments. */
export interface ToolCallFragment {
  id?: string | null;
  name?: string | null;
  arguments?: string | null;
}

/**
 * Tool calls streamed in fragments keyed by an index (OpenAI's tool_calls[].index, Anthropic's
 * content block index). The id and name come from the first fragment that has them; the arguments
 * are the fragments' text concatenated.
 */
export class StreamedToolCalls {
  private readonly calls = new Map<number, { id: string; name: string; pieces: string[] }>();

  add(index: number, fragment: ToolCallFragment): void {
    let call = this.calls.get(index);
    if (!call) {
      call = { id: "", name: "", pieces: [] };
      this.calls.set(index, call);
    }
    if (!call.id && fragment.id) call.id = fragment.id;
    if (!call.name && fragment.name) call.name = fragment.name;
    if (fragment.arguments) call.pieces.push(fragment.arguments);
  }

  /**
   * The calls in index order. A call without id gets call_<position>; a call whose arguments never
   * came (a tool without parameters) gets "{}", which is what an empty input means.
   */
  list(): ToolCall[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, call], position) => ({
        id: call.id || generatedCallId(position),
        name: call.name,
        arguments: call.pieces.join("") || "{}",
      }));
  }
}

export function generatedCallId(position: number): string {
  return `call_${position}`;
}

/**
 * Stored arguments as the object Anthropic (input) and Gemini (args) want back in the history:
 * the parsed JSON object, or {} when the model wrote something that is not one (the tool result
 * that follows tells the model so).
 */
export function argumentsObject(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Invalid JSON: fall through to {}.
  }
  return {};
}

/** A conversation turn: one message, or a run of consecutive tool results answered together. */
export type Turn =
  | { kind: "message"; message: Exclude<ChatMessage, ToolResultMessage> }
  | { kind: "tool_results"; results: ToolResultMessage[] };

/** The non-system messages as turns, consecutive tool results grouped in one turn. */
export function conversationTurns(messages: ChatMessage[]): Turn[] {
  const turns: Turn[] = [];
  for (const message of messages) {
    if (message.role === "system") continue;
    if (message.role !== "tool") {
      turns.push({ kind: "message", message });
      continue;
    }
    const last = turns.at(-1);
    if (last?.kind === "tool_results") last.results.push(message);
    else turns.push({ kind: "tool_results", results: [message] });
  }
  return turns;
}
