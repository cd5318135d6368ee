-- The RPC surface for workflows, their nodes and edges, validation and publishing. SECURITY
-- INVOKER: RLS on lenses.workflows / workflow_nodes / workflow_edges decides what a caller sees and
-- changes. A workflow belongs to the caller's human profile or an AI they own or co-own
-- (p_lenser_id). Nodes and edges change only while the workflow is a draft. In the update RPCs
-- null keeps a value and an empty string clears an optional text (description, title, condition,
-- paths).

-- A workflow the caller may edit, locked; P0002 when not visible, 42501 when not editable.
create function lenses.fn_editable_workflow(p_rpc text, p_workflow_id uuid, p_arg text default 'p_workflow_id')
returns lenses.workflows
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_workflow lenses.workflows;
begin
  if p_workflow_id is null then
    raise exception '%: % is required', p_rpc, p_arg using errcode = '22023';
  end if;
  if (select auth.uid()) is null then
    raise exception '%: sign in first (no user in the JWT)', p_rpc using errcode = '42501';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = p_workflow_id;
  if not found then
    raise exception '%: no workflow % that you can see', p_rpc, p_workflow_id using errcode = 'P0002';
  end if;
  if v_workflow.lenser_id not in (select lensers.editable_profile_ids()) then
    raise exception '%: you cannot edit workflow % (it belongs to a lenser you do not own)', p_rpc, p_workflow_id
      using errcode = '42501';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = p_workflow_id for update;
  return v_workflow;
end
$$;

-- The same, and a draft (its graph may change).
create function lenses.fn_draft_workflow(p_rpc text, p_workflow_id uuid) returns lenses.workflows
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow(p_rpc, p_workflow_id);
begin
  if v_workflow.status <> 'draft' then
    raise exception '%: workflow % is % (not a draft); its nodes and edges cannot change', p_rpc, p_workflow_id, v_workflow.status
      using errcode = '22023';
  end if;
  return v_workflow;
end
$$;

-- Checks node arguments the way the table will, with errors naming the RPC and argument.
create function lenses.fn_check_node_args(
  p_rpc text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb
) returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_errors text[];
begin
  if p_kind = 'lens' and (p_lens_version_id is null) = (p_inline_override is null) then
    raise exception '%: a lens node needs exactly one of p_lens_version_id and p_inline_override', p_rpc using errcode = '22023';
  end if;
  if p_kind = 'human_input' and (p_lens_version_id is not null or p_inline_override is not null) then
    raise exception '%: a human_input node has no p_lens_version_id or p_inline_override (its config carries a prompt)', p_rpc
      using errcode = '22023';
  end if;
  if p_lens_version_id is not null and not exists (select 1 from lenses.versions v where v.id = p_lens_version_id) then
    raise exception '%: p_lens_version_id % is not a lens version you can read', p_rpc, p_lens_version_id using errcode = '22023';
  end if;
  if p_inline_override is not null then
    v_errors := lenses.fn_inline_override_errors(p_inline_override);
    if cardinality(v_errors) > 0 then
      raise exception '%: p_inline_override is not valid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
    end if;
  end if;
  v_errors := lenses.fn_node_config_errors(p_kind, p_config);
  if cardinality(v_errors) > 0 then
    raise exception '%: p_config is not valid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  if p_config ? 'model_id' and not exists (select 1 from ai.models m where m.id = (p_config ->> 'model_id')::uuid) then
    raise exception '%: p_config.model_id % is not a model in ai.models (see list_ai_models)', p_rpc, p_config ->> 'model_id'
      using errcode = '22023';
  end if;
end
$$;

