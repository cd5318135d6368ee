// web_search against local fakes of SearXNG and Brave: the request each engine expects, results
// mapped and capped, configuration errors refused with the setting named.
import { builtInTools } from "../../../functions/_shared/tools/index.ts";
import { assertEquals } from "../../_support/assert.ts";
import { assertFailure, assertOk, context, startServer } from "./_support.ts";

const webSearch = builtInTools.web_search;
const env = (vars: Record<string, string>) => ({ get: (name: string) => vars[name] });

Deno.test("web_search: SearXNG", async () => {
  const server = startServer((req) =>
    req.path === "/search" && req.query.get("format") === "json"
      ? Response.json({
        query: req.query.get("q"),
        results: Array.from({ length: 8 }, (_, i) => ({
          title: `Result ${i}`,
          url: `https://example.com/${i}`,
          content: `About ${i}`,
          engine: "duckduckgo",
        })),
      })
      : new Response("not found", { status: 404 })
  );
  try {
    // The operator's self-hosted SearXNG is on loopback, and the default policy still reaches it.
    const ctx = context({ settings: { base_url: `${server.origin}/`, engine: "searxng" } });
    assertEquals(assertOk(await webSearch.run({ query: "deno & tools", max_results: 3 }, ctx)), {
      query: "deno & tools",
      results: [0, 1, 2].map((i) => ({
        title: `Result ${i}`,
        url: `https://example.com/${i}`,
        snippet: `About ${i}`,
      })),
    });
    assertEquals(server.requests[0].query.get("q"), "deno & tools");
    const defaults = assertOk(await webSearch.run({ query: "x" }, ctx)) as { results: unknown[] };
    assertEquals(defaults.results.length, 5);
  } finally {
    await server.close();
  }
});

Deno.test("web_search: Brave, with the subscription token from the named environment variable", async () => {
  const server = startServer((req) => {
    if (req.headers.get("x-subscription-token") !== "brave-secret") {
      return Response.json({ error: "bad token" }, { status: 401 });
    }
    const count = Number(req.query.get("count"));
    return Response.json({
      web: {
        results: Array.from({ length: count }, (_, i) => ({
          title: `<strong>Deno</strong> ${i}`,
          url: `https://deno.example/${i}`,
          description: `The <strong>runtime</strong> ${i}`,
        })),
      },
    });
  });
  const settings = { base_url: server.origin, engine: "brave", api_key_env: "BRAVE_KEY" };
  try {
    const outcome = await webSearch.run(
      { query: "deno", max_results: 2 },
      context({ settings, env: env({ BRAVE_KEY: "brave-secret" }) }),
    );
    assertEquals(assertOk(outcome), {
      query: "deno",
      results: [0, 1].map((i) => ({
        title: `Deno ${i}`,
        url: `https://deno.example/${i}`,
        snippet: `The runtime ${i}`,
      })),
    });
    assertEquals(server.requests[0].path, "/res/v1/web/search");
    assertEquals([server.requests[0].query.get("q"), server.requests[0].query.get("count")], ["deno", "2"]);

    assertFailure(
      await webSearch.run({ query: "deno" }, context({ settings, env: env({ BRAVE_KEY: "wrong" }) })),
      "failed",
      /the search API answered 401/,
    );
    assertFailure(
      await webSearch.run({ query: "deno" }, context({ settings })),
      "refused",
      /environment variable BRAVE_KEY is not set/,
    );
    assertFailure(
      await webSearch.run(
        { query: "deno" },
        context({ settings: { base_url: server.origin, engine: "brave" } }),
      ),
      "refused",
      /needs the setting api_key_env/,
    );
  } finally {
    await server.close();
  }
});

Deno.test("web_search: configuration errors are refused, naming the setting", async () => {
  assertFailure(await webSearch.run({ query: "x" }, context()), "refused", /setting base_url is missing/);
  assertFailure(
    await webSearch.run(
      { query: "x" },
      context({ settings: { base_url: "http://127.0.0.1:9", engine: "bing" } }),
    ),
    "refused",
    /unknown engine "bing"/,
  );
});

Deno.test("web_search: the timeout and size cap apply", async () => {
  const server = startServer(async (req, self) => {
    if (req.query.get("q") === "slow") await self.closing;
    return Response.json({ results: [{ title: "t", url: "u", content: "c".repeat(10_000) }] });
  });
  const settings = { base_url: server.origin, engine: "searxng" };
  try {
    assertFailure(
      await webSearch.run({ query: "slow" }, context({ settings, http: { timeoutMs: 200 } })),
      "timeout",
      /the search API did not answer within 200 ms/,
    );
    assertFailure(
      await webSearch.run({ query: "big" }, context({ settings, http: { maxResponseBytes: 1_000 } })),
      "failed",
      /over 1000 bytes/,
    );
    const clipped = assertOk(await webSearch.run({ query: "big" }, context({ settings }))) as {
      results: { snippet: string }[];
    };
    assertEquals(clipped.results[0].snippet.length, 1_000);
  } finally {
    await server.close();
  }
});
