// Identity vocabularies: lensers.profiles and agents.ai_lensers / ownerships (mirrors of the
// database enums; tests/functions/enums_test.ts keeps them equal).
import { z } from "zod";

export const LenserType = z.enum(["human", "ai"]);
export const ProfileVisibility = z.enum(["public", "private", "unlisted"]);
export const ProfileStatus = z.enum(["active", "suspended", "deactivated", "pending_deletion", "deleted"]);
export const RuntimePref = z.enum(["cloud", "local", "hybrid"]);
export const OwnershipPermission = z.enum([
  "run",
  "edit",
  "publish",
  "manage_tools",
  "manage_memory",
  "view_runs",
]);

export type LenserType = z.infer<typeof LenserType>;
export type ProfileVisibility = z.infer<typeof ProfileVisibility>;
export type ProfileStatus = z.infer<typeof ProfileStatus>;
export type RuntimePref = z.infer<typeof RuntimePref>;
export type OwnershipPermission = z.infer<typeof OwnershipPermission>;