-- Checks edge arguments; returns the condition as jsonpath.
create function lenses.fn_check_edge_args(
  p_rpc text, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text
) returns jsonpath
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_condition jsonpath;
begin
  if p_merge_strategy is null then
    raise exception '%: p_merge_strategy must be last_write_wins, concat, array or json_object', p_rpc using errcode = '22023';
  end if;
  if p_condition is not null then
    begin
      v_condition := p_condition::jsonpath;
    exception when others then
      raise exception '%: p_condition is not a valid jsonpath: %', p_rpc, sqlerrm using errcode = '22023';
    end;
  end if;
  if p_source_output_path !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62}){0,15}$' then
    raise exception '%: p_source_output_path "%" must be a dotted path of field names (e.g. summary or meta.score)', p_rpc,
      p_source_output_path using errcode = '22023';
  end if;
  if p_target_input_path !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
    raise exception '%: p_target_input_path "%" must be an input field name (an identifier)', p_rpc, p_target_input_path
      using errcode = '22023';
  end if;
  if p_merge_strategy <> 'last_write_wins' and p_target_input_path is null then
    raise exception '%: p_merge_strategy % needs a p_target_input_path (the field values are merged into)', p_rpc, p_merge_strategy
      using errcode = '22023';
  end if;
  return v_condition;
end
$$;

-- Workflows ------------------------------------------------------------------------------------

create function public.create_workflow(
  p_title text,
  p_description text default null,
  p_visibility lenses.visibility default 'private',
  p_tags text[] default '{}',
  p_lenser_id uuid default null
) returns lenses.workflows
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_lenser uuid := lenses.fn_acting_lenser('create_workflow', p_lenser_id);
  v_tags text[] := lenses.fn_normalize_tags(coalesce(p_tags, '{}'));
  v_workflow lenses.workflows;
begin
  if p_title is null or char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'create_workflow: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  if char_length(p_description) > 10000 then
    raise exception 'create_workflow: p_description must be at most 10000 characters' using errcode = '22023';
  end if;
  if p_visibility is null then
    raise exception 'create_workflow: p_visibility must be public, private or unlisted' using errcode = '22023';
  end if;
  if not lenses.fn_tags_valid(v_tags) then
    raise exception 'create_workflow: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got %', p_tags
      using errcode = '22023';
  end if;
  insert into lenses.workflows (lenser_id, title, description, visibility, tags, created_by)
  values (v_lenser, btrim(p_title), nullif(p_description, ''), p_visibility, v_tags, (select lensers.current_profile_id()))
  returning * into v_workflow;
  return v_workflow;
end
$$;
comment on function public.create_workflow(text, text, lenses.visibility, text[], uuid) is
  'Creates a draft workflow for the caller (or an AI they own or co-own: p_lenser_id).';

create function public.update_workflow(
  p_workflow_id uuid,
  p_title text default null,
  p_description text default null,
  p_visibility lenses.visibility default null,
  p_tags text[] default null
) returns lenses.workflows
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow('update_workflow', p_workflow_id);
  v_tags text[] := lenses.fn_normalize_tags(p_tags);
begin
  if v_workflow.status = 'archived' then
    raise exception 'update_workflow: workflow % is archived and cannot change', p_workflow_id using errcode = '22023';
  end if;
  if p_title is not null and char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'update_workflow: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  if char_length(p_description) > 10000 then
    raise exception 'update_workflow: p_description must be at most 10000 characters' using errcode = '22023';
  end if;
  if p_tags is not null and not lenses.fn_tags_valid(v_tags) then
    raise exception 'update_workflow: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got %', p_tags
      using errcode = '22023';
  end if;
  update lenses.workflows w set
    title = coalesce(btrim(p_title), w.title),
    description = case when p_description is null then w.description else nullif(p_description, '') end,
    visibility = coalesce(p_visibility, w.visibility),
    tags = case when p_tags is null then w.tags else v_tags end
  where w.id = p_workflow_id
  returning * into v_workflow;
  return v_workflow;
end
$$;
comment on function public.update_workflow(uuid, text, text, lenses.visibility, text[]) is
  'Changes a workflow''s title, description, visibility or tags (also once published; not once archived).';

create function public.archive_workflow(p_workflow_id uuid) returns lenses.workflows
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow('archive_workflow', p_workflow_id);
begin
  if v_workflow.status = 'archived' then
    raise exception 'archive_workflow: workflow % is already archived', p_workflow_id using errcode = '22023';
  end if;
  update lenses.workflows w set status = 'archived' where w.id = p_workflow_id returning * into v_workflow;
  return v_workflow;
