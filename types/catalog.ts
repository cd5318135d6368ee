// AI catalog vocabularies: the ai.* enums, built from the generated Constants of types/database.ts
// (tests/functions/enums_test.ts checks that each is).
import { z } from "zod";
import { Constants } from "./database.ts";

export const SupportLevel = z.enum(Constants.ai.Enums.support_level);
export const ProviderAdapter = z.enum(Constants.ai.Enums.provider_adapter);
export const ModelStatus = z.enum(Constants.ai.Enums.model_status);
export const ModelCapability = z.enum(Constants.ai.Enums.model_capability);
export const Modality = z.enum(Constants.ai.Enums.modality);
export const LlmCallStatus = z.enum(Constants.ai.Enums.llm_call_status);

export type SupportLevel = z.infer<typeof SupportLevel>;
export type ProviderAdapter = z.infer<typeof ProviderAdapter>;
export type ModelStatus = z.infer<typeof ModelStatus>;
export type ModelCapability = z.infer<typeof ModelCapability>;
export type Modality = z.infer<typeof Modality>;
export type LlmCallStatus = z.infer<typeof LlmCallStatus>;
