// validateArguments: the model's raw argument text against a tool's schema, with errors that name
// the field and what is wrong with it.
import { validateArguments } from "../../../functions/_shared/tools/index.ts";
import { assertEquals } from "../../_support/assert.ts";

const HTTP_POST = {
  type: "object",
  properties: { url: { type: "string", format: "uri" }, body: { type: "object" } },
  required: ["url", "body"],
  additionalProperties: false,
};
const RUN_WORKFLOW = {
  type: "object",
  properties: { workflow_id: { type: "string", format: "uuid" }, input: { type: "object" } },
  required: ["workflow_id"],
  additionalProperties: false,
};
const CURRENT_TIME = {
  type: "object",
  properties: { timezone: { type: "string", default: "UTC" } },
  additionalProperties: false,
};

Deno.test("validateArguments: text that is not a JSON object", () => {
  const invalid = validateArguments(HTTP_POST, '{"url": ');
  assertEquals(invalid.ok, false);
  assertEquals(!invalid.ok && invalid.error.startsWith("the arguments are not valid JSON"), true);
  assertEquals(validateArguments(HTTP_POST, "[1, 2]"), {
    ok: false,
    error: "the arguments must be a JSON object, not an array",
  });
  assertEquals(validateArguments(HTTP_POST, '"https://example.com"'), {
    ok: false,
    error: "the arguments must be a JSON object, not a string",
  });
  assertEquals(validateArguments(HTTP_POST, "null"), {
    ok: false,
    error: "the arguments must be a JSON object, not null",
  });
});

Deno.test("validateArguments: schema failures name the field", () => {
  assertEquals(validateArguments(HTTP_POST, '{"url": "https://example.com"}'), {
    ok: false,
    error: 'missing required field "body"',
  });
  assertEquals(validateArguments(HTTP_POST, '{"url": "https://example.com", "body": "text"}'), {
    ok: false,
    error: 'field "body" must be object',
  });
  assertEquals(validateArguments(HTTP_POST, '{"url": "https://example.com", "body": {}, "method": "PUT"}'), {
    ok: false,
    error: 'unexpected field "method"',
  });
  assertEquals(validateArguments(HTTP_POST, '{"url": "not a url", "body": {}}'), {
    ok: false,
    error: 'field "url" must match format "uri"',
  });
  assertEquals(validateArguments(RUN_WORKFLOW, '{"workflow_id": "42"}'), {
    ok: false,
    error: 'field "workflow_id" must match format "uuid"',
  });
});

Deno.test("validateArguments: valid arguments, with schema defaults filled in", () => {
  assertEquals(validateArguments(HTTP_POST, '{"url": "https://example.com/a?b=1", "body": {"x": [1]}}'), {
    ok: true,
    value: { url: "https://example.com/a?b=1", body: { x: [1] } },
  });
  assertEquals(validateArguments(RUN_WORKFLOW, '{"workflow_id": "0b9c7e0e-5a53-4d43-9a57-6c8f1f1e2b3c"}'), {
    ok: true,
    value: { workflow_id: "0b9c7e0e-5a53-4d43-9a57-6c8f1f1e2b3c" },
  });
  assertEquals(validateArguments(CURRENT_TIME, "{}"), { ok: true, value: { timezone: "UTC" } });
  // The same schema again (now from the cache) still validates.
  assertEquals(validateArguments({ ...CURRENT_TIME }, '{"timezone": 5}'), {
    ok: false,
    error: 'field "timezone" must be string',
  });
});