end
$$;
comment on function public.archive_workflow(uuid) is 'Archives a workflow: read-only from then on.';

create function public.list_workflows(
  p_scope text default 'public',
  p_status lenses.workflow_status default null,
  p_tag text default null,
  p_search text default null,
  p_lenser_id uuid default null,
  p_limit integer default 50,
  p_offset integer default 0
) returns setof lenses.workflows
language plpgsql
stable
set search_path = ''
as $$
declare
  v_search text := nullif(btrim(p_search), '');
  v_pattern text;
begin
  if p_scope is null or p_scope not in ('mine', 'public') then
    raise exception 'list_workflows: p_scope must be mine or public, got %', coalesce(p_scope, 'null') using errcode = '22023';
  end if;
  perform lensers.fn_rpc_page('list_workflows', p_limit, p_offset);
  if char_length(v_search) > 200 then
    raise exception 'list_workflows: p_search must be at most 200 characters' using errcode = '22023';
  end if;
  if p_scope = 'mine' and (select auth.uid()) is null then
    raise exception 'list_workflows: sign in first to list your own workflows (p_scope mine)' using errcode = '42501';
  end if;
  v_pattern := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  if p_scope = 'mine' then
    return query
      select w.* from lenses.workflows w
      where w.lenser_id in (select lensers.actable_profile_ids())
        and (p_status is null or w.status = p_status)
        and (p_tag is null or w.tags @> array[lower(btrim(p_tag))])
        and (v_search is null or w.title ilike v_pattern or w.description ilike v_pattern)
        and (p_lenser_id is null or w.lenser_id = p_lenser_id)
      order by w.updated_at desc, w.id
      limit p_limit offset p_offset;
  else
    return query
      select w.* from lenses.workflows w
      where w.visibility = 'public'
        and (p_status is null or w.status = p_status)
        and (p_tag is null or w.tags @> array[lower(btrim(p_tag))])
        and (v_search is null or w.title ilike v_pattern or w.description ilike v_pattern)
        and (p_lenser_id is null or w.lenser_id = p_lenser_id)
      order by w.updated_at desc, w.id
      limit p_limit offset p_offset;
  end if;
end
$$;
comment on function public.list_workflows(text, lenses.workflow_status, text, text, uuid, integer, integer) is
  'Workflows a page at a time, newest change first: p_scope mine (lensers the caller acts as) or public; filters by status, tag, text, lenser.';

create function public.get_workflow(p_workflow_id uuid) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_workflow lenses.workflows;
begin
  if p_workflow_id is null then
    raise exception 'get_workflow: p_workflow_id is required' using errcode = '22023';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = p_workflow_id;
  if not found then
    raise exception 'get_workflow: no workflow % that you can see', p_workflow_id using errcode = 'P0002';
  end if;
  return to_jsonb(v_workflow) || jsonb_build_object(
    'nodes', coalesce((select jsonb_agg(to_jsonb(n) order by n.key) from lenses.workflow_nodes n where n.workflow_id = p_workflow_id), '[]'::jsonb),
    'edges', coalesce((
      select jsonb_agg(to_jsonb(e) || jsonb_build_object('source_key', s.key, 'target_key', t.key) order by s.key, t.key, e.id)
      from lenses.workflow_edges e
      join lenses.workflow_nodes s on s.id = e.source_node_id
      join lenses.workflow_nodes t on t.id = e.target_node_id
      where e.workflow_id = p_workflow_id), '[]'::jsonb));
end
$$;
comment on function public.get_workflow(uuid) is 'A workflow with its nodes (by key) and edges (with their source and target keys).';

-- Nodes ----------------------------------------------------------------------------------------

create function public.add_workflow_node(
  p_workflow_id uuid,
  p_key text,
  p_kind lenses.workflow_node_kind default 'lens',
  p_lens_version_id uuid default null,
  p_inline_override jsonb default null,
  p_config jsonb default '{}',
  p_title text default null
) returns lenses.workflow_nodes
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_node lenses.workflow_nodes;
begin
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
$$;
comment on function public.add_workflow_node(uuid, text, lenses.workflow_node_kind, uuid, jsonb, jsonb, text) is
  'Adds a node to a draft workflow: a lens node (a version, or an inline override) or a human_input node (config.prompt).';

