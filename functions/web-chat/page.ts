// The embeddable web chat page: self-contained HTML, CSS and JS (no framework, no CDN). Served by
// GET /functions/v1/web-chat/?key=<public key>; embed it in an <iframe> on an allowed origin (its
// Content-Security-Policy frame-ancestors lists the binding's allowed origins). A signed-in user's
// access token may be given in the fragment (#access_token=<JWT>): it never reaches a server log.
// The visitor id is a random uuid kept in localStorage. Messages arrive over the stream (fetch +
// a small SSE reader, so that an Authorization header can be sent), resumed with Last-Event-ID.

export function webChatPage(nonce: string, title = "Chat"): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style nonce="${nonce}">
  body { margin: 0; font: 15px/1.4 system-ui, sans-serif; background: #f5f5f7; display: flex; flex-direction: column; height: 100vh; }
  #messages { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 6px; }
  .msg { max-width: 80%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; word-wrap: break-word; }
  .msg[data-direction="inbound"] { align-self: flex-end; background: #0b63f6; color: #fff; }
  .msg[data-direction="outbound"] { align-self: flex-start; background: #fff; border: 1px solid #ddd; }
  form { display: flex; gap: 6px; padding: 8px; border-top: 1px solid #ddd; background: #fff; }
  #body { flex: 1; padding: 8px; border: 1px solid #ccc; border-radius: 8px; font: inherit; }
  #send { padding: 8px 14px; border: 0; border-radius: 8px; background: #0b63f6; color: #fff; font: inherit; }
  #status { font-size: 12px; color: #888; padding: 0 12px 6px; min-height: 1em; }
</style>
</head>
<body>
<div id="messages" aria-live="polite"></div>
<div id="status"></div>
<form id="composer" autocomplete="off">
  <input id="body" name="body" maxlength="4000" placeholder="Write a message" aria-label="Message">
  <button id="send" type="submit">Send</button>
</form>
<script nonce="${nonce}">
(() => {
  "use strict";
  const base = location.pathname.replace(/\\/+$/, "") + "/";
  const key = new URLSearchParams(location.search).get("key") || "";
  const token = new URLSearchParams(location.hash.slice(1)).get("access_token");
  const auth = token ? { authorization: "Bearer " + token } : {};
  const uuid = () => (crypto.randomUUID ? crypto.randomUUID() :
    "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) =>
      (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16)));
  let visitorId;
  try {
    visitorId = localStorage.getItem("cl-web-chat-visitor:" + key);
    if (!visitorId) { visitorId = uuid(); localStorage.setItem("cl-web-chat-visitor:" + key, visitorId); }
  } catch { visitorId = uuid(); }
  const list = document.getElementById("messages");
  const status = document.getElementById("status");
  const input = document.getElementById("body");
  const query = "publicKey=" + encodeURIComponent(key) + "&visitorId=" + encodeURIComponent(visitorId);
  let last = 0;

  function show(m) {
    if (m.seq <= last) return;
    last = m.seq;
    const div = document.createElement("div");
    div.className = "msg";
    div.dataset.direction = m.direction;
    div.dataset.seq = String(m.seq);
    div.textContent = m.body;
    list.appendChild(div);
    list.scrollTop = list.scrollHeight;
  }

  function handle(block) {
    let event = "message";
    const data = [];
    for (const line of block.split("\\n")) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (event === "message" && data.length) {
      try { show(JSON.parse(data.join("\\n"))); } catch { /* not ours */ }
    }
  }

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  async function stream() {
    for (;;) {
      try {
        const res = await fetch(base + "stream?" + query, { headers: { ...auth, "last-event-id": String(last) } });
        if (!res.ok) {
          status.textContent = "Not connected (" + res.status + ")";
          await sleep(5000);
          continue;
        }
        status.textContent = "";
        document.body.dataset.connected = "true";
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let at;
          while ((at = buffer.indexOf("\\n\\n")) >= 0) {
            handle(buffer.slice(0, at));
            buffer = buffer.slice(at + 2);
          }
        }
      } catch { status.textContent = "Reconnecting..."; }
      document.body.dataset.connected = "false";
      await sleep(1000);
    }
  }

  document.getElementById("composer").addEventListener("submit", async (e) => {
    e.preventDefault();
    const body = input.value.trim();
    if (!body) return;
    input.disabled = true;
    try {
      const res = await fetch(base + "messages?publicKey=" + encodeURIComponent(key), {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ publicKey: key, visitorId, body, clientMessageId: uuid() }),
      });
      if (res.ok) { input.value = ""; status.textContent = ""; }
      else status.textContent = "Not sent: " + ((await res.json().catch(() => ({}))).error || res.status);
    } catch { status.textContent = "Not sent: offline"; }
    input.disabled = false;
    input.focus();
  });

  if (!key) status.textContent = "This page needs ?key=<public key>";
  else stream();
})();
</script>
</body>
</html>
`;
}
