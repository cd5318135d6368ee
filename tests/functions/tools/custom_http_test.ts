// Custom HTTP tools: the endpoint verifies the signature itself (recomputing the HMAC over the raw
// body it received) and the timestamp's freshness; configuration errors are refused.
import { customHttpTool } from "../../../functions/_shared/tools/index.ts";
import { assert, assertEquals } from "../../_support/assert.ts";
import { assertFailure, assertOk, context, LOCAL, type Recorded, startServer } from "./_support.ts";

const SECRET = "s3cret-signing-key";
const NOW = new Date("2025-06-01T12:00:00Z");
const encoder = new TextEncoder();

/** What a receiving endpoint does: recompute v1=hex(HMAC-SHA256(secret, "<ts>.<raw body>")). */
async function verify(req: Recorded, secret: string, now: Date): Promise<string | null> {
  const timestamp = req.headers.get("x-cl-timestamp") ?? "";
  if (!/^\d+$/.test(timestamp)) return "no timestamp";
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > 300) return "stale timestamp";
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    [
      "verify",
    ],
  );
  const signature = req.headers.get("x-cl-signature") ?? "";
  const hex = signature.startsWith("v1=") ? signature.slice(3) : "";
  const mac = new Uint8Array(hex.match(/../g)?.map((byte) => parseInt(byte, 16)) ?? []);
  const valid = await crypto.subtle.verify("HMAC", key, mac, encoder.encode(`${timestamp}.${req.body}`));
  return valid ? null : "bad signature";
}

function endpoint() {
  return startServer(async (req) => {
    const problem = await verify(req, SECRET, NOW);
    if (problem) return Response.json({ error: problem }, { status: 401 });
    const call = JSON.parse(req.body);
    return Response.json({ echoed: call.arguments, tool: call.tool, key: call.idempotency_key });
  });
}

const settings = (url: string) => ({ url, secret_env: "CRM_SECRET" });
const withSecret = (secret: string, extra = {}) =>
  context({
    http: LOCAL,
    now: () => NOW,
    idempotencyKey: "run-1:node-2:call-0",
    env: { get: (name) => (name === "CRM_SECRET" ? secret : undefined) },
    ...extra,
  });

Deno.test("custom HTTP tool: a signed call the endpoint verifies", async () => {
  const server = endpoint();
  try {
    const tool = customHttpTool("crm_lookup", settings(`${server.origin}/tools/crm`));
    const outcome = await tool.run({ email: "ada@example.com", fields: ["name"] }, withSecret(SECRET));
    assertEquals(assertOk(outcome), {
      echoed: { email: "ada@example.com", fields: ["name"] },
      tool: "crm_lookup",
      key: "run-1:node-2:call-0",
    });
    const [request] = server.requests;
    assertEquals(JSON.parse(request.body), {
      tool: "crm_lookup",
      arguments: { email: "ada@example.com", fields: ["name"] },
      idempotency_key: "run-1:node-2:call-0",
    });
    assertEquals(request.headers.get("x-cl-timestamp"), String(NOW.getTime() / 1000));
    assertEquals(request.headers.get("idempotency-key"), "run-1:node-2:call-0");
    assert(/^v1=[0-9a-f]{64}$/.test(request.headers.get("x-cl-signature") ?? ""));
  } finally {
    await server.close();
  }
});

Deno.test("custom HTTP tool: a wrong secret or a stale clock fails verification, a failed call", async () => {
  const server = endpoint();
  try {
    const tool = customHttpTool("crm_lookup", settings(server.origin));
    assertFailure(
      await tool.run({}, withSecret("not-the-secret")),
      "failed",
      /answered 401: .*bad signature/,
    );
    assertFailure(
      await tool.run({}, withSecret(SECRET, { now: () => new Date(NOW.getTime() - 3_600_000) })),
      "failed",
      /answered 401: .*stale timestamp/,
    );
  } finally {
    await server.close();
  }
});

Deno.test("custom HTTP tool: a missing secret or setting is refused, naming it", async () => {
  const server = endpoint();
  try {
    assertFailure(
      await customHttpTool("crm_lookup", settings(server.origin)).run({}, context({ http: LOCAL })),
      "refused",
      /environment variable CRM_SECRET is not set/,
    );
    assertFailure(
      await customHttpTool("crm_lookup", { url: "", secret_env: "CRM_SECRET" }).run({}, withSecret(SECRET)),
      "refused",
      /setting url is missing/,
    );
    assertEquals(server.requests.length, 0);
  } finally {
    await server.close();
  }
});

Deno.test("custom HTTP tool: the address policy applies, and redirects are not followed", async () => {
  const server = startServer((_req, self) => Response.redirect(`${self.origin}/elsewhere`, 307));
  try {
    const tool = customHttpTool("crm_lookup", settings(server.origin));
    assertFailure(
      await tool.run({}, withSecret(SECRET, { http: { allowPrivateNetwork: false } })),
      "refused",
      /127\.0\.0\.1 is a loopback address/,
    );
    assertFailure(await tool.run({}, withSecret(SECRET)), "failed", /answered 307/);
    assertEquals(server.requests.length, 1);
  } finally {
    await server.close();
  }
});

Deno.test("custom HTTP tool: timeout_ms overrides the profile's timeout", async () => {
  const server = startServer(async (_req, self) => {
    await self.closing;
    return new Response("late");
  });
  try {
    const tool = customHttpTool("slow_tool", { ...settings(server.origin), timeout_ms: 150 });
    assertFailure(await tool.run({}, withSecret(SECRET)), "timeout", /within 150 ms/);
  } finally {
    await server.close();
  }
});
