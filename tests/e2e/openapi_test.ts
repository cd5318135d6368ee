// The OpenAPI document PostgREST serves at /rest/v1/, as a client reads it through the gateway: it
// names the gateway's /rest/v1 URL (PostgREST's openapi-server-proxy-uri, set by scripts/stack.sh),
// never PostgREST's own port, and a request built from it reaches the API; and its descriptions
// (the functions' COMMENTs) carry no internal note such as "[security definer: ...]", for any role.
import { assert, assertEquals } from "../_support/assert.ts";
import { createUser, db, deleteUsers, stack } from "../_support/stack.ts";

interface OpenApi {
  swagger: string;
  host: string;
  basePath: string;
  schemes: string[];
  paths: Record<string, Record<string, { summary?: string; description?: string }>>;
}

async function openApi(bearer?: string): Promise<OpenApi> {
  const res = await fetch(`${stack.url}/rest/v1/`, {
    headers: {
      apikey: stack.anonKey,
      accept: "application/openapi+json",
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
  });
  assertEquals(res.status, 200);
  return await res.json();
}

/** Every summary and description in the document, with where it is. */
function texts(doc: unknown, at = "$"): { at: string; text: string }[] {
  if (Array.isArray(doc)) return doc.flatMap((v, i) => texts(v, `${at}[${i}]`));
  if (doc === null || typeof doc !== "object") return [];
  return Object.entries(doc).flatMap(([k, v]) =>
    (k === "summary" || k === "description") && typeof v === "string"
      ? [{ at: `${at}.${k}`, text: v }]
      : texts(v, `${at}.${k}`)
  );
}

Deno.test("the OpenAPI document names the gateway's /rest/v1 URL, and a request built from it works", async () => {
  const doc = await openApi();
  const gateway = new URL(stack.url);
  assertEquals(doc.swagger, "2.0");
  assertEquals(doc.host, gateway.host, "the gateway, not PostgREST's own port");
  assertEquals(doc.basePath.replace(/\/$/, ""), "/rest/v1");
  assertEquals(doc.schemes, [gateway.protocol.replace(":", "")]);
  assert(doc.paths["/rpc/list_public_profiles"], "anon sees list_public_profiles");

  const url = `${doc.schemes[0]}://${doc.host}${doc.basePath.replace(/\/$/, "")}/rpc/list_public_profiles`;
  const res = await fetch(url, {
    method: "POST",
    headers: { apikey: stack.anonKey, "content-type": "application/json" },
    body: "{}",
  });
  assertEquals(res.status, 200, url);
  assert(Array.isArray(await res.json()));
});

Deno.test("no description in the OpenAPI document carries an internal security definer note (anon, user, service)", async () => {
  const sql = db();
  const user = await createUser(sql);
  try {
    for (
      const [role, bearer] of [["anon", undefined], ["authenticated", user.jwt], [
        "service_role",
        stack.serviceRoleKey,
      ]]
    ) {
      const doc = await openApi(bearer);
      const all = texts(doc);
      assert(all.length > 20, `${role}: ${all.length} descriptions`);
      assertEquals(
        all.filter((t) => /security definer/i.test(t.text)),
        [],
        `${role}: internal notes in the API`,
      );
      // Not vacuous: the role's RPCs are in the document with their user-facing text (start_workflow_run
      // is SECURITY DEFINER: its note used to be in this text).
      const expected: Record<string, [string, string]> = {
        anon: ["/rpc/list_public_profiles", ""],
        authenticated: ["/rpc/start_workflow_run", "Starts a run of a published workflow"],
        service_role: ["/rpc/claim_workflow_tasks", ""],
      };
      const [path, text] = expected[role as string];
      const op = doc.paths[path]?.post;
      assert(op, `${role} sees ${path}`);
      assert((op.summary ?? op.description ?? "").startsWith(text), JSON.stringify(op.summary));
    }
  } finally {
    await deleteUsers(sql, user);
    await sql.end();
  }
});
