// The webhook signature checks against an independent oracle (node:crypto's createHmac) and Slack's
// documented example: valid signatures pass; a changed byte, another secret, a truncated or
// malformed header, and (Slack) a timestamp more than 5 minutes away fail.
import { createHmac } from "node:crypto";
import { assertEquals } from "../_support/assert.ts";
import { signWhatsApp, verifyWhatsAppSignature } from "../../functions/_shared/channels/whatsapp_signature.ts";
import { SLACK_MAX_SKEW_SECONDS, signSlack, verifySlackSignature } from "../../functions/_shared/channels/slack_signature.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const oracle = (secret: string, data: string | Uint8Array) => createHmac("sha256", secret).update(data).digest("hex");

const bodies = [
  "",
  '{"object":"whatsapp_business_account","entry":[]}',
  JSON.stringify({ text: "héllo wörld ✓ 🎉", n: 1 }),
  "x".repeat(100_000),
];

Deno.test("WhatsApp: X-Hub-Signature-256 equals sha256= + node:crypto's HMAC, and verifies", async () => {
  for (const body of bodies) {
    const secret = `app-secret-${crypto.randomUUID()}`;
    const header = await signWhatsApp(enc(body), secret);
    assertEquals(header, `sha256=${oracle(secret, body)}`);
    assertEquals(await verifyWhatsAppSignature(enc(body), header, secret), true);
    assertEquals(await verifyWhatsAppSignature(enc(body), header.toUpperCase().replace("SHA256=", "sha256="), secret), true);
  }
});

Deno.test("WhatsApp: a changed body, another secret or a bad header is refused", async () => {
  const secret = "s3cret";
  const body = '{"a":1}';
  const good = `sha256=${oracle(secret, body)}`;
  assertEquals(await verifyWhatsAppSignature(enc('{"a":2}'), good, secret), false);
  assertEquals(await verifyWhatsAppSignature(enc(body), good, "other"), false);
  assertEquals(await verifyWhatsAppSignature(enc(body), null, secret), false);
  assertEquals(await verifyWhatsAppSignature(enc(body), good, ""), false);
  for (
    const bad of [
      "",
      oracle(secret, body), // without the prefix
      `sha1=${oracle(secret, body)}`,
      good.slice(0, -2),
      `${good}00`,
      `sha256=${"z".repeat(64)}`,
      `sha256=${oracle(secret, body).replace(/.$/, (c) => (c === "0" ? "1" : "0"))}`,
    ]
  ) {
    assertEquals(await verifyWhatsAppSignature(enc(body), bad, secret), false, `accepted ${bad}`);
  }
});

// Slack's example in "Verifying requests from Slack" (api.slack.com/authentication/verifying-requests-from-slack).
const SLACK_DOC = {
  secret: "8f742231b10e8888abcd99yyyzzz85a5",
  timestamp: "1531420618",
  body: "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
  signature: "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
};

Deno.test("Slack: the documented example verifies (at its own time)", async () => {
  assertEquals(await signSlack(enc(SLACK_DOC.body), SLACK_DOC.timestamp, SLACK_DOC.secret), SLACK_DOC.signature);
  const verdict = await verifySlackSignature({
    rawBody: enc(SLACK_DOC.body),
    signature: SLACK_DOC.signature,
    timestamp: SLACK_DOC.timestamp,
    signingSecret: SLACK_DOC.secret,
    now: Number(SLACK_DOC.timestamp) + 10,
  });
  assertEquals(verdict, { ok: true });
  // Today it is a replay.
  assertEquals(
    await verifySlackSignature({
      rawBody: enc(SLACK_DOC.body),
      signature: SLACK_DOC.signature,
      timestamp: SLACK_DOC.timestamp,
      signingSecret: SLACK_DOC.secret,
    }),
    { ok: false, reason: "stale" },
  );
});

Deno.test("Slack: v0= + node:crypto's HMAC of v0:ts:body; edges of the 5-minute window", async () => {
  const now = 1_800_000_000;
  for (const body of bodies) {
    const secret = `signing-${crypto.randomUUID()}`;
    const sig = await signSlack(enc(body), now, secret);
    assertEquals(sig, `v0=${oracle(secret, `v0:${now}:${body}`)}`);
    for (const skew of [-SLACK_MAX_SKEW_SECONDS, 0, SLACK_MAX_SKEW_SECONDS]) {
      assertEquals(
        await verifySlackSignature({ rawBody: enc(body), signature: sig, timestamp: String(now), signingSecret: secret, now: now + skew }),
        { ok: true },
      );
    }
    for (const skew of [-SLACK_MAX_SKEW_SECONDS - 1, SLACK_MAX_SKEW_SECONDS + 1, 86_400]) {
      assertEquals(
        await verifySlackSignature({ rawBody: enc(body), signature: sig, timestamp: String(now), signingSecret: secret, now: now + skew }),
        { ok: false, reason: "stale" },
      );
    }
  }
});

Deno.test("Slack: mismatches and malformed headers are refused", async () => {
  const now = 1_800_000_000;
  const secret = "signing";
  const body = '{"type":"event_callback"}';
  const sig = `v0=${oracle(secret, `v0:${now}:${body}`)}`;
  const check = (over: Partial<{ body: string; signature: string | null; timestamp: string | null; secret: string }>) =>
    verifySlackSignature({
      rawBody: enc(over.body ?? body),
      signature: over.signature === undefined ? sig : over.signature,
      timestamp: over.timestamp === undefined ? String(now) : over.timestamp,
      signingSecret: over.secret ?? secret,
      now,
    });
  assertEquals(await check({}), { ok: true });
  assertEquals(await check({ body: body + " " }), { ok: false, reason: "mismatch" });
  assertEquals(await check({ secret: "other" }), { ok: false, reason: "mismatch" });
  // The signature binds the timestamp: the same signature with another (fresh) timestamp fails.
  assertEquals(await check({ timestamp: String(now - 1) }), { ok: false, reason: "mismatch" });
  assertEquals(await check({ signature: null }), { ok: false, reason: "missing" });
  assertEquals(await check({ timestamp: null }), { ok: false, reason: "missing" });
  assertEquals(await check({ secret: "" }), { ok: false, reason: "missing" });
  assertEquals(await check({ timestamp: "abc" }), { ok: false, reason: "malformed" });
  assertEquals(await check({ signature: sig.replace("v0=", "v1=") }), { ok: false, reason: "malformed" });
  assertEquals(await check({ signature: sig.slice(0, -1) }), { ok: false, reason: "malformed" });
});