create function public.update_workflow_node(
  p_node_id uuid,
  p_key text default null,
  p_title text default null,
  p_lens_version_id uuid default null,
  p_inline_override jsonb default null,
  p_config jsonb default null
) returns lenses.workflow_nodes
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_node lenses.workflow_nodes;
  v_version_id uuid;
  v_override jsonb;
  v_override_arg jsonb := nullif(p_inline_override, 'null'::jsonb);
begin
  if p_node_id is null then
    raise exception 'update_workflow_node: p_node_id is required' using errcode = '22023';
  end if;
  select n.* into v_node from lenses.workflow_nodes n where n.id = p_node_id;
  if not found then
    raise exception 'update_workflow_node: no node % that you can see', p_node_id using errcode = 'P0002';
  end if;
  perform lenses.fn_draft_workflow('update_workflow_node', v_node.workflow_id);
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
$$;
comment on function public.update_workflow_node(uuid, text, text, uuid, jsonb, jsonb) is
  'Changes a node of a draft workflow; a new lens version replaces an inline override and vice versa; p_config replaces the config.';

create function public.remove_workflow_node(p_node_id uuid) returns lenses.workflow_nodes
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_node lenses.workflow_nodes;
begin
  if p_node_id is null then
    raise exception 'remove_workflow_node: p_node_id is required' using errcode = '22023';
  end if;
  select n.* into v_node from lenses.workflow_nodes n where n.id = p_node_id;
  if not found then
    raise exception 'remove_workflow_node: no node % that you can see', p_node_id using errcode = 'P0002';
  end if;
  perform lenses.fn_draft_workflow('remove_workflow_node', v_node.workflow_id);
  delete from lenses.workflow_nodes n where n.id = p_node_id;
  return v_node;
end
$$;
comment on function public.remove_workflow_node(uuid) is 'Removes a node, and its edges, from a draft workflow; returns the removed node.';

-- Edges ----------------------------------------------------------------------------------------

create function public.add_workflow_edge(
  p_source_node_id uuid,
  p_target_node_id uuid,
  p_merge_strategy lenses.merge_strategy default 'last_write_wins',
  p_condition text default null,
  p_source_output_path text default null,
  p_target_input_path text default null
) returns lenses.workflow_edges
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_source lenses.workflow_nodes;
  v_target lenses.workflow_nodes;
  v_condition jsonpath;
  v_edge lenses.workflow_edges;
begin
  if p_source_node_id is null or p_target_node_id is null then
    raise exception 'add_workflow_edge: p_source_node_id and p_target_node_id are required' using errcode = '22023';
  end if;
  select n.* into v_source from lenses.workflow_nodes n where n.id = p_source_node_id;
  if not found then
    raise exception 'add_workflow_edge: no node % (p_source_node_id) that you can see', p_source_node_id using errcode = 'P0002';
  end if;
  perform lenses.fn_draft_workflow('add_workflow_edge', v_source.workflow_id);
  select n.* into v_target from lenses.workflow_nodes n where n.id = p_target_node_id;
  if not found then
    raise exception 'add_workflow_edge: no node % (p_target_node_id) that you can see', p_target_node_id using errcode = 'P0002';
  end if;
  if v_target.workflow_id <> v_source.workflow_id then
    raise exception 'add_workflow_edge: p_target_node_id % is in another workflow than p_source_node_id', p_target_node_id
      using errcode = '22023';
  end if;
  if p_source_node_id = p_target_node_id then
    raise exception 'add_workflow_edge: an edge cannot go from node "%" to itself', v_source.key using errcode = '22023';
  end if;
  v_condition := lenses.fn_check_edge_args('add_workflow_edge', p_merge_strategy, p_condition, p_source_output_path, p_target_input_path);
  if exists (
    select 1 from lenses.workflow_edges e
    where e.source_node_id = p_source_node_id and e.target_node_id = p_target_node_id
      and e.target_input_path is not distinct from p_target_input_path
  ) then
    raise exception 'add_workflow_edge: an edge from "%" to "%" into % exists already', v_source.key, v_target.key,
      coalesce('"' || p_target_input_path || '"', 'the whole input') using errcode = '23505';
  end if;
  insert into lenses.workflow_edges (workflow_id, source_node_id, target_node_id, merge_strategy, condition, source_output_path, target_input_path)
  values (v_source.workflow_id, p_source_node_id, p_target_node_id, p_merge_strategy, v_condition, p_source_output_path, p_target_input_path)
  returning * into v_edge;
  return v_edge;
