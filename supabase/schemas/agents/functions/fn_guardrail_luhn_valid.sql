-- A payment card number's Luhn checksum holds (p_digits: digits only).
create or replace function agents.fn_guardrail_luhn_valid(p_digits text)
 returns boolean
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_sum integer := 0;
  v_digit integer;
  v_n integer := char_length(p_digits);
begin
  if p_digits is null or p_digits !~ '^[0-9]+$' then
    return false;
  end if;
  for i in 0 .. v_n - 1 loop
    v_digit := substr(p_digits, v_n - i, 1)::integer;
    if i % 2 = 1 then
      v_digit := v_digit * 2;
      if v_digit > 9 then
        v_digit := v_digit - 9;
      end if;
    end if;
    v_sum := v_sum + v_digit;
  end loop;
  return v_sum % 10 = 0;
end
$function$;

revoke all on function agents.fn_guardrail_luhn_valid(p_digits text) from public;
grant execute on function agents.fn_guardrail_luhn_valid(p_digits text) to authenticated, service_role;
