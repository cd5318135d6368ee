// Our SSE encoder against a trusted parser (eventsource-parser): what we write is what a client reads.
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { assertEquals } from "../_support/assert.ts";
import nodeAssert from "node:assert/strict";
import { encodeSseComment, encodeSseMessage, type SseMessage } from "../../functions/_shared/sse.ts";

function parse(text: string, chunkSize = text.length) {
  const events: EventSourceMessage[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const errors: string[] = [];
  const parser = createParser({
    onEvent: (e) => events.push(e),
    onComment: (c) => comments.push(c),
    onRetry: (r) => retries.push(r),
    onError: (e) => errors.push(e.message),
  });
  for (let i = 0; i < text.length; i += chunkSize) parser.feed(text.slice(i, i + chunkSize));
  return { events, comments, retries, errors };
}

const messages: SseMessage[] = [
  { id: 1, event: "run_queued", data: { run_id: "r", payload: { input: { topic: "otters" } } } },
  { id: "2", event: "node_delta", data: "first line\nsecond line\r\nthird line\rfourth" },
  { id: 3, event: "node_delta", data: "\n\nleading and trailing blank lines\n" },
  { id: 4, data: "" },
  { id: 5, event: "unicode", data: "h\u00e9llo \u{1F9A6} : colon, data: not a field" },
  { data: { nested: ["a", 1, null, true] }, retry: 2500 },
];

Deno.test("SSE messages round-trip through eventsource-parser: ids, event names, multi-line data", () => {
  const text = messages.map(encodeSseMessage).join("") + encodeSseComment("keepalive");
  for (const chunkSize of [text.length, 7, 1]) {
    const { events, comments, retries, errors } = parse(text, chunkSize);
    assertEquals(errors, []);
    assertEquals(events.length, messages.length);
    assertEquals(events[0], {
      id: "1",
      event: "run_queued",
      data: JSON.stringify(messages[0].data),
    });
    // Every kind of line break comes back as "\n" (the parser joins data lines with "\n").
    assertEquals(events[1].data, "first line\nsecond line\nthird line\nfourth");
    assertEquals(events[1].id, "2");
    assertEquals(events[2].data, "\n\nleading and trailing blank lines\n");
    assertEquals(events[3], { id: "4", event: undefined, data: "" });
    assertEquals(events[4].data, "h\u00e9llo \u{1F9A6} : colon, data: not a field");
    assertEquals(JSON.parse(events[5].data), { nested: ["a", 1, null, true] });
    assertEquals(retries, [2500]);
    assertEquals(comments.map((c) => c.trim()), ["keepalive"]);
  }
});

Deno.test("SSE fields that would break the framing are refused", () => {
  nodeAssert.throws(() => encodeSseMessage({ id: "a\nb", data: "x" }), /id must not contain a line break/);
  nodeAssert.throws(
    () => encodeSseMessage({ event: "a\rb", data: "x" }),
    /event must not contain a line break/,
  );
  nodeAssert.throws(() => encodeSseMessage({ id: "a\0b", data: "x" }), /NUL/);
  nodeAssert.throws(() => encodeSseMessage({ data: "x", retry: -1 }), /retry/);
  nodeAssert.throws(() => encodeSseMessage({ data: undefined }), /data must be/);
});

Deno.test("an SSE comment is ignored by the parser and dispatches nothing", () => {
  const { events, comments } = parse(encodeSseComment("one\ntwo"));
  assertEquals(events, []);
  assertEquals(comments.map((c) => c.trim()), ["one", "two"]);
});
