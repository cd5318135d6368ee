// Identity vocabularies: lensers.profiles and agents.ai_lensers / ownerships (the database enums,
// built from the generated Constants of types/database.ts; tests/functions/enums_test.ts checks that
// each is).
import { z } from "zod";
import { Constants } from "./database.ts";

export const LenserType = z.enum(Constants.lensers.Enums.lenser_type);
export const ProfileVisibility = z.enum(Constants.lensers.Enums.profile_visibility);
export const ProfileStatus = z.enum(Constants.lensers.Enums.profile_status);
export const RuntimePref = z.enum(Constants.agents.Enums.runtime_pref);
export const OwnershipPermission = z.enum(Constants.agents.Enums.ownership_permission);

export type LenserType = z.infer<typeof LenserType>;
export type ProfileVisibility = z.infer<typeof ProfileVisibility>;
export type ProfileStatus = z.infer<typeof ProfileStatus>;
export type RuntimePref = z.infer<typeof RuntimePref>;
export type OwnershipPermission = z.infer<typeof OwnershipPermission>;
