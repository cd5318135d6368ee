// Assertions for the Deno tests: Node's assert module (built into Deno), under the names Deno's
// std/assert uses. (Deno std lives on JSR, which this project's registries do not reach.)
import nodeAssert from "node:assert/strict";

export const assertEquals: <T>(actual: unknown, expected: T, message?: string) => asserts actual is T =
  nodeAssert.deepStrictEqual;
export const assertNotEquals = nodeAssert.notDeepStrictEqual;
export const assertMatch = (actual: string, regexp: RegExp, message?: string) =>
  nodeAssert.match(actual, regexp, message);
export const assertRejects = nodeAssert.rejects;

export function assert(condition: unknown, message?: string): asserts condition {
  nodeAssert.ok(condition, message);
}

export function assertExists<T>(value: T, message?: string): asserts value is NonNullable<T> {
  nodeAssert.ok(value !== null && value !== undefined, message ?? `expected a value, got ${value}`);
}
