create or replace function public.add_workflow_node(p_workflow_id uuid, p_key text, p_kind lenses.workflow_node_kind default 'lens'::lenses.workflow_node_kind, p_lens_version_id uuid default NULL::uuid, p_inline_override jsonb default NULL::jsonb, p_config jsonb default '{}'::jsonb, p_title text default NULL::text)
 returns lenses.workflow_nodes
 language plpgsql
 set search_path to ''
as $function$
declare
  v_node lenses.workflow_nodes;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('add_workflow_node', 'p_key', p_key, 200);
  perform lensers.fn_limit_json('add_workflow_node', 'p_inline_override', p_inline_override, 65536, 32);
  perform lensers.fn_limit_json('add_workflow_node', 'p_config', p_config, 65536, 32);
  perform lensers.fn_limit_text('add_workflow_node', 'p_title', p_title, 200);
  perform lenses.fn_draft_workflow('add_workflow_node', p_workflow_id);
  if p_key is null or p_key !~ '^[a-z][a-z0-9_-]{0,62}$' then
    raise exception 'add_workflow_node: p_key "%" must be a slug (a lower-case letter, then letters, digits, _ or -; at most 63)',
      coalesce(p_key, 'null') using errcode = '22023';
  end if;
  if exists (select 1 from lenses.workflow_nodes n where n.workflow_id = p_workflow_id and n.key = p_key) then
    raise exception 'add_workflow_node: p_key "%" is taken in workflow %', p_key, p_workflow_id using errcode = '23505';
  end if;
  if p_kind is null then
    raise exception 'add_workflow_node: p_kind must be lens or human_input' using errcode = '22023';
  end if;
  if p_title is not null and char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'add_workflow_node: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  perform lenses.fn_check_node_args('add_workflow_node', p_kind, p_lens_version_id, nullif(p_inline_override, 'null'::jsonb),
    coalesce(p_config, '{}'::jsonb));
  insert into lenses.workflow_nodes (workflow_id, key, title, kind, lens_version_id, inline_override, config)
  values (p_workflow_id, p_key, nullif(btrim(p_title), ''), p_kind, p_lens_version_id, nullif(p_inline_override, 'null'::jsonb),
    coalesce(p_config, '{}'::jsonb))
  returning * into v_node;
  return v_node;
end
$function$;

comment on function public.add_workflow_node(p_workflow_id uuid, p_key text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb, p_title text) is 'Adds a node to a draft workflow: a lens node (a version, or an inline override) or a human_input node (config.prompt).';

revoke all on function public.add_workflow_node(p_workflow_id uuid, p_key text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb, p_title text) from public;
grant execute on function public.add_workflow_node(p_workflow_id uuid, p_key text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb, p_title text) to authenticated;
