// A provider's text cut to the stored body's limit (16 KB of UTF-8, never splitting a character):
// a webhook that Slack or Meta would redeliver forever is not refused for a long text.
import { MAX_CHANNEL_BODY_BYTES } from "../../../types/channel-events.ts";

const encoder = new TextEncoder();

export function fitBody(text: string, limit = MAX_CHANNEL_BODY_BYTES): { body: string; truncated: boolean } {
  if (encoder.encode(text).length <= limit) return { body: text, truncated: false };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) { // the longest prefix (whole code points) within the limit
    const mid = Math.ceil((lo + hi) / 2);
    if (encoder.encode(text.slice(0, mid)).length <= limit) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // do not keep half a surrogate pair
  return { body: text.slice(0, end), truncated: true };
}
