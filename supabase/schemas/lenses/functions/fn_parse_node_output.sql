-- The output a node produced: the given JSON, or the model's text read by the output contract
-- (json: the text must parse as a JSON object, code fences allowed; text: { "text": ... }).
create or replace function lenses.fn_parse_node_output(p_contract jsonb, p_text text, p_output jsonb)
 returns jsonb
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_body text;
begin
  if p_output is not null then
    return p_output;
  end if;
  if p_contract ->> 'kind' = 'json' then
    v_body := btrim(coalesce(p_text, ''));
    v_body := regexp_replace(v_body, '^```[a-zA-Z]*\s*\n(.*)\n\s*```$', '\1', 's');
    begin
      return v_body::jsonb;
    exception when invalid_text_representation then
      return null;
    end;
  end if;
  return jsonb_build_object('text', coalesce(p_text, ''));
end
$function$;

revoke all on function lenses.fn_parse_node_output(p_contract jsonb, p_text text, p_output jsonb) from public;
grant execute on function lenses.fn_parse_node_output(p_contract jsonb, p_text text, p_output jsonb) to service_role;
