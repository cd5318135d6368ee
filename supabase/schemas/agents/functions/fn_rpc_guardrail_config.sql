-- A guardrail rule's config checked for its kind, or a 22023 refusal naming p_config and the field
-- ('<rpc>: p_config.terms: must be ...'); a model_judge rule's modelId must name a catalog model.
create or replace function agents.fn_rpc_guardrail_config(p_rpc text, p_kind agents.guardrail_kind, p_config jsonb)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_error text := agents.fn_guardrail_config_errors(p_kind, p_config);
begin
  if v_error is not null then
    raise exception '%: p_config%', p_rpc, lensers.fn_one_line(v_error) using errcode = '22023';
  end if;
  if p_kind = 'model_judge' and p_config ? 'modelId'
     and not exists (select 1 from ai.models m where m.id = (p_config ->> 'modelId')::uuid) then
    raise exception '%: p_config.modelId: no model % in the catalog', p_rpc, p_config ->> 'modelId' using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_rpc_guardrail_config(p_rpc text, p_kind agents.guardrail_kind, p_config jsonb) from public;
grant execute on function agents.fn_rpc_guardrail_config(p_rpc text, p_kind agents.guardrail_kind, p_config jsonb) to authenticated, service_role;