end
$$;
comment on function public.add_workflow_edge(uuid, uuid, lenses.merge_strategy, text, text, text) is
  'Adds an edge between two nodes of a draft workflow, with an optional jsonpath condition, source path, target field and merge strategy.';

create function public.update_workflow_edge(
  p_edge_id uuid,
  p_merge_strategy lenses.merge_strategy default null,
  p_condition text default null,
  p_source_output_path text default null,
  p_target_input_path text default null
) returns lenses.workflow_edges
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_edge lenses.workflow_edges;
  v_merge lenses.merge_strategy;
  v_condition_text text;
  v_source_path text;
  v_target_path text;
  v_condition jsonpath;
begin
  if p_edge_id is null then
    raise exception 'update_workflow_edge: p_edge_id is required' using errcode = '22023';
  end if;
  select e.* into v_edge from lenses.workflow_edges e where e.id = p_edge_id;
  if not found then
    raise exception 'update_workflow_edge: no edge % that you can see', p_edge_id using errcode = 'P0002';
  end if;
  perform lenses.fn_draft_workflow('update_workflow_edge', v_edge.workflow_id);
  v_merge := coalesce(p_merge_strategy, v_edge.merge_strategy);
  v_condition_text := case when p_condition is null then v_edge.condition::text else nullif(p_condition, '') end;
  v_source_path := case when p_source_output_path is null then v_edge.source_output_path else nullif(p_source_output_path, '') end;
  v_target_path := case when p_target_input_path is null then v_edge.target_input_path else nullif(p_target_input_path, '') end;
  v_condition := lenses.fn_check_edge_args('update_workflow_edge', v_merge, v_condition_text, v_source_path, v_target_path);
  if exists (
    select 1 from lenses.workflow_edges e
    where e.source_node_id = v_edge.source_node_id and e.target_node_id = v_edge.target_node_id
      and e.target_input_path is not distinct from v_target_path and e.id <> p_edge_id
  ) then
    raise exception 'update_workflow_edge: another edge between the same nodes writes into % already',
      coalesce('"' || v_target_path || '"', 'the whole input') using errcode = '23505';
  end if;
  update lenses.workflow_edges e set
    merge_strategy = v_merge, condition = v_condition, source_output_path = v_source_path, target_input_path = v_target_path
  where e.id = p_edge_id
  returning * into v_edge;
  return v_edge;
end
$$;
comment on function public.update_workflow_edge(uuid, lenses.merge_strategy, text, text, text) is
  'Changes an edge of a draft workflow; null keeps a value, an empty string clears the condition or a path.';

create function public.remove_workflow_edge(p_edge_id uuid) returns lenses.workflow_edges
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_edge lenses.workflow_edges;
begin
  if p_edge_id is null then
    raise exception 'remove_workflow_edge: p_edge_id is required' using errcode = '22023';
  end if;
  select e.* into v_edge from lenses.workflow_edges e where e.id = p_edge_id;
  if not found then
    raise exception 'remove_workflow_edge: no edge % that you can see', p_edge_id using errcode = 'P0002';
  end if;
  perform lenses.fn_draft_workflow('remove_workflow_edge', v_edge.workflow_id);
  delete from lenses.workflow_edges e where e.id = p_edge_id;
  return v_edge;
end
$$;
comment on function public.remove_workflow_edge(uuid) is 'Removes an edge from a draft workflow; returns the removed edge.';

-- Validation and publishing ----------------------------------------------------------------------

