// A Server-Sent Events encoder (the WHATWG "event stream" format): one message is a block of
// `field: value` lines ended by a blank line. Data with line breaks becomes one `data:` line per
// line, which a parser joins back with "\n". Deno std's helpers live on JSR, unreachable here.

export interface SseMessage {
  /** Sent as `id:`; the client's Last-Event-ID on reconnection. No line breaks, no NUL. */
  id?: string | number;
  /** Sent as `event:`; the listener name on the client (default "message"). No line breaks. */
  event?: string;
  /** Sent as one `data:` line per line; a non-string is JSON-encoded. */
  data: unknown;
  /** Sent as `retry:`: the reconnection delay the client should use, in milliseconds. */
  retry?: number;
}

const LINE_BREAK = /\r\n|\r|\n/;

function singleLine(field: string, value: string): string {
  if (LINE_BREAK.test(value)) throw new TypeError(`SSE ${field} must not contain a line break`);
  if (field === "id" && value.includes("\0")) throw new TypeError("SSE id must not contain NUL");
  return value;
}

/** The text of one SSE message, ending in the blank line that dispatches it. */
export function encodeSseMessage(message: SseMessage): string {
  let out = "";
  if (message.retry !== undefined) {
    if (!Number.isInteger(message.retry) || message.retry < 0) {
      throw new TypeError(`SSE retry must be a whole number of milliseconds, got ${message.retry}`);
    }
    out += `retry: ${message.retry}\n`;
  }
  if (message.id !== undefined) out += `id: ${singleLine("id", String(message.id))}\n`;
  if (message.event !== undefined) out += `event: ${singleLine("event", message.event)}\n`;
  const data = typeof message.data === "string" ? message.data : JSON.stringify(message.data);
  if (data === undefined) throw new TypeError("SSE data must be a string or JSON-serialisable");
  for (const line of data.split(LINE_BREAK)) out += `data: ${line}\n`;
  return out + "\n";
}

/** A comment line: ignored by clients, it keeps proxies from closing an idle connection. */
export function encodeSseComment(text: string): string {
  return text.split(LINE_BREAK).map((line) => `: ${line}\n`).join("") + "\n";
}

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "connection": "keep-alive",
  "x-accel-buffering": "no",
};

/**
 * A stream's catch-up reads, one at a time: a call while a read runs makes exactly one more read after
 * it, so a wake-up that arrives mid-read is never lost; each read pages until a short page. `send`
 * answers true when a page held the stream's last event (then `onEnd` runs and reading stops);
 * `afterRead` runs after each complete catch-up; a failed read goes to `onError`. Used by the
 * run-events and web-chat streams.
 */
export function serialCatchUp<T>(o: {
  read: () => Promise<T[]>;
  send: (page: T[]) => boolean | void;
  pageSize: number;
  isClosed: () => boolean;
  onEnd: () => void;
  onError: (err: unknown) => void;
  afterRead?: () => void;
}): (firstPage?: T[]) => Promise<void> {
  let reading = false;
  let again = false;
  return async (firstPage?: T[]) => {
    if (o.isClosed()) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        let page = firstPage ?? await o.read();
        firstPage = undefined;
        while (!o.isClosed()) {
          if (o.send(page)) return o.onEnd();
          if (page.length < o.pageSize) break;
          page = await o.read();
        }
      } while (again && !o.isClosed());
      o.afterRead?.();
    } catch (err) {
      o.onError(err);
    } finally {
      reading = false;
    }
  };
}
