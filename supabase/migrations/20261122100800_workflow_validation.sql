-- Workflow validation and the workflow lifecycle.
--
-- lenses.fn_validate_workflow(workflow) -> { valid, errors: [{ code, message, node_key?, edge_id? }] }
--   no_nodes                  the workflow has no node
--   edge_outside_workflow     an edge's source or target node belongs to another workflow
--   cycle                     a node lies on a directed cycle (one error per such node)
--   version_not_readable      a lens node's version is not readable by the caller
--   version_not_published     a lens node's version is a draft or archived
--   inline_override_invalid   an inline template/parameter binding problem (as publishing checks a version)
--   unknown_model             config.model_id names no ai.models row any more
--   node_param_unknown        config.params names no parameter of the node's lens
--   node_param_invalid        a config.params value does not fit its parameter's type
--   edge_source_path_unknown, edge_target_path_unknown, edge_type_mismatch, edge_merge_mismatch,
--   input_field_unsupplied    contract compatibility, below
--
-- Contract compatibility (checked only where the source node has an output contract and the
-- target node an input contract; a text contract counts as one required string field "text"; a
-- json contract without fields is open: anything goes in and comes out):
--   1. The value an edge carries: the whole source output (an object with the source's fields) when
--      source_output_path is null; else the named field, whose first segment must be a field of the
--      source output (edge_source_path_unknown); deeper segments are allowed only below an object
--      field and are then untyped.
--   2. Where it goes: with a target_input_path, that input field, which must be declared by the
--      target input contract (edge_target_path_unknown). The value's type must be accepted by the
--      field's type under the edge's merge strategy (edge_type_mismatch / edge_merge_mismatch):
--        last_write_wins  same type; an integer is accepted where a number is expected
--        concat           the field is a string or an array, and the value has the same type
--        array            the field is an array (values are collected)
--        json_object      the field is an object (values are keyed by source node key)
--      Without a target_input_path, the value must be an object and is merged into the input key
--      by key: each field both contracts declare must have compatible types.
--   3. Every required field of a target's input contract must be supplied by one of its incoming
--      edges (input_field_unsupplied): an edge whose target_input_path is that field, or a merged
--      (pathless) edge whose value declares it or is untyped. Root nodes take the run input and are
--      not checked here. Whether an optional source field is present is the engine's run-time check.

-- Whether a value of type p_value fits a slot of type p_slot ('any' = untyped).
create function lenses.fn_contract_type_accepts(p_slot text, p_value text) returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_slot = 'any' or p_value = 'any' or p_slot = p_value or (p_slot = 'number' and p_value = 'integer')
$$;

-- The compatibility errors of one edge (rules 1 and 2 above).
create function lenses.fn_edge_contract_errors(
  p_source_output jsonb,
  p_target_input jsonb,
  p_source_output_path text,
  p_target_input_path text,
  p_merge_strategy lenses.merge_strategy
) returns table (code text, message text)
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_source_open boolean;
  v_target_open boolean;
  v_first text;
  v_value_type text;
  v_slot_type text;
  v_whole boolean := p_source_output_path is null;
  v_field record;
begin
  if p_source_output is null or p_target_input is null then
    return;
  end if;
  v_source_open := p_source_output ->> 'kind' = 'json' and coalesce(jsonb_array_length(p_source_output -> 'fields'), 0) = 0;
  v_target_open := p_target_input ->> 'kind' = 'json' and coalesce(jsonb_array_length(p_target_input -> 'fields'), 0) = 0;

  -- 1. The value.
  if v_whole then
    v_value_type := 'object';
  elsif v_source_open then
    v_value_type := 'any';
  else
    v_first := split_part(p_source_output_path, '.', 1);
    select f.type::text into v_value_type from lenses.fn_contract_fields(p_source_output) f where f.name = v_first;
    if v_value_type is null then
      code := 'edge_source_path_unknown';
      message := format('source_output_path "%s" names no field of the source output (fields: %s)', p_source_output_path,
        (select string_agg(f.name, ', ' order by f.name) from lenses.fn_contract_fields(p_source_output) f));
      return next;
      return;
    end if;
    if position('.' in p_source_output_path) > 0 then
      if v_value_type <> 'object' then
        code := 'edge_source_path_unknown';
        message := format('source_output_path "%s" goes into field "%s", which is %s, not an object', p_source_output_path, v_first, v_value_type);
        return next;
        return;
      end if;
      v_value_type := 'any';
    end if;
  end if;

  -- 2. Where it goes.
  if p_target_input_path is null then
    if not lenses.fn_contract_type_accepts('object', v_value_type) then
      code := 'edge_type_mismatch';
      message := format('the edge carries a %s with no target_input_path; only an object can be merged into the input', v_value_type);
      return next;
      return;
    end if;
    if v_whole and not v_source_open and not v_target_open then
      for v_field in
        select t.name, t.type::text as type, s.type::text as source_type
        from lenses.fn_contract_fields(p_target_input) t
        join lenses.fn_contract_fields(p_source_output) s on s.name = t.name
        where not lenses.fn_contract_type_accepts(t.type::text, s.type::text)
        order by t.name
      loop
        code := 'edge_type_mismatch';
        message := format('input field "%s" is %s but the source output field "%s" is %s', v_field.name, v_field.type, v_field.name, v_field.source_type);
        return next;
      end loop;
    end if;
    return;
  end if;

  if v_target_open then
    v_slot_type := 'any';
  else
    select f.type::text into v_slot_type from lenses.fn_contract_fields(p_target_input) f where f.name = p_target_input_path;
    if v_slot_type is null then
      code := 'edge_target_path_unknown';
      message := format('target_input_path "%s" names no field of the target input (fields: %s)', p_target_input_path,
        (select string_agg(f.name, ', ' order by f.name) from lenses.fn_contract_fields(p_target_input) f));
      return next;
      return;
    end if;
  end if;

  case p_merge_strategy
  when 'last_write_wins' then
    if not lenses.fn_contract_type_accepts(v_slot_type, v_value_type) then
      code := 'edge_type_mismatch';
      message := format('input field "%s" is %s but the edge carries a %s', p_target_input_path, v_slot_type, v_value_type);
      return next;
    end if;
  when 'concat' then
    if v_slot_type not in ('string', 'array', 'any') then
      code := 'edge_merge_mismatch';
      message := format('concat needs a string or array input field; "%s" is %s', p_target_input_path, v_slot_type);
      return next;
    elsif v_value_type <> 'any' and (v_value_type not in ('string', 'array')
                                     or (v_slot_type <> 'any' and v_value_type <> v_slot_type)) then
      code := 'edge_type_mismatch';
      message := format('concat into "%s" (%s) needs a %s, but the edge carries a %s', p_target_input_path, v_slot_type,
        case when v_slot_type = 'any' then 'string or array' else v_slot_type end, v_value_type);
      return next;
    end if;
  when 'array' then
    if v_slot_type not in ('array', 'any') then
      code := 'edge_merge_mismatch';
      message := format('array merge collects values in a list; input field "%s" is %s, not an array', p_target_input_path, v_slot_type);
      return next;
    end if;
  when 'json_object' then
    if v_slot_type not in ('object', 'any') then
      code := 'edge_merge_mismatch';
      message := format('json_object merge keys values by source node; input field "%s" is %s, not an object', p_target_input_path, v_slot_type);
      return next;
    end if;
  end case;
  return;
end
$$;
comment on function lenses.fn_edge_contract_errors(jsonb, jsonb, text, text, lenses.merge_strategy) is
  'Contract compatibility errors of one edge (see the migration header for the rule); nothing when either contract is absent.';

create function lenses.fn_validate_workflow(p_workflow_id uuid) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_errors jsonb := '[]'::jsonb;
  v_row record;
  v_message text;
  v_error text;
  v_key text;
  v_defs jsonb;
begin
  if p_workflow_id is null then
    raise exception 'fn_validate_workflow: p_workflow_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.workflows w where w.id = p_workflow_id) then
    raise exception 'fn_validate_workflow: no workflow % that you can see', p_workflow_id using errcode = 'P0002';
  end if;

  if not exists (select 1 from lenses.workflow_nodes n where n.workflow_id = p_workflow_id) then
    v_errors := v_errors || jsonb_build_object('code', 'no_nodes', 'message', 'a workflow needs at least one node');
  end if;

  for v_row in
    select e.id, s.key as source_key, t.key as target_key, s.workflow_id as source_wf, t.workflow_id as target_wf
    from lenses.workflow_edges e
    join lenses.workflow_nodes s on s.id = e.source_node_id
    join lenses.workflow_nodes t on t.id = e.target_node_id
    where e.workflow_id = p_workflow_id and (s.workflow_id <> p_workflow_id or t.workflow_id <> p_workflow_id)
    order by e.id
  loop
    v_errors := v_errors || jsonb_build_object('code', 'edge_outside_workflow', 'edge_id', v_row.id,
      'message', format('edge %s -> %s leaves the workflow (%s belongs to another workflow)', v_row.source_key, v_row.target_key,
        case when v_row.source_wf <> p_workflow_id then 'its source' else 'its target' end));
  end loop;

  for v_row in
    with recursive edges as (
      select e.source_node_id, e.target_node_id from lenses.workflow_edges e where e.workflow_id = p_workflow_id
    ), reach (start_id, node_id) as (
      select source_node_id, target_node_id from edges
      union
      select r.start_id, e.target_node_id from reach r join edges e on e.source_node_id = r.node_id
    )
    select n.key from reach r join lenses.workflow_nodes n on n.id = r.start_id
    where r.start_id = r.node_id
    order by n.key
  loop
    v_errors := v_errors || jsonb_build_object('code', 'cycle', 'node_key', v_row.key,
      'message', format('node "%s" is on a cycle; a workflow must be acyclic', v_row.key));
  end loop;

  for v_row in
    select n.key, n.kind, n.lens_version_id, n.inline_override, n.config, v.id as version_id, v.status as version_status,
      v.version_number, (select l.title from lenses.lenses l where l.id = v.lens_id) as lens_title
    from lenses.workflow_nodes n
    left join lenses.versions v on v.id = n.lens_version_id
    where n.workflow_id = p_workflow_id
    order by n.key
  loop
    v_defs := null;
    if v_row.lens_version_id is not null then
      if v_row.version_id is null then
        v_errors := v_errors || jsonb_build_object('code', 'version_not_readable', 'node_key', v_row.key,
          'message', format('node "%s" uses lens version %s, which you cannot read', v_row.key, v_row.lens_version_id));
      elsif v_row.version_status <> 'published' then
        v_errors := v_errors || jsonb_build_object('code', 'version_not_published', 'node_key', v_row.key,
          'message', format('node "%s" uses version %s of lens "%s", which is %s, not published', v_row.key,
            v_row.version_number, v_row.lens_title, v_row.version_status));
      else
        v_defs := lenses.fn_version_parameter_defs(v_row.version_id);
      end if;
    elsif v_row.inline_override is not null then
      v_defs := lenses.fn_inline_parameter_defs(v_row.inline_override);
      foreach v_message in array lenses.fn_template_binding_errors(v_row.inline_override ->> 'template_body', v_defs) loop
        v_errors := v_errors || jsonb_build_object('code', 'inline_override_invalid', 'node_key', v_row.key,
          'message', format('node "%s" inline override: %s', v_row.key, v_message));
      end loop;
    end if;

    if v_row.config ? 'model_id' and not exists (select 1 from ai.models m where m.id = (v_row.config ->> 'model_id')::uuid) then
      v_errors := v_errors || jsonb_build_object('code', 'unknown_model', 'node_key', v_row.key,
        'message', format('node "%s" config.model_id %s is not a model in ai.models', v_row.key, v_row.config ->> 'model_id'));
    end if;

    if v_defs is not null and jsonb_typeof(v_row.config -> 'params') = 'object' then
      for v_key in select k from jsonb_object_keys(v_row.config -> 'params') k order by k loop
        if not exists (select 1 from jsonb_array_elements(v_defs) d where d ->> 'label' = v_key) then
          v_errors := v_errors || jsonb_build_object('code', 'node_param_unknown', 'node_key', v_row.key,
            'message', format('node "%s" config.params has "%s", which is not a parameter of its lens', v_row.key, v_key));
        elsif v_row.config -> 'params' -> v_key <> 'null'::jsonb then
          select lenses.fn_param_value_error(d ->> 'label', (d ->> 'type')::lenses.param_type, d -> 'config', v_row.config -> 'params' -> v_key)
          into v_error
          from jsonb_array_elements(v_defs) d where d ->> 'label' = v_key;
          if v_error is not null then
            v_errors := v_errors || jsonb_build_object('code', 'node_param_invalid', 'node_key', v_row.key,
              'message', format('node "%s" config.params: %s', v_row.key, v_error));
          end if;
        end if;
      end loop;
    end if;
  end loop;

  -- Contract compatibility along each edge (rules 1 and 2).
  for v_row in
    select e.id, s.key as source_key, t.key as target_key, c.code, c.message
    from lenses.workflow_edges e
    join lenses.workflow_nodes_v s on s.id = e.source_node_id and s.workflow_id = p_workflow_id
    join lenses.workflow_nodes_v t on t.id = e.target_node_id and t.workflow_id = p_workflow_id
    cross join lateral lenses.fn_edge_contract_errors(s.output_contract, t.input_contract, e.source_output_path,
      e.target_input_path, e.merge_strategy) c
    where e.workflow_id = p_workflow_id
    order by s.key, t.key, e.id
  loop
    v_errors := v_errors || jsonb_build_object('code', v_row.code, 'edge_id', v_row.id,
      'message', format('edge %s -> %s: %s', v_row.source_key, v_row.target_key, v_row.message));
  end loop;

  -- Required input fields are supplied (rule 3).
  for v_row in
    select t.key, f.name
    from lenses.workflow_nodes_v t
    cross join lateral lenses.fn_contract_fields(t.input_contract) f
    where t.workflow_id = p_workflow_id
      and f.required
      and exists (select 1 from lenses.workflow_edges e where e.target_node_id = t.id and e.workflow_id = p_workflow_id)
      and not exists (
        select 1
        from lenses.workflow_edges e
        join lenses.workflow_nodes_v s on s.id = e.source_node_id
        where e.target_node_id = t.id and e.workflow_id = p_workflow_id
          and (e.target_input_path = f.name
               or (e.target_input_path is null and (
                     e.source_output_path is not null
                     or s.output_contract is null
                     or (s.output_contract ->> 'kind' = 'json' and coalesce(jsonb_array_length(s.output_contract -> 'fields'), 0) = 0)
                     or exists (select 1 from lenses.fn_contract_fields(s.output_contract) sf where sf.name = f.name)))))
    order by t.key, f.name
  loop
    v_errors := v_errors || jsonb_build_object('code', 'input_field_unsupplied', 'node_key', v_row.key,
      'message', format('node "%s" requires input field "%s" but no incoming edge supplies it', v_row.key, v_row.name));
  end loop;

  return jsonb_build_object('valid', jsonb_array_length(v_errors) = 0, 'errors', v_errors);
end
$$;
comment on function lenses.fn_validate_workflow(uuid) is
  'Validates a workflow DAG: {valid, errors: [{code, message, node_key?, edge_id?}]} (codes and rules in the migration header).';

-- The workflow lifecycle: created as draft; draft -> published only when valid; draft|published ->
-- archived; archived is final; the lenser never changes. published_at and archived_at are set here.
create function lenses.tg_workflows_lifecycle() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_validation jsonb;
begin
  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      raise exception 'workflows: a workflow is created as a draft (asked %); publish it afterwards', new.status using errcode = '23514';
    end if;
    new.published_at := null;
    new.archived_at := null;
    return new;
  end if;
  if new.lenser_id is distinct from old.lenser_id then
    raise exception 'workflows.lenser_id cannot change (a workflow stays with its lenser)' using errcode = '23514';
  end if;
  -- Only created_by cleared (its profile was deleted): allowed in every state.
  if (new.title, new.description, new.visibility, new.status, new.tags, new.published_at, new.archived_at)
     is not distinct from (old.title, old.description, old.visibility, old.status, old.tags, old.published_at, old.archived_at)
     and (new.created_by is not distinct from old.created_by or new.created_by is null) then
    return new;
  end if;
  if old.status = 'archived' then
    raise exception 'workflows: workflow % is archived and cannot change', old.id using errcode = '23514';
  end if;
  if new.status is distinct from old.status then
    if old.status = 'published' and new.status = 'draft' then
      raise exception 'workflows: workflow % is published and cannot return to draft', old.id using errcode = '23514';
    end if;
    if new.status = 'published' then
      v_validation := lenses.fn_validate_workflow(new.id);
      if not (v_validation ->> 'valid')::boolean then
        raise exception 'workflows: workflow % is not valid: %', old.id,
          (select string_agg(e ->> 'message', '; ') from jsonb_array_elements(v_validation -> 'errors') e)
          using errcode = '23514', detail = (v_validation -> 'errors')::text;
      end if;
      new.published_at := now();
    elsif new.status = 'archived' then
      new.archived_at := now();
    end if;
  else
    new.published_at := old.published_at;
    new.archived_at := old.archived_at;
  end if;
  return new;
end
$$;

create trigger workflows_lifecycle before insert or update on lenses.workflows
  for each row execute function lenses.tg_workflows_lifecycle();

alter table lenses.workflows add constraint workflows_tags_valid check (lenses.fn_tags_valid(tags));

revoke execute on function lenses.fn_contract_type_accepts(text, text),
  lenses.fn_edge_contract_errors(jsonb, jsonb, text, text, lenses.merge_strategy),
  lenses.fn_validate_workflow(uuid), lenses.tg_workflows_lifecycle() from public;
grant execute on function lenses.fn_contract_type_accepts(text, text),
  lenses.fn_edge_contract_errors(jsonb, jsonb, text, text, lenses.merge_strategy),
  lenses.fn_validate_workflow(uuid) to anon, authenticated, service_role;
