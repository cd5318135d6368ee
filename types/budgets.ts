// Budget vocabularies: the ai.budget_* enums, built from the generated Constants of
// types/database.ts (tests/functions/enums_test.ts checks that each is). See README "Budgets and the
// ledger" for what each value does.
import { z } from "zod";
import { Constants } from "./database.ts";

/** What a budget covers: an agent, a workflow, or a human lenser (their runs and owned agents). */
export const BudgetScope = z.enum(Constants.ai.Enums.budget_scope);
/** UTC periods: day, week (from Monday), month, or none (one period for the budget's life). */
export const BudgetPeriod = z.enum(Constants.ai.Enums.budget_period);
/** hard: reserved in the claim and never passed by a reservation; soft: alerts at 50/80/100%. */
export const BudgetEnforcement = z.enum(Constants.ai.Enums.budget_enforcement);
/** What a hard budget does with a task that cannot reserve: wait (deferred) or fail. */
export const BudgetOnExceed = z.enum(Constants.ai.Enums.budget_on_exceed);
/** A task attempt's reservation: held while it runs, then settled (cost spent) or released. */
export const BudgetReservationStatus = z.enum(Constants.ai.Enums.budget_reservation_status);

export type BudgetScope = z.infer<typeof BudgetScope>;
export type BudgetPeriod = z.infer<typeof BudgetPeriod>;
export type BudgetEnforcement = z.infer<typeof BudgetEnforcement>;
export type BudgetOnExceed = z.infer<typeof BudgetOnExceed>;
export type BudgetReservationStatus = z.infer<typeof BudgetReservationStatus>;

/** The arguments of create_budget, as a client would validate them before the call. */
export const CreateBudgetArgs = z
  .object({
    p_scope: BudgetScope,
    p_amount_credits: z.number().positive().lt(100_000_000),
    p_period: BudgetPeriod,
    p_enforcement: BudgetEnforcement,
    p_on_exceed: BudgetOnExceed.optional(),
    p_ai_lenser_id: z.uuid().optional(),
    p_workflow_id: z.uuid().optional(),
  })
  .refine((a) => (a.p_enforcement === "hard") === (a.p_on_exceed !== undefined), {
    message: "p_on_exceed is required for a hard budget and refused for a soft one",
  });
