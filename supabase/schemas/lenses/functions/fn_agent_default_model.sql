-- The default model profile of the AI lenser a run belongs to (nulls for a human's run).
create or replace function lenses.fn_agent_default_model(p_lenser_id uuid, OUT model_id uuid, OUT params jsonb)
 returns record
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  select mp.model_id, mp.params into model_id, params
  from agents.ai_lensers a
  join agents.model_profiles mp on mp.ai_lenser_id = a.id and mp.is_default
  where a.profile_id = p_lenser_id;
end
$function$;

revoke all on function lenses.fn_agent_default_model(p_lenser_id uuid, OUT model_id uuid, OUT params jsonb) from public;
grant execute on function lenses.fn_agent_default_model(p_lenser_id uuid, OUT model_id uuid, OUT params jsonb) to service_role;
