-- The PII a text holds, of the kinds asked, as [{kind, text}] in the order found (at most p_limit):
--   email        local@domain.tld (a dotted domain, a TLD of 2+ letters)
--   phone        E.164: "+" then 8 to 15 digits, spaces, dots, dashes and parentheses allowed between
--                them; national: a trunk 0 then 9 to 12 digits in all ("020 7946 0958", "0612345678"),
--                an area code in parentheses ("(555) 123-4567"), or NANP "555-123-4567"
--   credit_card  13 to 19 digits (spaces or dashes between them) whose Luhn checksum holds
--   iban         a country code, two check digits, 11 to 30 letters and digits (groups of 4 with
--                spaces, or none) whose mod-97 check holds
-- Dates, version numbers, decimals, order numbers, card-like numbers failing Luhn and IBAN-like
-- strings failing mod-97 are not PII (tests/db/820_guardrails.sql has both sides of each).
create or replace function agents.fn_guardrail_pii_matches(p_kinds text[], p_text text, p_limit integer default 50)
 returns jsonb
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_found jsonb := '[]'::jsonb;
  v_candidate text;
  v_digits text;
  v_rest text := p_text; -- what is left to scan: each match found is blanked out, so no text counts twice
begin
  if p_text is null or p_text = '' then
    return v_found;
  end if;
  -- Emails first, then IBANs, then card numbers, then phones: each kind's matches are blanked out of
  -- what the next kinds scan (an IBAN's digits are not a card, an email's digits not a phone).
  if 'email' = any (p_kinds) then
    for v_candidate in
      select m[1] from regexp_matches(v_rest,
        '(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,})',
        'g') m
    loop
      v_found := v_found || jsonb_build_array(jsonb_build_object('kind', 'email', 'text', v_candidate));
      v_rest := replace(v_rest, v_candidate, repeat('#', char_length(v_candidate)));
    end loop;
  end if;
  if 'iban' = any (p_kinds) then
    for v_candidate in
      select m[1] from regexp_matches(v_rest,
        '(?<![[:alnum:]])([A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?)(?![[:alnum:]])', 'g') m
    loop
      if agents.fn_guardrail_iban_valid(v_candidate) then
        v_found := v_found || jsonb_build_array(jsonb_build_object('kind', 'iban', 'text', v_candidate));
        v_rest := replace(v_rest, v_candidate, repeat('#', char_length(v_candidate)));
      end if;
    end loop;
  end if;
  if 'credit_card' = any (p_kinds) then
    for v_candidate in
      select m[1] from regexp_matches(v_rest, '(?<![[:alnum:]])([0-9](?:[ -]?[0-9]){12,18})(?![[:alnum:]])', 'g') m
    loop
      v_digits := regexp_replace(v_candidate, '[^0-9]', '', 'g');
      if char_length(v_digits) between 13 and 19 and agents.fn_guardrail_luhn_valid(v_digits) then
        v_found := v_found || jsonb_build_array(jsonb_build_object('kind', 'credit_card', 'text', v_candidate));
        v_rest := replace(v_rest, v_candidate, repeat('#', char_length(v_candidate)));
      end if;
    end loop;
  end if;
  if 'phone' = any (p_kinds) then
    for v_candidate in
      select m[1] from regexp_matches(v_rest, '(?<![[:alnum:]+])(\+?\(?[0-9][0-9 ().-]{5,22}[0-9])(?![[:alnum:]])', 'g') m
    loop
      v_digits := regexp_replace(v_candidate, '[^0-9]', '', 'g');
      if (v_candidate ~ '^\+\(?[1-9]' and char_length(v_digits) between 8 and 15)
         or (char_length(v_digits) between 9 and 12
             and (v_candidate ~ '^0[0-9]' or v_candidate ~ '^\([0-9]{2,5}\)'
                  or v_candidate ~ '^[0-9]{3}[-. ][0-9]{3}[-. ][0-9]{4}$')) then
        v_found := v_found || jsonb_build_array(jsonb_build_object('kind', 'phone', 'text', v_candidate));
        v_rest := replace(v_rest, v_candidate, repeat('#', char_length(v_candidate)));
      end if;
    end loop;
  end if;
  if jsonb_array_length(v_found) > p_limit then
    return (select jsonb_agg(e order by n) from jsonb_array_elements(v_found) with ordinality x(e, n) where n <= p_limit);
  end if;
  return v_found;
end
$function$;

revoke all on function agents.fn_guardrail_pii_matches(p_kinds text[], p_text text, p_limit integer) from public;
grant execute on function agents.fn_guardrail_pii_matches(p_kinds text[], p_text text, p_limit integer) to authenticated, service_role;
