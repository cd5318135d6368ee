// The local API gateway: one port with Supabase's paths, standing in for Kong and the edge
// runtime's router. `/rest/v1/*` goes to PostgREST (an apikey is required, as Kong requires it),
// `/functions/v1/<name>/*` to that function, which runs in its own Deno process started here
// from the `[functions.<name>]` sections of supabase/config.toml (verify_jwt honoured).
import { parse } from "smol-toml";
import { jwtVerify } from "jose";

const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

function required(name: string): string {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`gateway: environment variable ${name} is not set`);
  return value;
}

const API_PORT = Number(required("CL_API_PORT"));
const REST_URL = `http://127.0.0.1:${required("CL_REST_PORT")}`;
const REST_ADMIN_URL = `http://127.0.0.1:${required("CL_REST_ADMIN_PORT")}`;
const FUNCTIONS_PORT_BASE = Number(required("CL_FUNCTIONS_PORT_BASE"));
const JWT_KEY = new TextEncoder().encode(required("CL_JWT_SECRET"));

interface FunctionSpec {
  name: string;
  entrypoint: string;
  verifyJwt: boolean;
  port: number;
  child?: Deno.ChildProcess;
}

function readFunctionSpecs(): FunctionSpec[] {
  const config = parse(Deno.readTextFileSync(`${ROOT}/supabase/config.toml`)) as {
    functions?: Record<string, { entrypoint?: string; verify_jwt?: boolean; enabled?: boolean }>;
  };
  return Object.entries(config.functions ?? {})
    .filter(([, fn]) => fn.enabled !== false)
    .map(([name, fn], index) => ({
      name,
      entrypoint: `${ROOT}/supabase/${fn.entrypoint ?? `functions/${name}/index.ts`}`,
      verifyJwt: fn.verify_jwt ?? true,
      port: FUNCTIONS_PORT_BASE + index,
    }));
}

// Custom function secrets, like `supabase functions serve --env-file`: KEY=VALUE lines, from the
// files CL_FUNCTIONS_ENV_FILES names (':'-separated; scripts/stack.sh passes functions/.env and the
// test secrets npm test installs; a missing file is skipped, a later file wins).
function readEnvFile(path: string): Record<string, string> {
  try {
    const text = Deno.readTextFileSync(path);
    const pairs = text.split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("#"))
      .map((line) => line.split(/=(.*)/s, 2).map((part) => part.trim().replace(/^"(.*)"$/, "$1")));
    return Object.fromEntries(pairs.filter(([key]) => key));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return {};
    throw error;
  }
}

function readFunctionSecrets(): Record<string, string> {
  const files = (Deno.env.get("CL_FUNCTIONS_ENV_FILES") ?? `${ROOT}/functions/.env`).split(":").filter(Boolean);
  return Object.assign({}, ...files.map(readEnvFile));
}

const functions = readFunctionSpecs();
const functionSecrets = readFunctionSecrets();
let shuttingDown = false;

async function pipeLines(name: string, stream: ReadableStream<Uint8Array>, sink: (line: string) => void) {
  let buffer = "";
  for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) sink(`[fn ${name}] ${line}`);
  }
  if (buffer) sink(`[fn ${name}] ${buffer}`);
}

function spawnFunction(spec: FunctionSpec, restarts = 0) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", "--config", `${ROOT}/deno.json`, "--preload", `${ROOT}/scripts/function-preload.ts`, spec.entrypoint],
    cwd: ROOT,
    env: {
      ...functionSecrets,
      CL_FUNCTION_PORT: String(spec.port),
      SUPABASE_URL: required("SUPABASE_URL"),
      SUPABASE_ANON_KEY: required("SUPABASE_ANON_KEY"),
      SUPABASE_SERVICE_ROLE_KEY: required("SUPABASE_SERVICE_ROLE_KEY"),
      SUPABASE_DB_URL: required("SUPABASE_DB_URL"),
    },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  spec.child = child;
  pipeLines(spec.name, child.stdout, console.log);
  pipeLines(spec.name, child.stderr, console.error);
  child.status.then((status) => {
    if (shuttingDown) return;
    const delay = Math.min(30_000, 500 * 2 ** restarts);
    console.error(`[gateway] function ${spec.name} exited with code ${status.code}; restarting in ${delay} ms`);
    setTimeout(() => spawnFunction(spec, restarts + 1), delay);
  });
}

async function listening(port: number): Promise<boolean> {
  try {
    const conn = await Deno.connect({ hostname: "127.0.0.1", port });
    conn.close();
    return true;
  } catch {
    return false;
  }
}

