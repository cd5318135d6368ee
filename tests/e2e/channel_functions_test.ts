// The channel functions through the gateway, for what needs no channels core (NOT gated): they are
// served with verify_jwt off (Meta and Slack send no JWT), and refuse before reading the database:
// an unsigned WhatsApp post, a stale or unsigned Slack request, a malformed web chat key, wrong
// methods and paths. The flows that read and write bindings are the gated e2e tests.
import { assertEquals } from "../_support/assert.ts";
import { functionUrl } from "../_support/channels.ts";
import { signedSlackPost, slackMessageEnvelope } from "../_support/fake_slack.ts";
import { whatsappMessagePayload } from "../_support/fake_whatsapp.ts";

async function status(url: string, init: RequestInit = {}): Promise<[number, unknown]> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch { /* text */ }
  return [res.status, body];
}

Deno.test("channel functions answer without a JWT and refuse early", async () => {
  const payload = JSON.stringify(whatsappMessagePayload({ phoneNumberId: "106540352242922", from: "1" }));
  const [waStatus, waBody] = await status(functionUrl("whatsapp"), { method: "POST", body: payload, headers: { "content-type": "application/json" } });
  assertEquals([waStatus, waBody], [401, { error: "X-Hub-Signature-256 is missing" }]);
  assertEquals((await status(functionUrl("whatsapp"), { method: "DELETE" }))[0], 405);
  assertEquals((await status(functionUrl("whatsapp", "?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1")))[0], 404);

  const envelope = slackMessageEnvelope({ teamId: "T0000001", appId: "A0000001", channel: "C0000001" });
  const stale = await signedSlackPost(envelope, "whatever", { timestamp: Math.floor(Date.now() / 1000) - 3600 });
  assertEquals((await status(functionUrl("slack"), stale))[0], 401);
  assertEquals((await status(functionUrl("slack"), { method: "POST", body: JSON.stringify(envelope) }))[0], 401);
  assertEquals((await status(functionUrl("slack")))[0], 405);

  assertEquals((await status(functionUrl("web-chat", "/?key=not-a-key")))[0], 400);
  assertEquals((await status(functionUrl("web-chat", "/stream?publicKey=pk_x&visitorId=1")))[0], 400);
  assertEquals((await status(functionUrl("web-chat", "/nowhere")))[0], 404);
  assertEquals((await status(functionUrl("web-chat", "/messages")))[0], 405);
});
