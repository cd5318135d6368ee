// Size limits on what a tool reads from the network and on what it hands back to the model.

/** A tool's output, stringified as JSON, is at most this many UTF-8 bytes. */
export const MAX_OUTPUT_BYTES = 65_536;

const encoder = new TextEncoder();

export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

/**
 * Reads a byte stream up to `maxBytes`; when more arrives it stops (leaving the loop cancels a
 * web stream and destroys a Node one) and reports the body truncated.
 */
export async function readCapped(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const parts: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of chunks) {
    if (size + chunk.length > maxBytes) {
      parts.push(chunk.subarray(0, maxBytes - size));
      size = maxBytes;
      truncated = true;
      break;
    }
    parts.push(chunk);
    size += chunk.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes, truncated };
}

/** UTF-8 text; a character cut in half at a truncation point is dropped, not mangled. */
export function decodeText(bytes: Uint8Array, truncated: boolean): string {
  // In stream mode the decoder holds back an incomplete trailing sequence, and it is never flushed.
  return new TextDecoder().decode(bytes, { stream: truncated });
}

/**
 * `value` when its JSON fits in `maxBytes`; otherwise the longest prefix of its text (a string as
 * is, anything else as JSON) whose JSON fits, marked truncated.
 */
export function fitWithin(value: unknown, maxBytes: number): { value: unknown; truncated: boolean } {
  if (jsonBytes(value) <= maxBytes) return { value, truncated: false };
  const text = typeof value === "string" ? value : JSON.stringify(value);
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (jsonBytes(prefix(text, mid)) <= maxBytes) low = mid;
    else high = mid - 1;
  }
  return { value: prefix(text, low), truncated: true };
}

/** The first `length` UTF-16 units, one fewer when that would split a surrogate pair. */
function prefix(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

/**
 * `output` with its `field` cut down (fitWithin) so the whole output stays within
 * MAX_OUTPUT_BYTES; `truncated` is whether it was cut.
 */
export function fitField<T extends Record<string, unknown>>(
  output: T,
  field: keyof T & string,
): { output: T; truncated: boolean } {
  const budget = MAX_OUTPUT_BYTES - jsonBytes({ ...output, [field]: "" }) + 2;
  const fitted = fitWithin(output[field], Math.max(budget, 2));
  return { output: { ...output, [field]: fitted.value }, truncated: fitted.truncated };
}
