-- Demo data for `npm start`. Loaded after the migrations by `npm run db:reset` (and by
-- `supabase db reset` with Docker). Never loaded by the migrations themselves.

-- A demo user (the sign-up trigger gives it a profile) and a second, private one.
insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
values
  ('00000000-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'demo@connectedlenses.local', now(),
   '{"provider":"email","providers":["email"]}', '{"handle":"demo","display_name":"Demo Lenser"}'),
  ('00000000-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'ada@connectedlenses.local', now(),
   '{"provider":"email","providers":["email"]}', '{"handle":"ada","display_name":"Ada (private)"}')
on conflict (id) do nothing;

update lensers.profiles set visibility = 'private' where handle = 'ada';

-- The demo user's agent control room (through the RPCs, signed in as demo): two AI lensers, Scout
-- with its four default profiles, a team in which Scout hands off to Scribe, and a memory entry.
do $$
declare
  v_scout uuid;
  v_scribe uuid;
  v_team uuid;
  v_lead uuid;
  v_writer uuid;
  v_memory uuid;
begin
  if exists (select 1 from lensers.profiles where handle = 'scout') then
    return;
  end if;
  perform set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-8000-000000000001","role":"authenticated"}', true);
  perform set_config('role', 'authenticated', true);

  v_scout := (public.create_ai_lenser(p_handle => 'scout', p_display_name => 'Scout',
    p_personality_note => 'Finds and checks sources before answering.')).id;
  v_scribe := (public.create_ai_lenser(p_handle => 'scribe', p_display_name => 'Scribe')).id;

  perform public.create_personality_profile(p_ai_lenser_id => v_scout, p_name => 'Careful researcher', p_tone => 'neutral',
    p_expertise_level => 'expert', p_risk_tolerance => 'low', p_autonomy_level => 'semi_autonomous',
    p_communication_style => 'structured', p_decision_style => 'cautious', p_escalation_behavior => 'on_uncertainty',
    p_system_prompt_patch => 'Cite a source for every claim.', p_is_default => true);
  v_memory := (public.create_memory_profile(p_ai_lenser_id => v_scout, p_name => 'Research notes', p_scope_type => 'agent',
    p_retention_days => 90, p_summary_strategy => 'rolling', p_is_default => true)).id;
  perform public.create_tool_profile(p_ai_lenser_id => v_scout, p_name => 'Web and memory',
    p_tool_groups => array['web', 'memory', 'utility'], p_deny_tools => array['http_post'],
    p_provider_overrides => '{"web_search":{"timeoutMs":10000,"maxCallsPerRun":20}}', p_is_default => true);
  perform public.create_model_profile(p_ai_lenser_id => v_scout, p_name => 'Local',
    p_model_id => (select m.id from ai.models m where m.model_key = 'local-echo'),
    p_params => '{"temperature":0.2,"maxOutputTokens":2000}', p_is_default => true);

  v_team := (public.create_team(p_name => 'Research desk', p_description => 'Scout researches, Scribe writes it up.',
    p_scratchpad => '{"focus":"weekly industry digest"}')).id;
  v_lead := (public.add_team_member(p_team_id => v_team, p_agent_id => v_scout, p_role => 'lead',
    p_responsibility => 'Collect and verify sources')).id;
  v_writer := (public.add_team_member(p_team_id => v_team, p_agent_id => v_scribe, p_role => 'member',
    p_responsibility => 'Write the digest', p_lane => 1)).id;
  perform public.add_team_edge(p_source_member_id => v_writer, p_target_member_id => v_lead, p_edge_type => 'handoff',
    p_is_blocking => true);

  perform public.fn_write_memory_entry(p_memory_profile_id => v_memory, p_content => 'The demo user prefers short, sourced summaries.',
    p_source => 'manual', p_confidence => 0.9);
end
$$;