create function public.validate_workflow(p_workflow_id uuid) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_workflow_id is null then
    raise exception 'validate_workflow: p_workflow_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.workflows w where w.id = p_workflow_id) then
    raise exception 'validate_workflow: no workflow % that you can see', p_workflow_id using errcode = 'P0002';
  end if;
  return lenses.fn_validate_workflow(p_workflow_id);
end
$$;
comment on function public.validate_workflow(uuid) is
  'Checks a workflow: {valid, errors: [{code, message, node_key?, edge_id?}]} (acyclic, edges inside, versions published, contracts compatible...).';

create function public.publish_workflow(p_workflow_id uuid) returns lenses.workflows
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow('publish_workflow', p_workflow_id);
  v_validation jsonb;
begin
  if v_workflow.status <> 'draft' then
    raise exception 'publish_workflow: p_workflow_id % is not a draft (it is %)', p_workflow_id, v_workflow.status
      using errcode = '22023';
  end if;
  v_validation := lenses.fn_validate_workflow(p_workflow_id);
  if not (v_validation ->> 'valid')::boolean then
    raise exception 'publish_workflow: workflow % is not valid: %', p_workflow_id,
      (select string_agg(e ->> 'message', '; ') from jsonb_array_elements(v_validation -> 'errors') e)
      using errcode = '23514', detail = (v_validation -> 'errors')::text;
  end if;
  update lenses.workflows w set status = 'published' where w.id = p_workflow_id returning * into v_workflow;
  return v_workflow;
end
$$;
comment on function public.publish_workflow(uuid) is
  'Publishes a valid draft workflow (its graph is then frozen); refused with every validation error in the message and, as JSON, the detail.';

revoke execute on function
  lenses.fn_editable_workflow(text, uuid, text), lenses.fn_draft_workflow(text, uuid),
  lenses.fn_check_node_args(text, lenses.workflow_node_kind, uuid, jsonb, jsonb),
  lenses.fn_check_edge_args(text, lenses.merge_strategy, text, text, text),
  public.create_workflow(text, text, lenses.visibility, text[], uuid),
  public.update_workflow(uuid, text, text, lenses.visibility, text[]),
  public.archive_workflow(uuid),
  public.list_workflows(text, lenses.workflow_status, text, text, uuid, integer, integer),
  public.get_workflow(uuid),
  public.add_workflow_node(uuid, text, lenses.workflow_node_kind, uuid, jsonb, jsonb, text),
  public.update_workflow_node(uuid, text, text, uuid, jsonb, jsonb),
  public.remove_workflow_node(uuid),
  public.add_workflow_edge(uuid, uuid, lenses.merge_strategy, text, text, text),
  public.update_workflow_edge(uuid, lenses.merge_strategy, text, text, text),
  public.remove_workflow_edge(uuid),
  public.validate_workflow(uuid),
  public.publish_workflow(uuid)
from public;

grant execute on function
  lenses.fn_editable_workflow(text, uuid, text), lenses.fn_draft_workflow(text, uuid),
  lenses.fn_check_node_args(text, lenses.workflow_node_kind, uuid, jsonb, jsonb),
  lenses.fn_check_edge_args(text, lenses.merge_strategy, text, text, text)
to authenticated, service_role;
grant execute on function
  public.list_workflows(text, lenses.workflow_status, text, text, uuid, integer, integer),
  public.get_workflow(uuid),
  public.validate_workflow(uuid)
to anon, authenticated, service_role;
grant execute on function
  public.create_workflow(text, text, lenses.visibility, text[], uuid),
  public.update_workflow(uuid, text, text, lenses.visibility, text[]),
  public.archive_workflow(uuid),
  public.add_workflow_node(uuid, text, lenses.workflow_node_kind, uuid, jsonb, jsonb, text),
  public.update_workflow_node(uuid, text, text, uuid, jsonb, jsonb),
  public.remove_workflow_node(uuid),
  public.add_workflow_edge(uuid, uuid, lenses.merge_strategy, text, text, text),
  public.update_workflow_edge(uuid, lenses.merge_strategy, text, text, text),
  public.remove_workflow_edge(uuid),
  public.publish_workflow(uuid)
to authenticated;
