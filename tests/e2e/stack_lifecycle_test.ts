// The stack scripts as an operator meets them, on a second stack with its own ports and state
// folder (the main stack is left alone): a start killed half-way is recovered by the next start,
// a start while running reports the running stack (and `run`, npm start, its keys and a demo user's
// token that works), stop frees every port it took.
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { stack } from "../_support/stack.ts";

// The second stack's ports sit 100 above the main stack's, so stacks on moved ports do not collide.
const base = Number(new URL(stack.url).port) + 100;
const ports = {
  CL_API_PORT: String(base),
  CL_DB_PORT: String(base + 1),
  CL_REST_PORT: String(base + 10),
  CL_REST_ADMIN_PORT: String(base + 11),
  CL_FUNCTIONS_PORT_BASE: String(base + 19),
};

function stackCommand(stateDir: string, ...args: string[]) {
  return new Deno.Command("setsid", {
    args: ["bash", `${stack.root}/scripts/stack.sh`, ...args],
    env: { ...ports, CL_STATE_DIR: stateDir, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  });
}

async function run(stateDir: string, ...args: string[]) {
  const out = await stackCommand(stateDir, ...args).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  return { code: out.code, text };
}

/** Starts `stack.sh start` and SIGKILLs its whole process group once its output shows `marker`. */
async function killDuringStart(stateDir: string, marker: string) {
  const child = stackCommand(stateDir, "start").spawn();
  let seen = "";
  let errors = "";
  const stderr = (async () => {
    for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) errors += chunk;
  })();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  while (!seen.includes(marker)) {
    const { value, done } = await reader.read();
    if (done) {
      await Promise.race([stderr, new Promise((r) => setTimeout(r, 2000))]);
      throw new Error(`start ended before "${marker}":\n${seen}\n${errors}`);
    }
    seen += value;
  }
  Deno.kill(-child.pid, "SIGKILL");
  await child.status;
  reader.releaseLock();
  // (stderr is left to drain: a process the start left running may still hold it open.)
}

async function portFree(port: string) {
  try {
    (await Deno.connect({ hostname: "127.0.0.1", port: Number(port) })).close();
    return false;
  } catch {
    return true;
  }
}

Deno.test({
  name: "start survives being killed mid-way, reports a running stack, and stop frees its ports",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const stateDir = await Deno.makeTempDir({ prefix: "cl-lifecycle-" });
    try {
      await killDuringStart(stateDir, "create the PostgreSQL 15 cluster");
      await killDuringStart(stateDir, "apply migrations");

      // A port held by another program: start says which port and who holds it, and fails.
      const squatter = Deno.listen({ hostname: "127.0.0.1", port: Number(ports.CL_API_PORT) });
      try {
        const blocked = await run(stateDir, "start");
        assertEquals(blocked.code, 1, blocked.text);
        assertMatch(
          blocked.text,
          new RegExp(`port ${ports.CL_API_PORT} \\(for gateway\\) is taken by deno \\(pid ${Deno.pid}\\)`),
        );
      } finally {
        squatter.close();
      }

      const started = await run(stateDir, "start");
      assertEquals(started.code, 0, started.text);
      assertMatch(started.text, /The stack is up/);

      const res = await fetch(`http://127.0.0.1:${ports.CL_API_PORT}/rest/v1/rpc/get_profile`, {
        method: "POST",
        headers: { apikey: stack.anonKey, "content-type": "application/json" },
        body: JSON.stringify({ p_handle: "demo" }),
      });
      assertEquals(res.status, 200, "migrations and seed are in place after the recovery");
      assertEquals((await res.json()).handle, "demo");

      const again = await run(stateDir, "start");
      assertEquals(again.code, 0, again.text);
      assertMatch(again.text, /rest is already running/);
      assertMatch(again.text, /gateway is already running/);
      assertMatch(again.text, /PostgreSQL is already running/);

      // npm start on a running stack reports it, with the keys and a signed-in demo user's token
      // that works through this stack's gateway as that user.
      const info = await run(stateDir, "run");
      assertEquals(info.code, 0, info.text);
      assertMatch(info.text, /The stack was already running/);
      const demoToken = info.text.match(/^ {2}access token {5}(\S+)$/m)?.[1];
      assert(demoToken, `a demo access token is printed:\n${info.text}`);
      const me = await fetch(`http://127.0.0.1:${ports.CL_API_PORT}/rest/v1/rpc/get_my_profile`, {
        method: "POST",
        headers: {
          apikey: stack.anonKey,
          authorization: `Bearer ${demoToken}`,
          "content-type": "application/json",
        },
        body: "{}",
      });
      assertEquals(me.status, 200);
      assertEquals((await me.json()).handle, "demo", "the token is the demo user's");

      const status = await run(stateDir, "status");
      assertEquals(status.code, 0, status.text);

      const stopped = await run(stateDir, "stop");
      assertEquals(stopped.code, 0, stopped.text);
      for (const port of Object.values(ports).slice(0, 4)) {
        assert(await portFree(port), `port ${port} is free after stop`);
      }
      assertEquals((await run(stateDir, "status")).code, 1, "status says stopped");

      const main = await fetch(`${stack.url}/functions/v1/health`);
      assertEquals(main.status, 200, "the main stack was not touched");
      await main.body?.cancel();
    } finally {
      await run(stateDir, "stop");
      await Deno.remove(stateDir, { recursive: true }).catch(() => {});
    }
  },
});
