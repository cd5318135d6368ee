// http_get: the SSRF rules (private addresses, however written or resolved; the allowlist; every
// redirect hop), the connection pinned to the vetted address, the size cap, the timeout.
import { builtInTools, ToolCallError, type ToolContext } from "../../../functions/_shared/tools/index.ts";
import { type Exchange, sendOutbound } from "../../../functions/_shared/tools/outbound.ts";
import { MAX_OUTPUT_BYTES } from "../../../functions/_shared/tools/bounded.ts";
import { assert, assertEquals, assertRejects } from "../../_support/assert.ts";
import { assertFailure, assertOk, context, LOCAL, resolvesTo, startServer } from "./_support.ts";
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from "./_tls.ts";

const httpGet = builtInTools.http_get;
const loopback = resolvesTo("127.0.0.1");

function refusal(message: RegExp) {
  return (err: unknown) =>
    err instanceof ToolCallError && err.kind === "refused" && message.test(err.message);
}

Deno.test("http_get: private and special addresses are refused, whatever their spelling", async () => {
  const server = startServer(() => new Response("should not be reached"));
  try {
    const cases: [string, RegExp][] = [
      [server.origin, /127\.0\.0\.1 is a loopback address/],
      [`http://2130706433:${server.port}/`, /127\.0\.0\.1 is a loopback address/],
      [`http://0x7f.1:${server.port}/`, /127\.0\.0\.1 is a loopback address/],
      ["http://10.0.0.1/", /10\.0\.0\.1 is a private address/],
      [
        "http://169.254.169.254/latest/meta-data/",
        /169\.254\.169\.254 is a link-local \(where cloud metadata/,
      ],
      [`http://[::1]:${server.port}/`, /::1 is a loopback address/],
      [`http://[::ffff:127.0.0.1]:${server.port}/`, /::ffff:7f00:1 is an IPv4-mapped address/],
      [`http://0.0.0.0:${server.port}/`, /0\.0\.0\.0 is an unspecified address/],
      ["http://100.64.1.1/", /carrier-grade NAT/],
      ["http://[fd12::1]/", /unique-local/],
    ];
    for (const [url, reason] of cases) {
      const outcome = await httpGet.run({ url }, context());
      assertFailure(outcome, "refused", reason);
      assertFailure(outcome, "refused", /does not allow private network access/);
    }
    const named = await httpGet.run(
      { url: `http://intranet.example.test:${server.port}/` },
      context({ resolveHost: loopback }),
    );
    assertFailure(
      named,
      "refused",
      /intranet\.example\.test resolves to 127\.0\.0\.1, which is a loopback address/,
    );
    // One private address among public ones is enough to refuse.
    const mixed = await httpGet.run(
      { url: "http://mixed.example.test/" },
      context({ resolveHost: resolvesTo("93.184.216.34", "10.1.2.3") }),
    );
    assertFailure(mixed, "refused", /resolves to 10\.1\.2\.3, which is a private address/);
    assertEquals(server.requests.length, 0);
  } finally {
    await server.close();
  }
});

Deno.test("http_get: with allowPrivateNetwork the local server is reached, at the vetted address", async () => {
  const server = startServer((req) => Response.json({ path: req.path, host: req.headers.get("host") }));
  try {
    assertEquals(assertOk(await httpGet.run({ url: `${server.origin}/a?b=1` }, context({ http: LOCAL }))), {
      status: 200,
      content_type: "application/json",
      body: { path: "/a", host: `127.0.0.1:${server.port}` },
      truncated: false,
    });
    // A name nothing else resolves: the connection goes where resolveHost said, with the name as Host.
    const resolved: string[] = [];
    const named = await httpGet.run(
      { url: `http://pinned.example.test:${server.port}/named` },
      context({ http: LOCAL, resolveHost: (host) => (resolved.push(host), loopback(host)) }),
    );
    assertEquals(assertOk(named), {
      status: 200,
      content_type: "application/json",
      body: { path: "/named", host: `pinned.example.test:${server.port}` },
      truncated: false,
    });
    assertEquals(resolved, ["pinned.example.test"]);
  } finally {
    await server.close();
  }
});

Deno.test("http_get: the host allowlist", async () => {
  const server = startServer(() => new Response("hello", { headers: { "content-type": "text/plain" } }));
  const url = (host: string) => `http://${host}:${server.port}/`;
  const allowed = (allowHosts: string[]) =>
    context({ http: { ...LOCAL, allowHosts }, resolveHost: loopback });
  try {
    assertFailure(
      await httpGet.run({ url: url("other.test") }, allowed(["api.example.test", "*.docs.test"])),
      "refused",
      /other\.test is not in this agent's allowed hosts \(api\.example\.test, \*\.docs\.test\)/,
    );
    // "*.docs.test" covers subdomains at any depth, not the apex.
    assertFailure(
      await httpGet.run({ url: url("docs.test") }, allowed(["*.docs.test"])),
      "refused",
      /allowed hosts/,
    );
    for (const host of ["api.example.test", "API.Example.Test", "a.docs.test", "b.a.docs.test"]) {
      const output = assertOk(
        await httpGet.run({ url: url(host) }, allowed(["api.example.test", "*.docs.test"])),
      );
      assertEquals((output as { body: unknown }).body, "hello");
    }
    assertEquals(server.requests.length, 4);
  } finally {
    await server.close();
  }
});

Deno.test("http_get: only http and https, no credentials in the URL", async () => {
  assertFailure(
    await httpGet.run({ url: "file:///etc/passwd" }, context()),
    "refused",
    /only http and https/,
  );
  assertFailure(
    await httpGet.run({ url: "ftp://example.com/x" }, context()),
    "refused",
    /only http and https/,
  );
  assertFailure(await httpGet.run({ url: "not a url" }, context()), "refused", /not a valid URL/);
  assertFailure(
    await httpGet.run({ url: "https://user:pw@example.com/" }, context()),
    "refused",
    /credentials/,
  );
});

Deno.test("http_get: redirects are followed by hand, each hop vetted again", async () => {
  const server = startServer((req, self) => {
    switch (req.path) {
      case "/start":
        return Response.redirect(`${self.origin}/middle`, 302);
      case "/middle":
        return new Response(null, { status: 307, headers: { location: "/end" } });
      case "/end":
        return new Response("arrived");
      case "/away":
        return Response.redirect(`http://elsewhere.test:${self.port}/end`, 301);
      case "/loop":
        return Response.redirect(`${self.origin}/loop`, 302);
      default:
        return new Response("missing", { status: 404 });
    }
  });
  try {
    const followed = assertOk(await httpGet.run({ url: `${server.origin}/start` }, context({ http: LOCAL })));
    assertEquals(followed, {
      status: 200,
      content_type: "text/plain;charset=UTF-8",
      body: "arrived",
      truncated: false,
    });

    const allowlisted = context({ http: { ...LOCAL, allowHosts: ["127.0.0.1"] }, resolveHost: loopback });
    assertFailure(
      await httpGet.run({ url: `${server.origin}/away` }, allowlisted),
      "refused",
      /elsewhere\.test is not in this agent's allowed hosts/,
    );

    const before = server.requests.length;
    assertFailure(
      await httpGet.run({ url: `${server.origin}/loop` }, context({ http: LOCAL })),
      "failed",
      /stopped after 3 redirects/,
    );
    assertEquals(server.requests.length - before, 4);
  } finally {
    await server.close();
  }
});

Deno.test("http_get: a redirect from a public host to a private address is refused before connecting", async () => {
  // No local server has a public address, so the exchange is a stand-in: the public page
  // redirects to the metadata service.
  const reached: string[] = [];
  const exchange: Exchange = (url, addresses) => {
    reached.push(`${url.href} via ${addresses.map((a) => a.address).join(",")}`);
    return Promise.resolve({
      status: 302,
      contentType: null,
      bytes: new Uint8Array(),
      truncated: false,
      location: "http://169.254.169.254/latest/meta-data/iam",
    });
  };
  const ctx: ToolContext = context({ resolveHost: resolvesTo("93.184.216.34") });
  await assertRejects(
    sendOutbound(
      { method: "GET", url: "http://public.example.test/page" },
      ctx,
      { maxRedirects: 3 },
      exchange,
    ),
    refusal(/169\.254\.169\.254 is a link-local/),
  );
  assertEquals(reached, ["http://public.example.test/page via 93.184.216.34"]);

  // The same for a redirect to a name that resolves privately.
  reached.length = 0;
  const rebinding: ToolContext = context({
    resolveHost: (host) => Promise.resolve(host === "public.example.test" ? ["93.184.216.34"] : ["10.0.0.7"]),
  });
  const toName: Exchange = (url, addresses, request, signal, max) =>
    exchange(url, addresses, request, signal, max).then((answer) => ({
      ...answer,
      location: "http://internal.example.test/admin",
    }));
  await assertRejects(
    sendOutbound(
      { method: "GET", url: "http://public.example.test/page" },
      rebinding,
      { maxRedirects: 3 },
      toName,
    ),
    refusal(/internal\.example\.test resolves to 10\.0\.0\.7, which is a private address/),
  );
  assertEquals(reached.length, 1);
});

Deno.test("http_get: non-2xx answers are results for the model", async () => {
  const server = startServer(() => Response.json({ error: "no such thing" }, { status: 404 }));
  try {
    assertEquals(assertOk(await httpGet.run({ url: `${server.origin}/x` }, context({ http: LOCAL }))), {
      status: 404,
      content_type: "application/json",
      body: { error: "no such thing" },
      truncated: false,
    });
  } finally {
    await server.close();
  }
});

Deno.test("http_get: the body is cut at maxResponseBytes, and the output at the output limit", async () => {
  const server = startServer((req) =>
    req.path === "/small-cap"
      ? new Response("é".repeat(3_000), { headers: { "content-type": "text/plain; charset=utf-8" } })
      : Response.json({ items: Array.from({ length: 20_000 }, (_, i) => `item ${i}`) })
  );
  try {
    // 1001 bytes cut a two-byte character in half: the half is dropped, not mangled.
    const capped = assertOk(
      await httpGet.run(
        { url: `${server.origin}/small-cap` },
        context({ http: { ...LOCAL, maxResponseBytes: 1_001 } }),
      ),
    ) as { body: string; truncated: boolean };
    assertEquals(capped.body, "é".repeat(500));
    assertEquals(capped.truncated, true);

    // ~250 KB of JSON fits the default cap but not the 64 KB output: it comes back as cut text.
    const large = assertOk(
      await httpGet.run({ url: `${server.origin}/large` }, context({ http: LOCAL })),
    ) as {
      body: unknown;
      truncated: boolean;
    };
    assertEquals(large.truncated, true);
    assert(typeof large.body === "string" && large.body.startsWith('{"items":["item 0","item 1"'));
    const size = new TextEncoder().encode(JSON.stringify(large)).length;
    assert(size <= MAX_OUTPUT_BYTES && size > MAX_OUTPUT_BYTES - 100, `output is ${size} bytes`);
  } finally {
    await server.close();
  }
});

Deno.test("http_get: a server that does not answer in time is a timeout; one that is gone, a failure", async () => {
  const server = startServer(async (req, self) => {
    if (req.path === "/slow-body") {
      const body = new ReadableStream<Uint8Array>({
        async start(stream) {
          stream.enqueue(new TextEncoder().encode("first part"));
          await self.closing;
          stream.close();
        },
      });
      return new Response(body);
    }
    await self.closing;
    return new Response("too late");
  });
  try {
    for (const path of ["/stall", "/slow-body"]) {
      const started = Date.now();
      const outcome = await httpGet.run(
        { url: `${server.origin}${path}` },
        context({ http: { ...LOCAL, timeoutMs: 300 } }),
      );
      assertFailure(outcome, "timeout", /did not answer within 300 ms/);
      assert(Date.now() - started < 2_000, `${path} took ${Date.now() - started} ms`);
    }
    // A resolver that hangs is covered by the same deadline.
    assertFailure(
      await httpGet.run(
        { url: "http://hanging-dns.test/" },
        context({ http: { timeoutMs: 200 }, resolveHost: () => new Promise(() => {}) }),
      ),
      "timeout",
      /within 200 ms/,
    );
  } finally {
    await server.close();
  }
  assertFailure(
    await httpGet.run({ url: `${server.origin}/` }, context({ http: LOCAL })),
    "failed",
    /failed/,
  );
});

Deno.test("http_get: cancelling the call ends it as failed", async () => {
  const server = startServer(async (_req, self) => {
    await self.closing;
    return new Response("too late");
  });
  const controller = new AbortController();
  try {
    const pending = httpGet.run(
      { url: `${server.origin}/` },
      context({ http: LOCAL, signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 100);
    assertFailure(await pending, "failed", /the call was cancelled/);
  } finally {
    await server.close();
  }
});

Deno.test("http_get: https to a pinned address still checks the certificate against the host name", async () => {
  const controller = new AbortController();
  let requests = 0;
  const server = Deno.serve(
    {
      hostname: "127.0.0.1",
      port: 0,
      cert: SELF_SIGNED_CERT,
      key: SELF_SIGNED_KEY,
      signal: controller.signal,
      onListen: () => {},
      onError: () => new Response("error", { status: 500 }),
    },
    () => (requests++, new Response("should not be reached")),
  );
  try {
    // The TLS handshake reaches the vetted address (nothing else resolves this name) and fails on
    // the certificate, which no CA signed: pinning did not turn certificate checks off.
    const outcome = await httpGet.run(
      { url: `https://pinned.example.test:${server.addr.port}/` },
      context({ http: LOCAL, resolveHost: loopback }),
    );
    assertFailure(outcome, "failed", /self[- ]signed certificate/i);
    assertEquals(requests, 0);
  } finally {
    controller.abort();
    await server.finished;
  }
});
