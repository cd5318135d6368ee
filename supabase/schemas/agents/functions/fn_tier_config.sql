-- The configuration snapshot of a versioned row (agents.tier_config_versions.config): the row as JSON
-- without what is not configuration (identity, bookkeeping, the default flag, the archive status).
-- Two rows with the same snapshot are the same version.
create or replace function agents.fn_tier_config(p_row jsonb)
 returns jsonb
 language sql
 immutable
 set search_path to ''
as $function$
  select p_row - array['id', 'ai_lenser_id', 'is_default', 'status', 'version', 'created_by', 'created_at', 'updated_at']
$function$;

comment on function agents.fn_tier_config(p_row jsonb) is 'The configuration snapshot of a binding or profile row: the row without id, agent, default flag, status, version and timestamps.';

revoke all on function agents.fn_tier_config(p_row jsonb) from public;
grant execute on function agents.fn_tier_config(p_row jsonb) to authenticated, service_role;
