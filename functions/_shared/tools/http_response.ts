// An HTTP response as a tool hands it to the model: status, content type, the body as text (or
// parsed JSON when it is JSON), and whether the body was cut (by the byte cap or the output limit).
import { decodeText, fitField } from "./bounded.ts";
import type { OutboundResponse } from "./outbound.ts";

export interface HttpToolOutput extends Record<string, unknown> {
  status: number;
  content_type: string | null;
  body: unknown;
  truncated: boolean;
}

export function isJsonType(contentType: string | null): boolean {
  return contentType !== null && /^application\/([\w.+-]+\+)?json\b/i.test(contentType.trim());
}

/** The body as text, or its parsed JSON when the response says it is JSON and it parses. */
export function responseBody(response: OutboundResponse): unknown {
  const text = decodeText(response.bytes, response.truncated);
  if (!response.truncated && isJsonType(response.contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      // Mislabelled: the text is still worth reading.
    }
  }
  return text;
}

export function httpToolOutput(response: OutboundResponse): HttpToolOutput {
  const { output, truncated } = fitField<HttpToolOutput>({
    status: response.status,
    content_type: response.contentType,
    body: responseBody(response),
    truncated: response.truncated,
  }, "body");
  return { ...output, truncated: output.truncated || truncated };
}
