-- The PII patterns a `pii` guardrail rule can look for (its config's `kinds`): email addresses, phone
-- numbers (E.164 and common national formats), payment card numbers (Luhn-checked), IBANs (mod-97).
create type agents.guardrail_pii_kind as enum (
  'email',
  'phone',
  'credit_card',
  'iban'
);
