// http_get: fetches a URL the model chose, under the agent's HTTP policy (outbound.ts).
import { httpToolOutput } from "./http_response.ts";
import { sendOutbound } from "./outbound.ts";
import { runTool, ToolCallError, type ToolImpl } from "./types.ts";

export const MAX_REDIRECTS = 3;

export function requireUrl(args: Record<string, unknown>): string {
  if (typeof args.url !== "string" || args.url === "") {
    throw new ToolCallError("refused", "url must be a non-empty string");
  }
  return args.url;
}

export const httpGet: ToolImpl = {
  key: "http_get",
  run: (args, ctx) =>
    runTool(async () => {
      const response = await sendOutbound({ method: "GET", url: requireUrl(args) }, ctx, {
        maxRedirects: MAX_REDIRECTS,
      });
      return httpToolOutput(response);
    }),
};
