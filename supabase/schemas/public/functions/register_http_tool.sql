-- Registers the caller's own HTTP tool (group custom): the model sees its name, description and
-- argument schema; a call is a POST of {tool, arguments, idempotency_key} to p_url, signed with
-- HMAC-SHA256 over "<timestamp>.<body>" by the secret in the environment variable p_secret_env (the
-- worker's; never a secret in a table). Only agents the caller owns or co-owns may use it.
-- [security definer: clients never write the tool registry; this writes one custom tool, checked, owned by the caller]
create or replace function public.register_http_tool(p_key text, p_name text, p_description text, p_input_schema jsonb, p_url text, p_secret_env text, p_egress_class agents.tool_egress_class default 'external_read'::agents.tool_egress_class, p_timeout_ms integer default NULL::integer)
 returns agents.tools_registry
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'register_http_tool';
  v_me uuid := (select lensers.current_profile_id());
  v_row agents.tools_registry;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('register_http_tool', 'p_key', p_key, 200);
  perform lensers.fn_limit_text('register_http_tool', 'p_name', p_name, 200);
  perform lensers.fn_limit_text('register_http_tool', 'p_description', p_description, 10000);
  perform lensers.fn_limit_json('register_http_tool', 'p_input_schema', p_input_schema, 16384, 32);
  perform lensers.fn_limit_text('register_http_tool', 'p_url', p_url, 2000);
  perform lensers.fn_limit_text('register_http_tool', 'p_secret_env', p_secret_env, 200);
  if v_me is null then
    raise exception '%: sign in as a human lenser to register a tool', c_rpc using errcode = '42501';
  end if;
  if p_key is null or p_key !~ '^[a-z][a-z0-9_]{2,62}$' then
    raise exception '%: p_key must be 3 to 63 characters: a lower-case letter, then letters, digits or _', c_rpc using errcode = '22023';
  end if;
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
  perform agents.fn_rpc_text(c_rpc, 'p_description', p_description, 2000);
  if p_input_schema is null or jsonb_typeof(p_input_schema) <> 'object' or p_input_schema ->> 'type' is distinct from 'object'
     or (p_input_schema ? 'properties' and jsonb_typeof(p_input_schema -> 'properties') <> 'object')
     or (p_input_schema ? 'required' and jsonb_typeof(p_input_schema -> 'required') <> 'array')
     or octet_length(p_input_schema::text) > 16384 then
    raise exception '%: p_input_schema must be a JSON Schema object ({"type":"object","properties":{...}}) of at most 16 KiB', c_rpc
      using errcode = '22023';
  end if;
  if p_url is null or p_url !~ '^https?://[^\s/?#]+([/?#]\S*)?$' or char_length(p_url) > 2000 then
    raise exception '%: p_url must be an http(s) URL of at most 2000 characters', c_rpc using errcode = '22023';
  end if;
  if p_secret_env is null or p_secret_env !~ '^[A-Z][A-Z0-9_]{1,63}$' then
    raise exception '%: p_secret_env must name an environment variable (A-Z, 0-9, _), not hold a secret', c_rpc using errcode = '22023';
  end if;
  if p_egress_class is null or p_egress_class not in ('external_read', 'external_write') then
    raise exception '%: p_egress_class must be external_read or external_write (an external_write call always needs approval)', c_rpc
      using errcode = '22023';
  end if;
  if p_timeout_ms is not null and p_timeout_ms not between 100 and 60000 then
    raise exception '%: p_timeout_ms must be between 100 and 60000, got %', c_rpc, p_timeout_ms using errcode = '22023';
  end if;
  if exists (select 1 from agents.tools_registry r where r.key = p_key) then
    raise exception '%: a tool with key "%" exists already', c_rpc, p_key using errcode = '23505';
  end if;
  insert into agents.tools_registry (key, name, description, input_schema, egress_class, requires_approval, tool_group, settings, owner_id)
  values (p_key, btrim(p_name), btrim(p_description), p_input_schema, p_egress_class, p_egress_class = 'external_write', 'custom',
    jsonb_strip_nulls(jsonb_build_object('url', p_url, 'secret_env', p_secret_env, 'timeout_ms', p_timeout_ms)), v_me)
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.register_http_tool(p_key text, p_name text, p_description text, p_input_schema jsonb, p_url text, p_secret_env text, p_egress_class agents.tool_egress_class, p_timeout_ms integer) is 'Registers the caller''s own signed HTTP tool (group custom), usable by the agents they own or co-own.';

revoke all on function public.register_http_tool(p_key text, p_name text, p_description text, p_input_schema jsonb, p_url text, p_secret_env text, p_egress_class agents.tool_egress_class, p_timeout_ms integer) from public;
grant execute on function public.register_http_tool(p_key text, p_name text, p_description text, p_input_schema jsonb, p_url text, p_secret_env text, p_egress_class agents.tool_egress_class, p_timeout_ms integer) to authenticated;
