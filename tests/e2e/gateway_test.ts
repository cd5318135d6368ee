// The gateway answers with Supabase's paths and rules: an apikey for /rest/v1, functions by name.
import { assertEquals } from "../_support/assert.ts";
import { anonClient, stack } from "../_support/stack.ts";

Deno.test("REST without an apikey, or with a forged one, is refused as Kong refuses it", async () => {
  const none = await fetch(`${stack.url}/rest/v1/rpc/list_public_profiles`, { method: "POST", body: "{}" });
  assertEquals(none.status, 401);
  assertEquals(await none.json(), { message: "No API key found in request" });

  const forged = await fetch(`${stack.url}/rest/v1/rpc/list_public_profiles`, {
    method: "POST",
    body: "{}",
    headers: { apikey: stack.anonKey.slice(0, -4) + "AAAA", "content-type": "application/json" },
  });
  assertEquals(forged.status, 401);
  assertEquals(await forged.json(), { message: "Invalid API key" });
});

Deno.test("CORS preflight on REST is answered for browsers", async () => {
  const res = await fetch(`${stack.url}/rest/v1/rpc/list_public_profiles`, {
    method: "OPTIONS",
    headers: { origin: "http://localhost:3000", "access-control-request-method": "POST" },
  });
  await res.body?.cancel();
  assertEquals(res.status, 204);
  assertEquals(res.headers.get("access-control-allow-origin"), "*");
});

Deno.test("functions are served at /functions/v1/<name> with the platform's environment", async () => {
  const { data, error } = await anonClient().functions.invoke("health", { method: "GET" });
  assertEquals(error, null);
  assertEquals(data.status, "ok");
  assertEquals(String(data.database.version).split(".")[0], "15");

  const wrongMethod = await fetch(`${stack.url}/functions/v1/health`, { method: "POST" });
  assertEquals(wrongMethod.status, 405);
  await wrongMethod.body?.cancel();

  const missing = await fetch(`${stack.url}/functions/v1/no-such-function`);
  assertEquals(missing.status, 404);
  assertEquals((await missing.json()).code, "NOT_FOUND");
});