async function restReady(): Promise<boolean> {
  try {
    const res = await fetch(`${REST_ADMIN_URL}/ready`);
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

function json(status: number, body: unknown, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

async function verifiedRole(token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, JWT_KEY, { algorithms: ["HS256"] });
    return typeof payload.role === "string" ? payload.role : null;
  } catch {
    return null;
  }
}

function bearer(req: Request): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "");
  return match ? match[1].trim() : null;
}

async function forward(req: Request, target: string): Promise<Response> {
  const headers = new Headers(req.headers);
  headers.delete("host");
  headers.set("accept-encoding", "identity");
  const upstream = await fetch(target, {
    method: req.method,
    headers,
    body: req.body,
    redirect: "manual",
  });
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: upstream.headers });
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, x-client-info, apikey, content-type, prefer, range, accept-profile, content-profile, x-upsert",
  "access-control-expose-headers": "content-range, content-location, location",
};

async function handleRest(req: Request, url: URL, rest: string): Promise<Response> {
  if (req.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS });
  const apikey = req.headers.get("apikey") ?? url.searchParams.get("apikey");
  if (!apikey) return json(401, { message: "No API key found in request" }, CORS);
  const role = await verifiedRole(apikey);
  if (role !== "anon" && role !== "service_role") return json(401, { message: "Invalid API key" }, CORS);
  const forwarded = new Request(req);
  if (!bearer(req)) forwarded.headers.set("authorization", `Bearer ${apikey}`);
  url.searchParams.delete("apikey");
  const response = await forward(forwarded, `${REST_URL}/${rest}${url.search}`);
  for (const [key, value] of Object.entries(CORS)) response.headers.set(key, value);
  return response;
}

async function handleFunction(req: Request, url: URL, name: string, rest: string): Promise<Response> {
  const spec = functions.find((fn) => fn.name === name);
  if (!spec) return json(404, { code: "NOT_FOUND", message: `Requested function ${name} was not found` });
  if (spec.verifyJwt && req.method !== "OPTIONS") {
    const token = bearer(req);
    if (!token) return json(401, { code: 401, message: "Missing authorization header" });
    if (!(await verifiedRole(token))) return json(401, { code: 401, message: "Invalid JWT" });
  }
  return await forward(req, `http://127.0.0.1:${spec.port}/${name}${rest}${url.search}`);
}

async function handleHealth(): Promise<Response> {
  const rest = await restReady();
  const fnStates = Object.fromEntries(
    await Promise.all(functions.map(async (fn) => [fn.name, await listening(fn.port)] as const)),
  );
  const ok = rest && Object.values(fnStates).every(Boolean);
  return json(ok ? 200 : 503, { rest, functions: fnStates });
}

async function route(req: Request): Promise<Response> {
  const url = new URL(req.url);
  if (url.pathname === "/_stack/health") return await handleHealth();
  const restMatch = /^\/rest\/v1\/?(.*)$/.exec(url.pathname);
  if (restMatch) return await handleRest(req, url, restMatch[1]);
  const fnMatch = /^\/functions\/v1\/([^/]+)(\/.*)?$/.exec(url.pathname);
  if (fnMatch) return await handleFunction(req, url, fnMatch[1], fnMatch[2] ?? "");
  if (/^\/(auth|storage|realtime)\/v1/.test(url.pathname)) {
    return json(501, {
      message: `${url.pathname.split("/")[1]} is not part of this local stack (it serves /rest/v1 and /functions/v1); see README`,
    });
  }
  return json(404, { message: `no route for ${url.pathname}` });
}

for (const spec of functions) spawnFunction(spec);

function shutdown() {
  shuttingDown = true;
  for (const spec of functions) {
    try {
      spec.child?.kill("SIGTERM");
    } catch { /* already gone */ }
  }
  setTimeout(() => Deno.exit(0), 300);
}
Deno.addSignalListener("SIGTERM", shutdown);
Deno.addSignalListener("SIGINT", shutdown);

Deno.serve({ port: API_PORT, hostname: "127.0.0.1", onListen: () => console.log(`[gateway] listening on 127.0.0.1:${API_PORT}`) }, async (req) => {
  const started = performance.now();
  let response: Response;
  try {
    response = await route(req);
  } catch (error) {
    console.error("[gateway] upstream error:", error);
    response = json(502, { message: `upstream unavailable: ${(error as Error).message}` });
  }
  console.log(`${req.method} ${new URL(req.url).pathname} ${response.status} ${Math.round(performance.now() - started)}ms`);
  return response;
});
