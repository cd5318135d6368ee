create or replace function public.update_workflow_node(p_node_id uuid, p_key text default NULL::text, p_title text default NULL::text, p_lens_version_id uuid default NULL::uuid, p_inline_override jsonb default NULL::jsonb, p_config jsonb default NULL::jsonb)
 returns lenses.workflow_nodes
 language plpgsql
 set search_path to ''
as $function$
declare
  v_node lenses.workflow_nodes;
  v_version_id uuid;
  v_override jsonb;
  v_override_arg jsonb := nullif(p_inline_override, 'null'::jsonb);
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_workflow_node', 'p_key', p_key, 200);
  perform lensers.fn_limit_text('update_workflow_node', 'p_title', p_title, 200);
  perform lensers.fn_limit_json('update_workflow_node', 'p_inline_override', p_inline_override, 65536, 32);
  perform lensers.fn_limit_json('update_workflow_node', 'p_config', p_config, 65536, 32);
  if p_node_id is null then
    raise exception 'update_workflow_node: p_node_id is required' using errcode = '22023';
  end if;
  select n.* into v_node from lenses.workflow_nodes n where n.id = p_node_id;
  if not found then
    raise exception 'update_workflow_node: no node % that you can see', p_node_id using errcode = 'PT404';
  end if;
  perform lenses.fn_draft_workflow('update_workflow_node', v_node.workflow_id, format('p_node_id %s', p_node_id));
  if p_key is not null and p_key !~ '^[a-z][a-z0-9_-]{0,62}$' then
    raise exception 'update_workflow_node: p_key "%" must be a slug (a lower-case letter, then letters, digits, _ or -; at most 63)', p_key
      using errcode = '22023';
  end if;
  if p_key is not null and exists (
    select 1 from lenses.workflow_nodes n where n.workflow_id = v_node.workflow_id and n.key = p_key and n.id <> p_node_id
  ) then
    raise exception 'update_workflow_node: p_key "%" is taken in workflow %', p_key, v_node.workflow_id using errcode = '23505';
  end if;
  if p_title is not null and p_title <> '' and char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'update_workflow_node: p_title must be 1 to 200 characters (or empty to clear it)' using errcode = '22023';
  end if;
  if p_lens_version_id is not null and v_override_arg is not null then
    raise exception 'update_workflow_node: give p_lens_version_id or p_inline_override, not both' using errcode = '22023';
  end if;
  if v_node.kind = 'human_input' and (p_lens_version_id is not null or v_override_arg is not null) then
    raise exception 'update_workflow_node: node "%" is a human_input node; it takes no lens version or inline override', v_node.key
      using errcode = '22023';
  end if;
  -- A new version replaces an inline override and the other way round.
  v_version_id := case when p_lens_version_id is not null then p_lens_version_id
                       when v_override_arg is not null then null else v_node.lens_version_id end;
  v_override := case when v_override_arg is not null then v_override_arg
                     when p_lens_version_id is not null then null else v_node.inline_override end;
  perform lenses.fn_check_node_args('update_workflow_node', v_node.kind, v_version_id, v_override, coalesce(p_config, v_node.config));
  update lenses.workflow_nodes n set
    key = coalesce(p_key, n.key),
    title = case when p_title is null then n.title else nullif(btrim(p_title), '') end,
    lens_version_id = v_version_id,
    inline_override = v_override,
    config = coalesce(p_config, n.config)
  where n.id = p_node_id
  returning * into v_node;
  return v_node;
end
$function$;

comment on function public.update_workflow_node(p_node_id uuid, p_key text, p_title text, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb) is 'Changes a node of a draft workflow; a new lens version replaces an inline override and vice versa; p_config replaces the config.';

revoke all on function public.update_workflow_node(p_node_id uuid, p_key text, p_title text, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb) from public;
grant execute on function public.update_workflow_node(p_node_id uuid, p_key text, p_title text, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb) to authenticated;
