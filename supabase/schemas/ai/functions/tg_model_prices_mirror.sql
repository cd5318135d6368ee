-- Keeps ai.models' display price columns on the price row in force now, after a price row is
-- written or removed (a row dated in the future shows once a later write mirrors it; costs never
-- read the mirror).
create or replace function ai.tg_model_prices_mirror()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_model_id uuid := case when tg_op = 'DELETE' then old.model_id else new.model_id end;
  v_price ai.model_prices;
begin
  select * into v_price from ai.fn_model_price(v_model_id, now());
  update ai.models m
  set input_price_per_mtok = v_price.input_per_mtok, output_price_per_mtok = v_price.output_per_mtok,
      cached_input_price_per_mtok = v_price.cached_input_per_mtok
  where m.id = v_model_id
    and (m.input_price_per_mtok, m.output_price_per_mtok, m.cached_input_price_per_mtok)
        is distinct from (v_price.input_per_mtok, v_price.output_per_mtok, v_price.cached_input_per_mtok);
  return null;
end
$function$;

revoke all on function ai.tg_model_prices_mirror() from public;
