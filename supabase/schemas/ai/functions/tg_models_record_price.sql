-- Writing a model's price columns publishes a price: a new ai.model_prices row effective now (cache
-- write and reasoning prices carried from the row in force, else the input and output prices), unless
-- the row in force already says so. Clearing the columns publishes nothing (delete price rows).
create or replace function ai.tg_models_record_price()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_price ai.model_prices;
begin
  if new.input_price_per_mtok is null then
    return null;
  end if;
  select * into v_price from ai.fn_model_price(new.id, now());
  if (v_price.input_per_mtok, v_price.output_per_mtok, v_price.cached_input_per_mtok)
     is not distinct from (new.input_price_per_mtok, new.output_price_per_mtok, new.cached_input_price_per_mtok) then
    return null;
  end if;
  insert into ai.model_prices (model_id, effective_from, input_per_mtok, cached_input_per_mtok, cache_write_per_mtok,
                               output_per_mtok, reasoning_per_mtok)
  values (new.id, now(), new.input_price_per_mtok, new.cached_input_price_per_mtok,
          coalesce(v_price.cache_write_per_mtok, new.input_price_per_mtok), new.output_price_per_mtok,
          coalesce(v_price.reasoning_per_mtok, new.output_price_per_mtok))
  on conflict (model_id, effective_from) do update
  set input_per_mtok = excluded.input_per_mtok, cached_input_per_mtok = excluded.cached_input_per_mtok,
      output_per_mtok = excluded.output_per_mtok;
  return null;
end
$function$;

revoke all on function ai.tg_models_record_price() from public;
