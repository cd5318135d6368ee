// Schedule vocabularies (lenses.workflow_schedules and lenses.workflow_schedule_fires), built from
// the generated Constants of types/database.ts; tests/functions/enums_test.ts checks that each is.
import { z } from "zod";
import { Constants } from "./database.ts";

export const ScheduleDstGap = z.enum(Constants.lenses.Enums.schedule_dst_gap);
export const ScheduleDstOverlap = z.enum(Constants.lenses.Enums.schedule_dst_overlap);
export const ScheduleFireOutcome = z.enum(Constants.lenses.Enums.schedule_fire_outcome);
export const ScheduleSkipReason = z.enum(Constants.lenses.Enums.schedule_skip_reason);
export const ScheduleRunResult = z.enum(Constants.lenses.Enums.schedule_run_result);

export type ScheduleDstGap = z.infer<typeof ScheduleDstGap>;
export type ScheduleDstOverlap = z.infer<typeof ScheduleDstOverlap>;
export type ScheduleFireOutcome = z.infer<typeof ScheduleFireOutcome>;
export type ScheduleSkipReason = z.infer<typeof ScheduleSkipReason>;
export type ScheduleRunResult = z.infer<typeof ScheduleRunResult>;
