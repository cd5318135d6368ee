// AI catalog vocabularies (mirrors of the ai.* enums; tests/functions/enums_test.ts keeps them equal).
import { z } from "zod";

export const SupportLevel = z.enum(["runnable", "byok_only", "catalog_only", "deprecated"]);
export const ProviderAdapter = z.enum(["local", "openai_compatible", "anthropic", "google"]);
export const ModelStatus = z.enum(["active", "preview", "deprecated", "retired"]);
export const ModelCapability = z.enum([
  "chat",
  "reasoning",
  "tool_use",
  "json_output",
  "vision",
  "embedding",
  "long_context",
  "code",
  "streaming",
  "prompt_caching",
]);
export const Modality = z.enum(["text", "image", "audio", "video", "pdf", "embedding"]);
export const LlmCallStatus = z.enum(["succeeded", "failed"]);

export type SupportLevel = z.infer<typeof SupportLevel>;
export type ProviderAdapter = z.infer<typeof ProviderAdapter>;
export type ModelStatus = z.infer<typeof ModelStatus>;
export type ModelCapability = z.infer<typeof ModelCapability>;
export type Modality = z.infer<typeof Modality>;
export type LlmCallStatus = z.infer<typeof LlmCallStatus>;
