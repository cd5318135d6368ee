-- The node's prompt: its template rendered with p_params (by default the node's config.params).
create or replace function lenses.fn_render_node_body(p_node_id uuid, p_params jsonb default NULL::jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_node lenses.workflow_nodes_v;
  v_state text;
  v_message text;
begin
  select n.* into v_node from lenses.workflow_nodes_v n where n.id = p_node_id;
  if not found then
    raise exception 'fn_render_node_body: no node % that you can see', p_node_id using errcode = 'PT404';
  end if;
  if v_node.kind <> 'lens' then
    raise exception 'fn_render_node_body: node "%" is a % node; only lens nodes render', v_node.key, v_node.kind using errcode = '22023';
  end if;
  if v_node.template_body is null then
    raise exception 'fn_render_node_body: node "%" uses lens version % that you cannot read', lensers.fn_one_line(v_node.key), v_node.lens_version_id
      using errcode = 'PT404';
  end if;
  begin
    return lenses.fn_render_template(v_node.template_body, v_node.parameter_defs, coalesce(p_params, v_node.params));
  exception when sqlstate '22023' or sqlstate 'P0001' then
    get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
    raise exception 'fn_render_node_body: node "%": %', v_node.key, v_message using errcode = v_state;
  end;
end
$function$;

comment on function lenses.fn_render_node_body(p_node_id uuid, p_params jsonb) is 'A lens node''s template (version or inline) rendered with p_params, by default its config.params.';

revoke all on function lenses.fn_render_node_body(p_node_id uuid, p_params jsonb) from public;
grant execute on function lenses.fn_render_node_body(p_node_id uuid, p_params jsonb) to anon, authenticated, service_role;
