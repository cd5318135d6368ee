// Loaded with `deno run --preload` before a function's entrypoint, so the same index.ts that
// runs on Supabase's edge runtime runs unchanged here: Deno.serve binds the port the gateway
// chose, and EdgeRuntime.waitUntil exists as it does on the platform.
const port = Number(Deno.env.get("CL_FUNCTION_PORT"));
if (!Number.isInteger(port) || port <= 0) throw new Error("CL_FUNCTION_PORT must be set to a port number");

const serve = Deno.serve.bind(Deno);
type Handler = Deno.ServeHandler;

// deno-lint-ignore no-explicit-any
(Deno as any).serve = (first: Handler | Deno.ServeOptions, second?: Handler) => {
  const handler = (typeof first === "function" ? first : second ?? (first as { handler?: Handler }).handler)!;
  const options = typeof first === "object" ? first : {};
  return serve({ ...options, port, hostname: "127.0.0.1", onListen: () => {} }, handler);
};

const pending = new Set<Promise<unknown>>();
(globalThis as Record<string, unknown>).EdgeRuntime = {
  waitUntil(promise: Promise<unknown>) {
    pending.add(promise);
    promise.catch((error) => console.error("waitUntil task failed:", error)).finally(() => pending.delete(promise));
  },
};
