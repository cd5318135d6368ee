-- A handle from a wish (sign-up metadata) or a base word, made a valid slug and unique.
create or replace function lensers.fn_available_handle(p_wish text, p_base text)
 returns text
 language plpgsql
 set search_path to ''
as $function$
declare
  v_candidate text;
  v_base text;
begin
  if p_wish ~ '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$'
     and not exists (select 1 from lensers.profiles p where lower(p.handle) = lower(p_wish)) then
    return p_wish;
  end if;
  v_base := left(btrim(regexp_replace(lower(coalesce(p_base, '')), '[^a-z0-9]+', '-', 'g'), '-'), 30);
  v_base := btrim(v_base, '-');
  if v_base = '' then v_base := 'lenser'; end if;
  v_candidate := v_base;
  while char_length(v_candidate) < 2
     or exists (select 1 from lensers.profiles p where lower(p.handle) = lower(v_candidate)) loop
    v_candidate := v_base || '-' || substr(md5(random()::text), 1, 6);
  end loop;
  return v_candidate;
end
$function$;

revoke all on function lensers.fn_available_handle(p_wish text, p_base text) from public;
