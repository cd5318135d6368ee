// Model judges on channel messages (README "Guardrails"): the vocabulary of agents.guardrail_judgements
// (a held message waiting for its judges) and the outputs of the worker RPCs that drive it:
// claim_guardrail_judgements and complete_guardrail_judgement. The channel sender
// (functions/_shared/worker/channel_sender.ts) parses what it claims with ClaimedGuardrailJudgement.
import { z } from "zod";
import { Constants } from "./database.ts";
import { GuardrailDirection, GuardrailVerdict } from "./guardrails.ts";

/** pending (waiting for the worker's judges); judged (its final verdict recorded). */
export const GuardrailJudgementStatus = z.enum(Constants.agents.Enums.guardrail_judgement_status);
export type GuardrailJudgementStatus = z.infer<typeof GuardrailJudgementStatus>;

const Uuid = z.uuid();
const Direction = GuardrailDirection.exclude(["both"]);

/** One judgement leased by claim_guardrail_judgements: the verdict whose pending rules to judge. */
export const ClaimedGuardrailJudgement = z.strictObject({
  id: Uuid,
  leaseToken: Uuid,
  /** Leases so far, this one included (from 1; the fifth is the last). */
  attempt: z.number().int().positive(),
  /** input: an inbound message (its turn waits); output: an outbound one (held in the outbox). */
  direction: Direction,
  /** agents.fn_check_guardrails's verdict, with at least one rule pending. */
  verdict: GuardrailVerdict,
});
export type ClaimedGuardrailJudgement = z.infer<typeof ClaimedGuardrailJudgement>;

/** claim_guardrail_judgements: the leased judgements. */
export const ClaimGuardrailJudgementsOutput = z.array(ClaimedGuardrailJudgement);

/** complete_guardrail_judgement: what the final verdict did to the message. */
export const CompleteGuardrailJudgementOutput = z.strictObject({
  id: Uuid,
  direction: Direction,
  verdict: GuardrailVerdict.shape.verdict,
  messageId: Uuid,
  /** block: the binding's fallback text queued instead. */
  fallbackMessageId: Uuid.nullable(),
  /** input, not blocked: the turn queued (or extended) through the message. */
  turnId: Uuid.nullable(),
});
export type CompleteGuardrailJudgementOutput = z.infer<typeof CompleteGuardrailJudgementOutput>;
