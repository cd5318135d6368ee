// http_post: the JSON body and the idempotency key reach the server exactly as sent; the same
// address rules as http_get.
import { builtInTools } from "../../../functions/_shared/tools/index.ts";
import { assertEquals } from "../../_support/assert.ts";
import { assertFailure, assertOk, context, LOCAL, startServer } from "./_support.ts";

const httpPost = builtInTools.http_post;

Deno.test("http_post: body, content type and Idempotency-Key reach the server as sent", async () => {
  const server = startServer(() => Response.json({ received: true }, { status: 201 }));
  const body = { order: { id: 42, note: 'thé, 🌍 & "quotes"', lines: [1.5, null, true] } };
  try {
    const outcome = await httpPost.run(
      { url: `${server.origin}/orders?src=agent`, body },
      context({ http: LOCAL, idempotencyKey: "run-7:node-3:call-0" }),
    );
    assertEquals(assertOk(outcome), {
      status: 201,
      content_type: "application/json",
      body: { received: true },
      truncated: false,
    });
    assertEquals(server.requests.length, 1);
    const [request] = server.requests;
    assertEquals(request.method, "POST");
    assertEquals(request.path, "/orders");
    assertEquals(request.query.get("src"), "agent");
    assertEquals(request.body, JSON.stringify(body));
    assertEquals(JSON.parse(request.body), body);
    assertEquals(request.headers.get("content-type"), "application/json");
    assertEquals(request.headers.get("idempotency-key"), "run-7:node-3:call-0");
    assertEquals(
      request.headers.get("content-length"),
      String(new TextEncoder().encode(request.body).length),
    );
  } finally {
    await server.close();
  }
});

Deno.test("http_post: a 307 re-sends the same body and key; a 303 continues with a GET", async () => {
  const server = startServer((req, self) => {
    if (req.path === "/moved") return new Response(null, { status: 307, headers: { location: "/new" } });
    if (req.path === "/see-other") return Response.redirect(`${self.origin}/status`, 303);
    return Response.json({ method: req.method });
  });
  try {
    await httpPost.run({ url: `${server.origin}/moved`, body: { a: 1 } }, context({ http: LOCAL }));
    const [, resent] = server.requests;
    assertEquals([resent.method, resent.path, resent.body], ["POST", "/new", '{"a":1}']);
    assertEquals(resent.headers.get("idempotency-key"), "call-key-1");

    const seeOther = await httpPost.run(
      { url: `${server.origin}/see-other`, body: { a: 1 } },
      context({ http: LOCAL }),
    );
    assertEquals((assertOk(seeOther) as { body: unknown }).body, { method: "GET" });
    const last = server.requests[server.requests.length - 1];
    assertEquals([last.method, last.body, last.headers.get("content-type")], ["GET", "", null]);
  } finally {
    await server.close();
  }
});

Deno.test("http_post: private addresses are refused without allowPrivateNetwork", async () => {
  const server = startServer(() => new Response("should not be reached"));
  try {
    assertFailure(
      await httpPost.run({ url: `${server.origin}/`, body: {} }, context()),
      "refused",
      /127\.0\.0\.1 is a loopback address/,
    );
    assertEquals(server.requests.length, 0);
  } finally {
    await server.close();
  }
});
