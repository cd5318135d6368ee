-- The model's price row in force at p_at (the newest effective_from <= p_at); no row when unpriced.
create or replace function ai.fn_model_price(p_model_id uuid, p_at timestamp with time zone)
 returns setof ai.model_prices
 language sql
 stable
 set search_path to ''
as $function$
  select p.* from ai.model_prices p
  where p.model_id = p_model_id and p.effective_from <= p_at
  order by p.effective_from desc
  limit 1
$function$;

comment on function ai.fn_model_price(p_model_id uuid, p_at timestamp with time zone) is 'The price row of a model in force at a time; empty when the model is unpriced then.';

revoke all on function ai.fn_model_price(p_model_id uuid, p_at timestamp with time zone) from public;
grant execute on function ai.fn_model_price(p_model_id uuid, p_at timestamp with time zone) to authenticated, service_role;
