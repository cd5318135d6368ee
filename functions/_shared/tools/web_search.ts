// web_search: queries the search API the operator configured in the tool's settings
// ({base_url, engine: "searxng" | "brave", api_key_env (brave)}).
//
// Not subject to the private-network rule: the URL comes from the operator's settings, never from
// the model (only the query string does), and a self-hosted SearXNG on a private address is the
// usual setup. The HTTP policy's timeout and response size cap still apply.
import { readCapped } from "./bounded.ts";
import { withDeadline } from "./deadline.ts";
import { runTool, ToolCallError, type ToolContext, type ToolImpl } from "./types.ts";

export const DEFAULT_MAX_RESULTS = 5;
/** Per-field caps keep 20 results well inside the output limit. */
const MAX_TITLE_CHARS = 300;
const MAX_URL_CHARS = 2_000;
const MAX_SNIPPET_CHARS = 1_000;

export interface SearchResult {
  title: string;
  url: string;
  snippet: string;
}

interface Engine {
  request(
    baseUrl: string,
    query: string,
    maxResults: number,
    ctx: ToolContext,
  ): { url: string; headers: HeadersInit };
  results(body: unknown): SearchResult[];
}

const searxng: Engine = {
  request: (baseUrl, query) => ({
    url: `${baseUrl}/search?${new URLSearchParams({ q: query, format: "json" })}`,
    headers: { accept: "application/json" },
  }),
  results: (body) =>
    listAt(body, ["results"]).map((item) => ({
      title: text(item.title),
      url: text(item.url),
      snippet: text(item.content),
    })),
};

const brave: Engine = {
  request: (baseUrl, query, maxResults, ctx) => ({
    url: `${baseUrl}/res/v1/web/search?${new URLSearchParams({ q: query, count: String(maxResults) })}`,
    headers: { accept: "application/json", "X-Subscription-Token": braveKey(ctx) },
  }),
  results: (body) =>
    listAt(body, ["web", "results"]).map((item) => ({
      title: stripTags(text(item.title)),
      url: text(item.url),
      snippet: stripTags(text(item.description)),
    })),
};

const ENGINES: Record<string, Engine> = { searxng, brave };

function braveKey(ctx: ToolContext): string {
  const name = ctx.settings.api_key_env;
  if (typeof name !== "string" || name === "") {
    throw new ToolCallError("refused", "web_search with engine brave needs the setting api_key_env");
  }
  const key = ctx.env.get(name);
  if (!key) throw new ToolCallError("refused", `web_search: the environment variable ${name} is not set`);
  return key;
}

function listAt(body: unknown, path: string[]): Record<string, unknown>[] {
  let value = body;
  for (const key of path) value = (value as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(value)) {
    throw new ToolCallError("failed", `the search API's answer has no ${path.join(".")} list`);
  }
  return value.filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null);
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Brave marks matches with <strong>; the model reads plain text. */
function stripTags(value: string): string {
  return value.replace(/<[^>]*>/g, "");
}

function clip(value: string, maxChars: number): string {
  return value.length > maxChars ? `${value.slice(0, maxChars - 1)}…` : value;
}

async function search(args: Record<string, unknown>, ctx: ToolContext) {
  const query = args.query;
  if (typeof query !== "string" || query.trim() === "") {
    throw new ToolCallError("refused", "query must be a non-empty string");
  }
  const maxResults = args.max_results ?? DEFAULT_MAX_RESULTS;
  if (!Number.isInteger(maxResults) || (maxResults as number) < 1) {
    throw new ToolCallError("refused", "max_results must be a positive integer");
  }
  const baseUrl = ctx.settings.base_url;
  if (typeof baseUrl !== "string" || baseUrl === "") {
    throw new ToolCallError("refused", "web_search is not configured: its setting base_url is missing");
  }
  const engineName = ctx.settings.engine ?? "searxng";
  const engine = ENGINES[String(engineName)];
  if (!engine) {
    throw new ToolCallError("refused", `web_search: unknown engine "${engineName}" (searxng or brave)`);
  }
  const { url, headers } = engine.request(baseUrl.replace(/\/+$/, ""), query, maxResults as number, ctx);
  const body = await getJson(url, headers, ctx);
  const results = engine.results(body).slice(0, maxResults as number).map((result) => ({
    title: clip(result.title, MAX_TITLE_CHARS),
    url: clip(result.url, MAX_URL_CHARS),
    snippet: clip(result.snippet, MAX_SNIPPET_CHARS),
  }));
  return { query, results };
}

function getJson(url: string, headers: HeadersInit, ctx: ToolContext): Promise<unknown> {
  return withDeadline(ctx.signal, ctx.http.timeoutMs, "the search API", async (signal) => {
    const response = await (ctx.fetch ?? fetch)(url, { headers, signal });
    const { bytes, truncated } = response.body
      ? await readCapped(response.body, ctx.http.maxResponseBytes)
      : { bytes: new Uint8Array(), truncated: false };
    if (!response.ok) {
      throw new ToolCallError("failed", `the search API answered ${response.status} ${response.statusText}`);
    }
    if (truncated) {
      throw new ToolCallError("failed", `the search API's answer is over ${ctx.http.maxResponseBytes} bytes`);
    }
    try {
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new ToolCallError("failed", "the search API's answer is not JSON");
    }
  });
}

export const webSearch: ToolImpl = {
  key: "web_search",
  run: (args, ctx) => runTool(() => search(args, ctx)),
};
