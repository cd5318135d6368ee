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

-- Demo lenses and a workflow, made through the RPCs as the demo user.
do $$
declare
  v_summarise uuid;
  v_critique uuid;
  v_workflow uuid;
  v_a uuid;
  v_b uuid;
  v_c uuid;
  v_model uuid := (select m.id from ai.models m where m.model_key = 'local-echo');
begin
  if exists (select 1 from lenses.lenses l join lensers.profiles p on p.id = l.lenser_id where p.handle = 'demo') then
    return;
  end if;
  perform set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-8000-000000000001","role":"authenticated"}', true);
  perform set_config('role', 'authenticated', true);

  v_summarise := (public.create_lens_version(
    p_lens_id => (public.create_lens(
      p_title => 'Summarise an article',
      p_description => 'Bullet-point summary of any text, with a confidence score.',
      p_visibility => 'public',
      p_tags => array['writing', 'summary'],
      p_params => '{"ui":{"icon":"list","color":"#2f6fed","order":["text","bullets","tone"]}}')).id,
    p_template_body => E'Summarise the following text in [[bullets]] bullet points, in a [[tone]] tone.\n\n[[text]]',
    p_input_contract => '{"kind":"json","fields":[{"name":"text","type":"string","required":true}]}',
    p_output_contract => '{"kind":"json","artifactKind":"summary","fields":[{"name":"summary","type":"string","required":true},{"name":"score","type":"number","required":true,"description":"confidence 0..1"}]}',
    p_instruction_category => 'generation',
    p_parameters => '[{"label":"text","tool_key":"textarea","required":true,"display_name":"Text"},
                      {"label":"bullets","tool_key":"integer","default_value":5,"config":{"min":1,"max":10},"display_name":"Bullet points"},
                      {"label":"tone","tool_key":"select","default_value":"neutral","config":{"options":["neutral","friendly","formal"]},"display_name":"Tone"}]'
  ) ->> 'id')::uuid;
  perform public.publish_lens_version(v_summarise);

  v_critique := (public.create_lens_version(
    p_lens_id => (public.create_lens(
      p_title => 'Critique a summary',
      p_description => 'Checks a summary for accuracy and clarity.',
      p_visibility => 'public',
      p_tags => array['review'])).id,
    p_template_body => E'Critique this summary for accuracy and clarity. Answer in [[language]].\n\n[[summary]]',
    p_input_contract => '{"kind":"json","fields":[{"name":"summary","type":"string","required":true}]}',
    p_output_contract => '{"kind":"text","artifactKind":"markdown"}',
    p_instruction_category => 'validation',
    p_parameters => '[{"label":"summary","tool_key":"textarea","required":true,"display_name":"Summary"},
                      {"label":"language","tool_key":"select","default_value":"English","config":{"options":["English","French","German"]}}]'
  ) ->> 'id')::uuid;
  perform public.publish_lens_version(v_critique);

  v_workflow := (public.create_workflow(p_title => 'Summarise and critique',
    p_description => 'Summarises a text, critiques confident summaries, and asks a person to approve.',
    p_visibility => 'public', p_tags => array['demo'])).id;
  v_a := (public.add_workflow_node(v_workflow, 'summarise', p_lens_version_id => v_summarise,
    p_config => jsonb_build_object('model_id', v_model, 'timeout_ms', 60000, 'retry', '{"max_retries":2,"backoff_ms":1000}'::jsonb,
      'position', '{"x":0,"y":0}'::jsonb))).id;
  v_b := (public.add_workflow_node(v_workflow, 'critique', p_lens_version_id => v_critique,
    p_config => '{"params":{"language":"English"},"position":{"x":260,"y":0}}')).id;
  v_c := (public.add_workflow_node(v_workflow, 'approve', p_kind => 'human_input',
    p_config => '{"prompt":"Publish this summary?","position":{"x":520,"y":0}}')).id;
  perform public.add_workflow_edge(v_a, v_b, p_condition => '$.score >= 0.5', p_source_output_path => 'summary',
    p_target_input_path => 'summary');
  perform public.add_workflow_edge(v_b, v_c);
  perform public.publish_workflow(v_workflow);
end
$$;

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
