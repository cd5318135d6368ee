-- An IBAN's ISO 13616 check holds: 15 to 34 letters and digits (spaces ignored), a country code and
-- two check digits, and the mod-97 of the rearranged number (letters as 10..35) is 1.
create or replace function agents.fn_guardrail_iban_valid(p_iban text)
 returns boolean
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_iban text := upper(replace(coalesce(p_iban, ''), ' ', ''));
  v_rearranged text;
  v_digits text := '';
  v_char text;
begin
  if v_iban !~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' then
    return false;
  end if;
  v_rearranged := substr(v_iban, 5) || substr(v_iban, 1, 4);
  foreach v_char in array regexp_split_to_array(v_rearranged, '') loop
    v_digits := v_digits || case when v_char ~ '[A-Z]' then (ascii(v_char) - 55)::text else v_char end;
  end loop;
  return v_digits::numeric % 97 = 1;
end
$function$;

revoke all on function agents.fn_guardrail_iban_valid(p_iban text) from public;
grant execute on function agents.fn_guardrail_iban_valid(p_iban text) to authenticated, service_role;
