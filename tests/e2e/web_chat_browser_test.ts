// The web chat page in a real browser: Debian's chromium, headless, driven by playwright-core
// (installed by `npm test`: scripts/install.sh browser). GATED until the channels core is merged
// (tests/_support/channels.ts). The page served by the function (through the gateway, whose origin
// the binding allows) sends a typed message, which is stored; an outbound message inserted for the
// conversation appears on the page over the stream.
import { chromium } from "playwright-core";
import { assertEquals } from "../_support/assert.ts";
import { db, stack } from "../_support/stack.ts";
import {
  channelAgent,
  e2eOpts,
  functionUrl,
  insertBinding,
  insertOutbound,
  messagesOf,
  waitFor,
} from "../_support/channels.ts";

const CHROMIUM = Deno.env.get("CL_CHROMIUM") ?? "/usr/bin/chromium";

Deno.test("web chat page: type, send, stored; a reply appears through SSE", e2eOpts, async () => {
  const sql = db();
  const agent = await channelAgent(sql);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
  try {
    const binding = await insertBinding(sql, agent, "web", { allowedOrigins: [new URL(stack.url).origin] });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(functionUrl("web-chat", `/?key=${binding.routingKey}`));
    await page.waitForSelector("body[data-connected=true]", { timeout: 15_000 });
    await page.fill("#body", "Hello from Chromium");
    await page.click("#send");
    const [stored] = await waitFor("the message stored", async () => {
      const rows = await messagesOf(sql, binding.id);
      return rows.length ? rows : null;
    });
    assertEquals([stored.direction, stored.body], ["inbound", "Hello from Chromium"]);
    await page.waitForSelector('.msg[data-direction="inbound"]', { timeout: 10_000 });
    await insertOutbound(sql, stored.conversation_id, "Hello, visitor!");
    await page.waitForSelector('.msg[data-direction="outbound"]', { timeout: 10_000 });
    assertEquals(
      await page.$$eval(".msg", (els) => els.map((e) => [e.getAttribute("data-direction"), e.textContent])),
      [["inbound", "Hello from Chromium"], ["outbound", "Hello, visitor!"]],
    );
    assertEquals(await page.inputValue("#body"), "");
    assertEquals(errors, []);
  } finally {
    await browser.close();
    await sql.end();
  }
});
