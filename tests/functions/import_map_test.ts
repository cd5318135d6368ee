// deno.json's import map pins the same versions that package.json installs, so the functions run
// locally (node_modules) with exactly what `supabase functions deploy` bundles.
import { assertEquals } from "../_support/assert.ts";

const root = new URL("../..", import.meta.url);

Deno.test("deno.json and package.json name the same versions", async () => {
  const denoJson = JSON.parse(await Deno.readTextFile(new URL("deno.json", root)));
  const packageJson = JSON.parse(await Deno.readTextFile(new URL("package.json", root)));
  const installed: Record<string, string> = { ...packageJson.dependencies, ...packageJson.devDependencies };
  const entries = Object.entries(denoJson.imports as Record<string, string>).filter(([, spec]) =>
    spec.startsWith("npm:")
  );
  assertEquals(entries.length > 0, true);
  for (const [name, spec] of entries) {
    const [, pkg, version] = /^npm:(@?[^@]+)@(.+)$/.exec(spec) ?? [];
    assertEquals(pkg, name, `deno.json maps ${name} to ${spec}`);
    assertEquals(
      version,
      installed[pkg],
      `${pkg}: deno.json has ${version}, package.json has ${installed[pkg]}`,
    );
  }
});
