-- The prompt of a lens node: its template rendered with the node's params and the input fields
-- that name a parameter (input wins); input that fills no parameter follows as context.
create or replace function lenses.fn_plan_prompt(p_plan lenses.workflow_node_plans, p_input jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_input jsonb := coalesce(p_input, '{}');
  v_prompt text := p_plan.template_body;
  v_rest jsonb := v_input;
begin
  -- A template without parameters has no placeholder (publishing refuses unbound ones).
  if cardinality(p_plan.param_labels) > 0 then
    v_prompt := lenses.fn_render_template(p_plan.template_body, p_plan.parameter_defs,
      (select coalesce(jsonb_object_agg(i.key, i.value), '{}')
       from jsonb_each(p_plan.params || v_input) i where i.key = any (p_plan.param_labels)));
    select coalesce(jsonb_object_agg(i.key, i.value), '{}') into v_rest
    from jsonb_each(v_input) i where not (i.key = any (p_plan.param_labels));
  end if;
  if v_rest <> '{}' then
    v_prompt := v_prompt || E'\n\nInput:\n' || jsonb_pretty(v_rest);
  end if;
  return v_prompt;
end
$function$;

revoke all on function lenses.fn_plan_prompt(p_plan lenses.workflow_node_plans, p_input jsonb) from public;
grant execute on function lenses.fn_plan_prompt(p_plan lenses.workflow_node_plans, p_input jsonb) to service_role;
