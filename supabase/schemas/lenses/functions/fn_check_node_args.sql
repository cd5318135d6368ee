-- Checks node arguments the way the table will, with errors naming the RPC and argument.
create or replace function lenses.fn_check_node_args(p_rpc text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_errors text[];
begin
  if p_kind = 'lens' and (p_lens_version_id is null) = (p_inline_override is null) then
    raise exception '%: a lens node needs exactly one of p_lens_version_id and p_inline_override', p_rpc using errcode = '22023';
  end if;
  if p_kind = 'human_input' and (p_lens_version_id is not null or p_inline_override is not null) then
    raise exception '%: a human_input node has no p_lens_version_id or p_inline_override (its config carries a prompt)', p_rpc
      using errcode = '22023';
  end if;
  if p_lens_version_id is not null and not exists (select 1 from lenses.versions v where v.id = p_lens_version_id) then
    raise exception '%: p_lens_version_id % is not a lens version you can read', p_rpc, p_lens_version_id using errcode = '22023';
  end if;
  if p_inline_override is not null then
    v_errors := lenses.fn_inline_override_errors(p_inline_override);
    if cardinality(v_errors) > 0 then
      raise exception '%: p_inline_override is not valid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
    end if;
  end if;
  v_errors := lenses.fn_node_config_errors(p_kind, p_config);
  if cardinality(v_errors) > 0 then
    raise exception '%: p_config is not valid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  if p_config ? 'model_id' and not exists (select 1 from ai.models m where m.id = (p_config ->> 'model_id')::uuid) then
    raise exception '%: p_config.model_id % is not a model in ai.models (see list_ai_models)', p_rpc, p_config ->> 'model_id'
      using errcode = '22023';
  end if;
end
$function$;

revoke all on function lenses.fn_check_node_args(p_rpc text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb) from public;
grant execute on function lenses.fn_check_node_args(p_rpc text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb) to authenticated, service_role;
