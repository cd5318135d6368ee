// A model's tool-call arguments: the raw JSON text it wrote, parsed and checked against the tool's
// JSON schema, with an error short enough to hand back to the model so it can correct the call.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
// A CommonJS module: its default import is module.exports, whose `default` is the plugin.
import ajvFormats from "ajv-formats";

export type ArgumentsResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; error: string };

// useDefaults fills schema defaults (current_time's timezone "UTC") into the parsed value.
const ajv = new Ajv({ useDefaults: true, strict: false, logger: false });
ajvFormats.default(ajv);

const compiled = new Map<string, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = compiled.get(key);
  if (cached) return cached;
  const validate = ajv.compile(schema);
  compiled.set(key, validate);
  return validate;
}

export function validateArguments(schema: object, raw: string): ArgumentsResult {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { ok: false, error: `the arguments are not valid JSON: ${(err as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const kind = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
    return { ok: false, error: `the arguments must be a JSON object, not ${kind}` };
  }
  let validate: ValidateFunction;
  try {
    validate = validatorFor(schema);
  } catch (err) {
    return { ok: false, error: `the tool's input schema is invalid: ${(err as Error).message}` };
  }
  if (!validate(value)) return { ok: false, error: describe(validate.errors?.[0]) };
  return { ok: true, value: value as Record<string, unknown> };
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return "the arguments do not match the tool's schema";
  const at = fieldName(error.instancePath);
  switch (error.keyword) {
    case "required":
      return `missing required field "${join(at, error.params.missingProperty)}"`;
    case "additionalProperties":
      return `unexpected field "${join(at, error.params.additionalProperty)}"`;
    default:
      return at ? `field "${at}" ${error.message}` : `the arguments ${error.message}`;
  }
}

/** "/body/items/0" -> "body.items.0" ("" for the arguments object itself). */
function fieldName(instancePath: string): string {
  return instancePath.split("/").slice(1).map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .join(".");
}

function join(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}
