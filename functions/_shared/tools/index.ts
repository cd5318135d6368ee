// The executable tools: the built-in ones by registry key, and the factory for an operator's
// custom HTTP tools. Arguments are checked against the tool's schema (validateArguments) before
// run() is called.
import { calculator } from "./calculator.ts";
import { currentTime } from "./current_time.ts";
import { httpGet } from "./http_get.ts";
import { httpPost } from "./http_post.ts";
import type { ToolImpl } from "./types.ts";
import { webSearch } from "./web_search.ts";

export * from "./types.ts";
export { type ArgumentsResult, validateArguments } from "./validate.ts";
export { customHttpTool, type CustomHttpToolSettings, signBody } from "./custom_http.ts";
export { MAX_OUTPUT_BYTES } from "./bounded.ts";

export const builtInTools: Record<string, ToolImpl> = Object.fromEntries(
  [calculator, currentTime, httpGet, httpPost, webSearch].map((tool) => [tool.key, tool]),
);
