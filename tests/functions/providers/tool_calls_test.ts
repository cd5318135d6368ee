// The function-calling helpers the adapters share.
import { assertEquals } from "../../_support/assert.ts";
import {
  argumentsObject,
  conversationTurns,
  StreamedToolCalls,
} from "../../../functions/_shared/providers/tool_calls.ts";
import { TOOL_CONVERSATION } from "./_tool_cases.ts";

Deno.test("StreamedToolCalls: fragments in any order, by index; the first id and name win; pieces joined", () => {
  const calls = new StreamedToolCalls();
  calls.add(3, { id: "b", name: "second", arguments: "" });
  calls.add(1, { id: "a", name: "first", arguments: '{"x"' });
  calls.add(3, { id: "other", name: "renamed", arguments: "[1]" });
  calls.add(1, { arguments: ":1}" });
  assertEquals(calls.list(), [
    { id: "a", name: "first", arguments: '{"x":1}' },
    { id: "b", name: "second", arguments: "[1]" },
  ]);
});

Deno.test("StreamedToolCalls: a call without id gets call_<position>; without arguments {}", () => {
  const calls = new StreamedToolCalls();
  calls.add(0, { id: "given", name: "a", arguments: "{}" });
  calls.add(5, { name: "b" });
  assertEquals(calls.list(), [
    { id: "given", name: "a", arguments: "{}" },
    { id: "call_1", name: "b", arguments: "{}" },
  ]);
});

Deno.test("argumentsObject: the parsed object, or {} for invalid JSON and non-objects", () => {
  assertEquals(argumentsObject('{"a":[1,{"b":null}]}'), { a: [1, { b: null }] });
  for (const raw of ["{not json", "", "[1,2]", "null", '"text"', "42"]) {
    assertEquals(argumentsObject(raw), {});
  }
});

Deno.test("conversationTurns: system messages dropped, consecutive tool results grouped", () => {
  const turns = conversationTurns(TOOL_CONVERSATION);
  assertEquals(
    turns.map((t) => t.kind === "message" ? t.message.role : t.results.map((r) => r.toolCallId).join("+")),
    ["user", "assistant", "call_a+call_b", "assistant", "call_c", "user"],
  );
});
