create or replace function lenses.fn_validate_workflow(p_workflow_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
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
    raise exception 'fn_validate_workflow: no workflow % that you can see', p_workflow_id using errcode = 'PT404';
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
$function$;

comment on function lenses.fn_validate_workflow(p_workflow_id uuid) is 'Validates a workflow DAG: {valid, errors: [{code, message, node_key?, edge_id?}]} (codes and rules in the migration header).';

revoke all on function lenses.fn_validate_workflow(p_workflow_id uuid) from public;
grant execute on function lenses.fn_validate_workflow(p_workflow_id uuid) to anon, authenticated, service_role;
