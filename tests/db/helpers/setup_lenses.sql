-- Helpers for the lenses and workflows pgTAP files (loaded after setup.sql).
set client_min_messages = warning;

-- A published version, made through the RPCs as the current caller: a new lens (p_title, public
-- or not) with one version of p_template, p_parameters, contracts; returns the version id.
create or replace function tests.published_version(
  p_template text,
  p_parameters jsonb default '[]',
  p_input_contract jsonb default null,
  p_output_contract jsonb default null,
  p_visibility lenses.visibility default 'private',
  p_title text default 'Test lens'
) returns uuid language plpgsql set search_path = '' as $$
declare
  v_lens uuid;
  v_version uuid;
begin
  v_lens := (public.create_lens(p_title => p_title, p_visibility => p_visibility)).id;
  v_version := (public.create_lens_version(p_lens_id => v_lens, p_template_body => p_template,
    p_input_contract => p_input_contract, p_output_contract => p_output_contract, p_parameters => p_parameters) ->> 'id')::uuid;
  perform public.publish_lens_version(v_version);
  return v_version;
end $$;

-- A draft version of a new lens, as the current caller.
create or replace function tests.draft_version(p_template text, p_parameters jsonb default '[]')
returns uuid language plpgsql set search_path = '' as $$
begin
  return (public.create_lens_version(
    p_lens_id => (public.create_lens(p_title => 'Draft lens')).id,
    p_template_body => p_template, p_parameters => p_parameters) ->> 'id')::uuid;
end $$;

-- Renders one value of a parameter type through a real version: a lens "[[v]]" whose single
-- parameter v uses p_tool_key with p_config. Returns the rendered text (or raises like the RPC).
create or replace function tests.render_one(p_tool_key text, p_value jsonb, p_config jsonb default '{}')
returns text language plpgsql set search_path = '' as $$
declare
  v_version uuid;
begin
  v_version := tests.draft_version('[[v]]', jsonb_build_array(jsonb_build_object('label', 'v', 'tool_key', p_tool_key, 'config', p_config)));
  return public.render_lens_version(v_version, jsonb_build_object('v', p_value));
end $$;

-- The error codes of a validation result, sorted.
create or replace function tests.error_codes(p_validation jsonb)
returns text[] language sql immutable set search_path = '' as $$
  select coalesce(array_agg(e ->> 'code' order by e ->> 'code', e ->> 'message'), '{}')
  from jsonb_array_elements(p_validation -> 'errors') e
$$;

grant execute on all functions in schema tests to anon, authenticated, service_role;

-- A published one-node workflow (p_title, p_visibility), made through the RPCs as the current
-- caller; returns the workflow id.
create or replace function tests.published_workflow(p_title text, p_visibility lenses.visibility default 'private')
returns uuid language plpgsql set search_path = '' as $$
declare
  v_workflow uuid;
begin
  v_workflow := (public.create_workflow(p_title => p_title, p_visibility => p_visibility)).id;
  perform public.add_workflow_node(v_workflow, 'only',
    p_lens_version_id => tests.published_version('Say hello', p_visibility => p_visibility, p_title => p_title || ' lens'));
  perform public.publish_workflow(v_workflow);
  return v_workflow;
end $$;
grant execute on function tests.published_workflow(text, lenses.visibility) to authenticated;
