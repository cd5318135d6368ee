-- An agent's system prompt preamble: who it is, its personality profile (the one given, else its
-- default) and its personality note. The same agent and profile always get the same text.
create or replace function agents.fn_agent_preamble(p_ai_lenser_id uuid, p_personality_profile_id uuid default null)
 returns text
 language sql
 stable
 set search_path to ''
as $function$
  select concat_ws(E'\n',
    format('You are %s (@%s), an AI agent.', pr.display_name, pr.handle),
    case when pp.id is not null then concat_ws(E'\n',
      format('Tone: %s. Expertise: %s. Communication: %s. Decisions: %s.',
        pp.tone, pp.expertise_level, replace(pp.communication_style::text, '_', ' '), replace(pp.decision_style::text, '_', ' ')),
      format('Risk tolerance: %s. Autonomy: %s.', pp.risk_tolerance, replace(pp.autonomy_level::text, '_', ' ')),
      case pp.escalation_behavior::text
        when 'never' then 'Escalation: do not escalate; decide within your remit.'
        when 'on_uncertainty' then 'Escalation: when you are unsure, say so plainly and name what would settle it.'
        when 'on_risk' then 'Escalation: flag anything risky for a human before acting on it.'
        when 'always' then 'Escalation: propose, and leave every decision to a human.'
        else format('Escalation: %s.', replace(pp.escalation_behavior::text, '_', ' '))
      end,
      pp.system_prompt_patch)
    end,
    nullif(btrim(a.personality_note), ''))
  from agents.ai_lensers a
  join lensers.profiles pr on pr.id = a.profile_id
  left join agents.personality_profiles pp
    on pp.ai_lenser_id = a.id and (pp.id = p_personality_profile_id or (p_personality_profile_id is null and pp.is_default))
  where a.id = p_ai_lenser_id
$function$;

comment on function agents.fn_agent_preamble(p_ai_lenser_id uuid, p_personality_profile_id uuid) is 'The system prompt preamble of an agent: identity, personality profile (given or default), personality note. Deterministic.';

revoke all on function agents.fn_agent_preamble(p_ai_lenser_id uuid, p_personality_profile_id uuid) from public;
grant execute on function agents.fn_agent_preamble(p_ai_lenser_id uuid, p_personality_profile_id uuid) to authenticated, service_role;
