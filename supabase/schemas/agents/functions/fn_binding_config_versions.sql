-- The configuration versions a reply on binding p_binding_id runs with, to be recorded with it:
-- {"binding": {"id", "version"}, "personality_profile": {"id", "version"} | null, "memory_profile": ...,
-- "tool_profile": ..., "model_profile": ...}. A profile is the binding's override, else the agent's
-- default (null when it has neither); its version is its newest in agents.tier_config_versions.
-- Null when there is no such binding (or the caller may not see it).
create or replace function agents.fn_binding_config_versions(p_binding_id uuid)
 returns jsonb
 language sql
 stable
 set search_path to ''
as $function$
  select jsonb_build_object(
    'binding', jsonb_build_object('id', b.id, 'version', b.version),
    'personality_profile', (select jsonb_build_object('id', p.id, 'version', (select max(v.version) from agents.tier_config_versions v where v.tier = 'personality_profile' and v.subject_id = p.id))
      from agents.personality_profiles p where p.ai_lenser_id = b.ai_lenser_id
        and (p.id = b.personality_profile_id or (b.personality_profile_id is null and p.is_default))),
    'memory_profile', (select jsonb_build_object('id', p.id, 'version', (select max(v.version) from agents.tier_config_versions v where v.tier = 'memory_profile' and v.subject_id = p.id))
      from agents.memory_profiles p where p.ai_lenser_id = b.ai_lenser_id
        and (p.id = b.memory_profile_id or (b.memory_profile_id is null and p.is_default))),
    'tool_profile', (select jsonb_build_object('id', p.id, 'version', (select max(v.version) from agents.tier_config_versions v where v.tier = 'tool_profile' and v.subject_id = p.id))
      from agents.tool_profiles p where p.ai_lenser_id = b.ai_lenser_id
        and (p.id = b.tool_profile_id or (b.tool_profile_id is null and p.is_default))),
    'model_profile', (select jsonb_build_object('id', p.id, 'version', (select max(v.version) from agents.tier_config_versions v where v.tier = 'model_profile' and v.subject_id = p.id))
      from agents.model_profiles p where p.ai_lenser_id = b.ai_lenser_id
        and (p.id = b.model_profile_id or (b.model_profile_id is null and p.is_default))))
  from agents.channel_bindings b
  where b.id = p_binding_id
$function$;

comment on function agents.fn_binding_config_versions(p_binding_id uuid) is 'The binding''s version and its effective profiles'' (override, else the agent''s default) newest versions, as a reply records them.';

revoke all on function agents.fn_binding_config_versions(p_binding_id uuid) from public;
grant execute on function agents.fn_binding_config_versions(p_binding_id uuid) to authenticated, service_role;
