-- The model a team run step (perform, or its review) runs on when its node names none: the member's model profile, else the
-- member agent's default model profile (with that profile's parameters); nulls when neither.
create or replace function agents.fn_step_model(p_result_id uuid, p_kind agents.agent_run_step_kind, OUT model_id uuid, OUT params jsonb)
 returns record
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  select coalesce(mm.model_id, dm.model_id), case when mm.id is not null then mm.params else dm.params end
  into model_id, params
  from agents.agent_run_steps s
  left join agents.team_members m on m.id = s.member_id
  left join agents.model_profiles mm on mm.id = m.model_profile_id
  left join agents.model_profiles dm on dm.ai_lenser_id = s.ai_lenser_id and dm.is_default
  where s.node_result_id = p_result_id and s.kind = p_kind;
end
$function$;

comment on function agents.fn_step_model(p_result_id uuid, p_kind agents.agent_run_step_kind, OUT model_id uuid, OUT params jsonb) is 'A team run step''s model: its member''s model profile, else its agent''s default model profile.';

revoke all on function agents.fn_step_model(p_result_id uuid, p_kind agents.agent_run_step_kind, OUT model_id uuid, OUT params jsonb) from public;
grant execute on function agents.fn_step_model(p_result_id uuid, p_kind agents.agent_run_step_kind, OUT model_id uuid, OUT params jsonb) to service_role;
