// Agent turn vocabularies (agents.policy_decisions), built from the generated Constants of
// types/database.ts; tests/functions/enums_test.ts checks that each is.
import { z } from "zod";
import { Constants } from "./database.ts";

/** The rule a tool call an agent asked for was decided under. */
export const PolicyRule = z.enum(Constants.agents.Enums.policy_rule);
export type PolicyRule = z.infer<typeof PolicyRule>;

export const PolicyDecision = z.enum(Constants.agents.Enums.policy_decision);
export type PolicyDecision = z.infer<typeof PolicyDecision>;
