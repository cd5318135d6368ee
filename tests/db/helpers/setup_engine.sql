-- Helpers for the engine pgTAP files: a published workflow with a conditional fan-out, a join and
-- a human-input node, made through the RPCs as the current caller.
--
--   draft --(score > 0.5: summary -> summary)--> good --(text -> summary)--> final --> approve (human)
--        \--(score <= 0.5: summary -> summary)--> bad ---(text -> summary)--/
set client_min_messages = warning;

create or replace function tests.engine_workflow(p_visibility lenses.visibility default 'private', p_draft_config jsonb default '{}')
returns uuid language plpgsql set search_path = '' as $$
declare
  v_writer uuid;
  v_expander uuid;
  v_workflow uuid;
  v_draft uuid;
  v_good uuid;
  v_bad uuid;
  v_final uuid;
  v_approve uuid;
begin
  v_writer := tests.published_version('Write about [[topic]]',
    '[{"label":"topic","tool_key":"text","required":true}]',
    '{"kind":"json","fields":[{"name":"topic","type":"string","required":true}]}',
    '{"kind":"json","artifactKind":"summary","fields":[{"name":"summary","type":"string","required":true},{"name":"score","type":"number","required":true}]}',
    p_visibility, 'Writer');
  v_expander := tests.published_version('Expand [[summary]]',
    '[{"label":"summary","tool_key":"textarea","required":true}]',
    '{"kind":"json","fields":[{"name":"summary","type":"string","required":true}]}',
    '{"kind":"text","artifactKind":"markdown"}',
    p_visibility, 'Expander');
  v_workflow := (public.create_workflow(p_title => 'Engine test', p_visibility => p_visibility)).id;
  v_draft := (public.add_workflow_node(v_workflow, 'draft', p_lens_version_id => v_writer,
    p_config => '{"retry":{"max_retries":2,"backoff_ms":100}}'::jsonb || p_draft_config)).id;
  v_good := (public.add_workflow_node(v_workflow, 'good', p_lens_version_id => v_expander)).id;
  v_bad := (public.add_workflow_node(v_workflow, 'bad', p_lens_version_id => v_expander)).id;
  v_final := (public.add_workflow_node(v_workflow, 'final', p_lens_version_id => v_expander)).id;
  v_approve := (public.add_workflow_node(v_workflow, 'approve', p_kind => 'human_input',
    p_config => '{"prompt":"Approve the final text?"}')).id;
  perform public.add_workflow_edge(v_draft, v_good, p_condition => '$.score > 0.5',
    p_source_output_path => 'summary', p_target_input_path => 'summary');
  perform public.add_workflow_edge(v_draft, v_bad, p_condition => '$.score <= 0.5',
    p_source_output_path => 'summary', p_target_input_path => 'summary');
  perform public.add_workflow_edge(v_good, v_final, p_source_output_path => 'text', p_target_input_path => 'summary');
  perform public.add_workflow_edge(v_bad, v_final, p_source_output_path => 'text', p_target_input_path => 'summary');
  perform public.add_workflow_edge(v_final, v_approve);
  perform public.publish_workflow(v_workflow);
  return v_workflow;
end $$;

-- Claims the due task of one node of a run, as the service role would (other due tasks stay).
create or replace function tests.claim_node(p_run_id uuid, p_node_key text, p_lease_seconds integer default 60)
returns table (result_id uuid, lease_token uuid, prompt text, attempt integer, model_key text)
language plpgsql set search_path = '' as $$
begin
  update lenses.workflow_node_results x set next_attempt_at = now() + interval '1 hour'
  where x.status in ('queued', 'retrying') and not (x.run_id = p_run_id and x.node_key = p_node_key);
  return query select c.result_id, c.lease_token, c.prompt, c.attempt, c.model_key
    from public.claim_workflow_tasks('pgtap', 10, p_lease_seconds) c;
  update lenses.workflow_node_results x set next_attempt_at = now()
  where x.status in ('queued', 'retrying') and x.next_attempt_at > now() + interval '59 minutes';
end $$;

-- Whether a run's event ids are exactly 1..N.
create or replace function tests.events_gap_free(p_run_id uuid) returns boolean
language sql set search_path = '' as $$
  select coalesce(array_agg(e.event_id order by e.event_id) = array(select generate_series(1, max(e.event_id))), false)
  from lenses.workflow_run_events e where e.run_id = p_run_id
$$;

grant execute on function tests.engine_workflow(lenses.visibility, jsonb) to authenticated;
