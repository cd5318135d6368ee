// http_post: sends a JSON body to a URL the model chose, under the agent's HTTP policy, with the
// call's idempotency key so that a replayed call is recognisable on the other side.
import { MAX_REDIRECTS, requireUrl } from "./http_get.ts";
import { httpToolOutput } from "./http_response.ts";
import { sendOutbound } from "./outbound.ts";
import { runTool, ToolCallError, type ToolImpl } from "./types.ts";

export const httpPost: ToolImpl = {
  key: "http_post",
  run: (args, ctx) =>
    runTool(async () => {
      const url = requireUrl(args);
      if (typeof args.body !== "object" || args.body === null || Array.isArray(args.body)) {
        throw new ToolCallError("refused", "body must be a JSON object");
      }
      const response = await sendOutbound(
        {
          method: "POST",
          url,
          headers: { "Content-Type": "application/json", "Idempotency-Key": ctx.idempotencyKey },
          body: JSON.stringify(args.body),
        },
        ctx,
        { maxRedirects: MAX_REDIRECTS },
      );
      return httpToolOutput(response);
    }),
};
