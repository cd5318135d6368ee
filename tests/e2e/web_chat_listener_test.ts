// The web chat's LISTEN fan-out on a real connection (NOT gated: it needs only pg_notify): a
// notification on channel_messages wakes the streams of that conversation and the streams that do not
// know theirs yet, no other; an unsubscribed stream is not woken.
import postgres from "postgres";
import { assertEquals } from "../_support/assert.ts";
import { db, stack } from "../_support/stack.ts";
import { ChannelMessagesListener, WEB_CHAT_CHANNEL } from "../../functions/web-chat/listener.ts";

Deno.test("channel_messages notifications wake the right streams", { sanitizeOps: false, sanitizeResources: false }, async () => {
  const listenSql = postgres(stack.dbUrl, { max: 1, onnotice: () => {} });
  const sql = db();
  const listener = new ChannelMessagesListener(listenSql);
  try {
    assertEquals(await listener.ready(), true);
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    const woken: string[] = [];
    const offA = listener.subscribe(a, () => woken.push("a"));
    listener.subscribe(b, () => woken.push("b"));
    const offUnknown = listener.subscribe(null, () => woken.push("unknown"));
    const notify = async (id: string, expectWake = true) => {
      await sql`select pg_notify(${WEB_CHAT_CHANNEL}, ${id})`;
      const deadline = Date.now() + (expectWake ? 5000 : 300);
      const before = woken.length;
      while (woken.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100));
    };
    await notify(a);
    assertEquals(woken.sort(), ["a", "unknown"]);
    woken.length = 0;
    offA();
    offUnknown();
    await notify(a, false);
    await notify(b);
    assertEquals(woken, ["b"]);
  } finally {
    await listenSql.end();
    await sql.end();
  }
});
