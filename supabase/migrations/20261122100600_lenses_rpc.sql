-- The RPC surface for lenses, versions, parameters and rendering. SECURITY INVOKER: RLS on the
-- lenses tables decides what a caller sees and changes; each RPC checks its arguments first and
-- names itself and the argument in its errors. A lens belongs to the caller's human profile or to
-- an AI they own or co-own (p_lenser_id, default the caller's own profile).
--
-- p_parameters (create_lens_version, set_version_parameters): a JSON array of
--   { label: identifier, tool_key: <lenses.tools.key>, display_name?: string (default: the label),
--     required?: boolean (default false), default_value?: JSON, config?: object, sort_order?: integer
--     (default: the position in the array) }

-- The lenser a write acts as: p_lenser_id, or the caller's own profile; must be editable by the caller.
create function lenses.fn_acting_lenser(p_rpc text, p_lenser_id uuid) returns uuid
language plpgsql
stable
set search_path = ''
as $$
declare
  v_lenser uuid;
begin
  if (select auth.uid()) is null then
    raise exception '%: sign in first (no user in the JWT)', p_rpc using errcode = '42501';
  end if;
  v_lenser := coalesce(p_lenser_id, (select lensers.current_profile_id()));
  if v_lenser is null or v_lenser not in (select lensers.editable_profile_ids()) then
    raise exception '%: you cannot act as lenser % (your own profile or an AI you own or co-own)', p_rpc,
      coalesce(v_lenser::text, 'null') using errcode = '42501';
  end if;
  return v_lenser;
end
$$;

-- A lens the caller may edit, locked for the rest of the transaction; P0002 when the caller cannot
-- see it, 42501 when they can see but not edit it.
create function lenses.fn_editable_lens(p_rpc text, p_lens_id uuid, p_arg text default 'p_lens_id') returns lenses.lenses
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_lens lenses.lenses;
begin
  if p_lens_id is null then
    raise exception '%: % is required', p_rpc, p_arg using errcode = '22023';
  end if;
  if (select auth.uid()) is null then
    raise exception '%: sign in first (no user in the JWT)', p_rpc using errcode = '42501';
  end if;
  select l.* into v_lens from lenses.lenses l where l.id = p_lens_id;
  if not found then
    raise exception '%: no lens % that you can see', p_rpc, p_lens_id using errcode = 'P0002';
  end if;
  if v_lens.lenser_id not in (select lensers.editable_profile_ids()) then
    raise exception '%: you cannot edit lens % (it belongs to a lenser you do not own)', p_rpc, p_lens_id using errcode = '42501';
  end if;
  select l.* into v_lens from lenses.lenses l where l.id = p_lens_id for update;
  return v_lens;
end
$$;

-- A version the caller may edit (its lens locked), or the errors above.
create function lenses.fn_editable_version(p_rpc text, p_version_id uuid) returns lenses.versions
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_version lenses.versions;
begin
  if p_version_id is null then
    raise exception '%: p_version_id is required', p_rpc using errcode = '22023';
  end if;
  if (select auth.uid()) is null then
    raise exception '%: sign in first (no user in the JWT)', p_rpc using errcode = '42501';
  end if;
  select v.* into v_version from lenses.versions v where v.id = p_version_id;
  if not found then
    raise exception '%: no version % that you can see', p_rpc, p_version_id using errcode = 'P0002';
  end if;
  perform lenses.fn_editable_lens(p_rpc, v_version.lens_id);
  select v.* into v_version from lenses.versions v where v.id = p_version_id;
  return v_version;
end
$$;

-- A version as the RPCs return it: its columns and its parameters (with their tool's key).
create function lenses.fn_version_json(p_version_id uuid) returns jsonb
language sql
stable
set search_path = ''
as $$
  select to_jsonb(v) || jsonb_build_object('parameters', coalesce((
    select jsonb_agg(to_jsonb(vp) || jsonb_build_object('tool_key', t.key) order by vp.sort_order, vp.label)
    from lenses.version_parameters vp join lenses.tools t on t.id = vp.tool_id
    where vp.version_id = v.id), '[]'::jsonb))
  from lenses.versions v
  where v.id = p_version_id
$$;

-- Checks a contract argument; returns it with JSON null read as no contract.
create function lenses.fn_contract_arg(p_rpc text, p_arg text, p_contract jsonb, p_kind text) returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_errors text[];
begin
  if p_contract is null or p_contract = 'null'::jsonb then
    return null;
  end if;
  v_errors := lenses.fn_contract_errors(p_contract, p_kind);
  if cardinality(v_errors) > 0 then
    raise exception '%: % is not a valid % contract: %', p_rpc, p_arg, p_kind, array_to_string(v_errors, '; ')
      using errcode = '22023';
  end if;
  return p_contract;
end
$$;

-- Replaces a draft version's parameters after checking every item of p_parameters (nothing is
-- written when one is bad).
create function lenses.fn_replace_version_parameters(p_rpc text, p_version_id uuid, p_parameters jsonb) returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_item jsonb;
  v_index integer := 0;
  v_where text;
  v_key text;
  v_tool lenses.tools;
  v_errors text[];
  v_error text;
  v_labels text[] := '{}'::text[];
  v_rows jsonb := '[]'::jsonb;
begin
  if p_parameters is null or jsonb_typeof(p_parameters) <> 'array' then
    raise exception '%: p_parameters must be a JSON array of parameters', p_rpc using errcode = '22023';
  end if;
  if jsonb_array_length(p_parameters) > 100 then
    raise exception '%: p_parameters has more than 100 parameters', p_rpc using errcode = '22023';
  end if;
  for v_item in select e from jsonb_array_elements(p_parameters) e loop
    v_where := format('%s: p_parameters[%s]', p_rpc, v_index);
    if jsonb_typeof(v_item) <> 'object' then
      raise exception '% must be an object', v_where using errcode = '22023';
    end if;
    for v_key in select k from jsonb_object_keys(v_item) k order by k loop
      if v_key not in ('label', 'tool_key', 'display_name', 'required', 'default_value', 'config', 'sort_order') then
        raise exception '% has an unknown key "%" (allowed: label, tool_key, display_name, required, default_value, config, sort_order)',
          v_where, v_key using errcode = '22023';
      end if;
    end loop;
    if jsonb_typeof(v_item -> 'label') is distinct from 'string' or (v_item ->> 'label') !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
      raise exception '%.label must be an identifier (letters, digits, _; at most 63), got %', v_where,
        coalesce((v_item -> 'label')::text, 'nothing') using errcode = '22023';
    end if;
    if (v_item ->> 'label') = any (v_labels) then
      raise exception '%.label "%" is used twice', v_where, v_item ->> 'label' using errcode = '22023';
    end if;
    v_labels := v_labels || (v_item ->> 'label');
    select t.* into v_tool from lenses.tools t where t.key = v_item ->> 'tool_key';
    if not found then
      raise exception '%.tool_key % is not a known tool (see list_lens_tools)', v_where,
        coalesce((v_item -> 'tool_key')::text, 'is missing; it') using errcode = '22023';
    end if;
    if v_item ? 'display_name' and (jsonb_typeof(v_item -> 'display_name') <> 'string'
                                   or char_length(btrim(v_item ->> 'display_name')) not between 1 and 120) then
      raise exception '%.display_name must be a string of 1 to 120 characters', v_where using errcode = '22023';
    end if;
    if v_item ? 'required' and jsonb_typeof(v_item -> 'required') <> 'boolean' then
      raise exception '%.required must be true or false', v_where using errcode = '22023';
    end if;
    if v_item ? 'sort_order' and (jsonb_typeof(v_item -> 'sort_order') <> 'number'
        or lenses.fn_jsonb_numeric(v_item -> 'sort_order') <> trunc(lenses.fn_jsonb_numeric(v_item -> 'sort_order'))
        or lenses.fn_jsonb_numeric(v_item -> 'sort_order') not between 0 and 10000) then
      raise exception '%.sort_order must be a whole number from 0 to 10000', v_where using errcode = '22023';
    end if;
    v_errors := lenses.fn_param_config_errors(v_tool.type, coalesce(v_item -> 'config', '{}'::jsonb), true);
    if cardinality(v_errors) > 0 then
      raise exception '%.config is not valid for tool % (%): %', v_where, v_tool.key, v_tool.type, array_to_string(v_errors, '; ')
        using errcode = '22023';
    end if;
    if nullif(v_item -> 'default_value', 'null'::jsonb) is not null then
      v_error := lenses.fn_param_value_error(v_item ->> 'label', v_tool.type,
        v_tool.default_config || coalesce(v_item -> 'config', '{}'::jsonb), v_item -> 'default_value');
      if v_error is not null then
        raise exception '%.default_value: %', v_where, v_error using errcode = '22023';
      end if;
    end if;
    v_rows := v_rows || jsonb_build_object(
      'tool_id', v_tool.id,
      'label', v_item ->> 'label',
      'display_name', coalesce(btrim(v_item ->> 'display_name'), v_item ->> 'label'),
      'required', coalesce((v_item ->> 'required')::boolean, false),
      'default_value', nullif(v_item -> 'default_value', 'null'::jsonb),
      'config', coalesce(v_item -> 'config', '{}'::jsonb),
      'sort_order', coalesce((v_item ->> 'sort_order')::integer, v_index));
    v_index := v_index + 1;
  end loop;

  delete from lenses.version_parameters vp where vp.version_id = p_version_id;
  insert into lenses.version_parameters (version_id, tool_id, label, display_name, required, default_value, config, sort_order)
  select p_version_id, (r ->> 'tool_id')::uuid, r ->> 'label', r ->> 'display_name', (r ->> 'required')::boolean,
    r -> 'default_value', r -> 'config', (r ->> 'sort_order')::integer
  from jsonb_array_elements(v_rows) r;
end
$$;

-- Lenses ---------------------------------------------------------------------------------------

create function public.create_lens(
  p_title text,
  p_description text default null,
  p_content text default null,
  p_visibility lenses.visibility default 'private',
  p_tags text[] default '{}',
  p_params jsonb default '{}',
  p_lenser_id uuid default null
) returns lenses.lenses
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_lenser uuid := lenses.fn_acting_lenser('create_lens', p_lenser_id);
  v_tags text[] := lenses.fn_normalize_tags(coalesce(p_tags, '{}'));
  v_errors text[];
  v_lens lenses.lenses;
begin
  if p_title is null or char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'create_lens: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  if char_length(p_description) > 10000 then
    raise exception 'create_lens: p_description must be at most 10000 characters' using errcode = '22023';
  end if;
  if char_length(p_content) > 100000 then
    raise exception 'create_lens: p_content must be at most 100000 characters' using errcode = '22023';
  end if;
  if p_visibility is null then
    raise exception 'create_lens: p_visibility must be public, private or unlisted' using errcode = '22023';
  end if;
  if not lenses.fn_tags_valid(v_tags) then
    raise exception 'create_lens: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got %', p_tags
      using errcode = '22023';
  end if;
  v_errors := lenses.fn_lens_params_errors(coalesce(p_params, '{}'::jsonb));
  if cardinality(v_errors) > 0 then
    raise exception 'create_lens: p_params is not valid: %', array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  insert into lenses.lenses (lenser_id, title, description, content, visibility, tags, params, created_by)
  values (v_lenser, btrim(p_title), nullif(p_description, ''), nullif(p_content, ''), p_visibility, v_tags,
    coalesce(p_params, '{}'::jsonb), (select lensers.current_profile_id()))
  returning * into v_lens;
  return v_lens;
end
$$;
comment on function public.create_lens(text, text, text, lenses.visibility, text[], jsonb, uuid) is
  'Creates a draft lens for the caller (or an AI they own or co-own: p_lenser_id). Tags are trimmed and lower-cased.';

create function public.update_lens(
  p_lens_id uuid,
  p_title text default null,
  p_description text default null,
  p_content text default null,
  p_visibility lenses.visibility default null,
  p_tags text[] default null,
  p_params jsonb default null
) returns lenses.lenses
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_lens lenses.lenses := lenses.fn_editable_lens('update_lens', p_lens_id);
  v_tags text[] := lenses.fn_normalize_tags(p_tags);
  v_errors text[];
begin
  if v_lens.status = 'archived' then
    raise exception 'update_lens: lens % is archived and cannot change', p_lens_id using errcode = '22023';
  end if;
  if p_title is not null and char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'update_lens: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  if char_length(p_description) > 10000 then
    raise exception 'update_lens: p_description must be at most 10000 characters' using errcode = '22023';
  end if;
  if char_length(p_content) > 100000 then
    raise exception 'update_lens: p_content must be at most 100000 characters' using errcode = '22023';
  end if;
  if p_tags is not null and not lenses.fn_tags_valid(v_tags) then
    raise exception 'update_lens: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got %', p_tags
      using errcode = '22023';
  end if;
  if p_params is not null then
    v_errors := lenses.fn_lens_params_errors(p_params);
    if cardinality(v_errors) > 0 then
      raise exception 'update_lens: p_params is not valid: %', array_to_string(v_errors, '; ') using errcode = '22023';
    end if;
  end if;
  update lenses.lenses l set
    title = coalesce(btrim(p_title), l.title),
    description = case when p_description is null then l.description else nullif(p_description, '') end,
    content = case when p_content is null then l.content else nullif(p_content, '') end,
    visibility = coalesce(p_visibility, l.visibility),
    tags = case when p_tags is null then l.tags else v_tags end,
    params = coalesce(p_params, l.params)
  where l.id = p_lens_id
  returning * into v_lens;
  return v_lens;
end
$$;
comment on function public.update_lens(uuid, text, text, text, lenses.visibility, text[], jsonb) is
  'Changes a lens the caller may edit; null keeps a value, an empty p_description or p_content clears it.';

create function public.archive_lens(p_lens_id uuid) returns lenses.lenses
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_lens lenses.lenses := lenses.fn_editable_lens('archive_lens', p_lens_id);
begin
  if v_lens.status = 'archived' then
    raise exception 'archive_lens: lens % is already archived', p_lens_id using errcode = '22023';
  end if;
  update lenses.lenses l set archived_at = now() where l.id = p_lens_id returning * into v_lens;
  return v_lens;
end
$$;
comment on function public.archive_lens(uuid) is
  'Archives a lens: it takes no new versions and no changes; its published versions stay readable and usable.';

create function public.list_lenses(
  p_scope text default 'public',
  p_status lenses.lens_status default null,
  p_tag text default null,
  p_search text default null,
  p_lenser_id uuid default null,
  p_limit integer default 50,
  p_offset integer default 0
) returns setof lenses.lenses
language plpgsql
stable
set search_path = ''
as $$
declare
  v_search text := nullif(btrim(p_search), '');
  v_pattern text;
begin
  if p_scope is null or p_scope not in ('mine', 'public') then
    raise exception 'list_lenses: p_scope must be mine or public, got %', coalesce(p_scope, 'null') using errcode = '22023';
  end if;
  perform lensers.fn_rpc_page('list_lenses', p_limit, p_offset);
  if char_length(v_search) > 200 then
    raise exception 'list_lenses: p_search must be at most 200 characters' using errcode = '22023';
  end if;
  if p_scope = 'mine' and (select auth.uid()) is null then
    raise exception 'list_lenses: sign in first to list your own lenses (p_scope mine)' using errcode = '42501';
  end if;
  v_pattern := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  if p_scope = 'mine' then
    return query
      select l.* from lenses.lenses l
      where l.lenser_id in (select lensers.actable_profile_ids())
        and (p_status is null or l.status = p_status)
        and (p_tag is null or l.tags @> array[lower(btrim(p_tag))])
        and (v_search is null or l.title ilike v_pattern or l.description ilike v_pattern)
        and (p_lenser_id is null or l.lenser_id = p_lenser_id)
      order by l.updated_at desc, l.id
      limit p_limit offset p_offset;
  else
    return query
      select l.* from lenses.lenses l
      where l.visibility = 'public'
        and (p_status is null or l.status = p_status)
        and (p_tag is null or l.tags @> array[lower(btrim(p_tag))])
        and (v_search is null or l.title ilike v_pattern or l.description ilike v_pattern)
        and (p_lenser_id is null or l.lenser_id = p_lenser_id)
      order by l.updated_at desc, l.id
      limit p_limit offset p_offset;
  end if;
end
$$;
comment on function public.list_lenses(text, lenses.lens_status, text, text, uuid, integer, integer) is
  'Lenses a page at a time, newest change first: p_scope mine (lensers the caller acts as) or public; filters by status, tag, text in title/description, lenser.';

create function public.get_lens(p_lens_id uuid) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_lens lenses.lenses;
begin
  if p_lens_id is null then
    raise exception 'get_lens: p_lens_id is required' using errcode = '22023';
  end if;
  select l.* into v_lens from lenses.lenses l where l.id = p_lens_id;
  if not found then
    raise exception 'get_lens: no lens % that you can see', p_lens_id using errcode = 'P0002';
  end if;
  return to_jsonb(v_lens) || jsonb_build_object('versions', coalesce((
    select jsonb_agg(lenses.fn_version_json(v.id) order by v.version_number desc)
    from lenses.versions v where v.lens_id = p_lens_id), '[]'::jsonb));
end
$$;
comment on function public.get_lens(uuid) is
  'A lens with the versions the caller may see (newest first), each with its parameters.';

-- Versions -------------------------------------------------------------------------------------

create function public.create_lens_version(
  p_lens_id uuid,
  p_template_body text,
  p_input_contract jsonb default null,
  p_output_contract jsonb default null,
  p_instruction_category lenses.instruction_category default 'instruction',
  p_parameters jsonb default '[]'
) returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_lens lenses.lenses := lenses.fn_editable_lens('create_lens_version', p_lens_id);
  v_input jsonb := lenses.fn_contract_arg('create_lens_version', 'p_input_contract', p_input_contract, 'input');
  v_output jsonb := lenses.fn_contract_arg('create_lens_version', 'p_output_contract', p_output_contract, 'output');
  v_version_id uuid;
begin
  if v_lens.status = 'archived' then
    raise exception 'create_lens_version: lens % is archived; it takes no new versions', p_lens_id using errcode = '22023';
  end if;
  if p_template_body is null or char_length(p_template_body) not between 1 and 100000 then
    raise exception 'create_lens_version: p_template_body must be 1 to 100000 characters' using errcode = '22023';
  end if;
  if p_instruction_category is null then
    raise exception 'create_lens_version: p_instruction_category is required' using errcode = '22023';
  end if;
  insert into lenses.versions (lens_id, template_body, input_contract, output_contract, instruction_category, created_by)
  values (p_lens_id, p_template_body, v_input, v_output, p_instruction_category, (select lensers.current_profile_id()))
  returning id into v_version_id;
  perform lenses.fn_replace_version_parameters('create_lens_version', v_version_id, coalesce(p_parameters, '[]'::jsonb));
  return lenses.fn_version_json(v_version_id);
end
$$;
comment on function public.create_lens_version(uuid, text, jsonb, jsonb, lenses.instruction_category, jsonb) is
  'Adds a draft version (numbered next for its lens) with its contracts and parameters, in one call.';

create function public.update_lens_version(
  p_version_id uuid,
  p_template_body text default null,
  p_input_contract jsonb default null,
  p_output_contract jsonb default null,
  p_instruction_category lenses.instruction_category default null,
  p_clear_input_contract boolean default false,
  p_clear_output_contract boolean default false
) returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_version lenses.versions := lenses.fn_editable_version('update_lens_version', p_version_id);
  v_input jsonb := lenses.fn_contract_arg('update_lens_version', 'p_input_contract', p_input_contract, 'input');
  v_output jsonb := lenses.fn_contract_arg('update_lens_version', 'p_output_contract', p_output_contract, 'output');
begin
  if v_version.status <> 'draft' then
    raise exception 'update_lens_version: p_version_id % is not a draft (it is %)', p_version_id, v_version.status
      using errcode = '22023';
  end if;
  if p_template_body is not null and char_length(p_template_body) not between 1 and 100000 then
    raise exception 'update_lens_version: p_template_body must be 1 to 100000 characters' using errcode = '22023';
  end if;
  if coalesce(p_clear_input_contract, false) and v_input is not null then
    raise exception 'update_lens_version: give p_input_contract or p_clear_input_contract, not both' using errcode = '22023';
  end if;
  if coalesce(p_clear_output_contract, false) and v_output is not null then
    raise exception 'update_lens_version: give p_output_contract or p_clear_output_contract, not both' using errcode = '22023';
  end if;
  update lenses.versions v set
    template_body = coalesce(p_template_body, v.template_body),
    input_contract = case when coalesce(p_clear_input_contract, false) then null else coalesce(v_input, v.input_contract) end,
    output_contract = case when coalesce(p_clear_output_contract, false) then null else coalesce(v_output, v.output_contract) end,
    instruction_category = coalesce(p_instruction_category, v.instruction_category)
  where v.id = p_version_id;
  return lenses.fn_version_json(p_version_id);
end
$$;
comment on function public.update_lens_version(uuid, text, jsonb, jsonb, lenses.instruction_category, boolean, boolean) is
  'Changes a draft version; null keeps a value, p_clear_*_contract removes a contract.';

create function public.set_version_parameters(p_version_id uuid, p_parameters jsonb) returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_version lenses.versions := lenses.fn_editable_version('set_version_parameters', p_version_id);
begin
  if v_version.status <> 'draft' then
    raise exception 'set_version_parameters: p_version_id % is not a draft (it is %)', p_version_id, v_version.status
      using errcode = '22023';
  end if;
  perform lenses.fn_replace_version_parameters('set_version_parameters', p_version_id, p_parameters);
  return lenses.fn_version_json(p_version_id);
end
$$;
comment on function public.set_version_parameters(uuid, jsonb) is 'Replaces all parameters of a draft version.';

create function public.publish_lens_version(p_version_id uuid) returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_version lenses.versions := lenses.fn_editable_version('publish_lens_version', p_version_id);
  v_errors text[];
begin
  if v_version.status <> 'draft' then
    raise exception 'publish_lens_version: p_version_id % is not a draft (it is %)', p_version_id, v_version.status
      using errcode = '22023';
  end if;
  if exists (select 1 from lenses.lenses l where l.id = v_version.lens_id and l.status = 'archived') then
    raise exception 'publish_lens_version: lens % is archived', v_version.lens_id using errcode = '22023';
  end if;
  v_errors := lenses.fn_version_publish_errors(p_version_id, v_version.template_body, v_version.input_contract,
    v_version.output_contract);
  if cardinality(v_errors) > 0 then
    raise exception 'publish_lens_version: version % cannot be published: %', p_version_id, array_to_string(v_errors, '; ')
      using errcode = '23514';
  end if;
  update lenses.versions v set status = 'published' where v.id = p_version_id;
  return lenses.fn_version_json(p_version_id);
end
$$;
comment on function public.publish_lens_version(uuid) is
  'Publishes a draft version (then immutable): refused while a [[label]] has no parameter, a parameter is unused, or a contract or default is invalid.';

create function public.archive_lens_version(p_version_id uuid) returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_version lenses.versions := lenses.fn_editable_version('archive_lens_version', p_version_id);
begin
  if v_version.status = 'archived' then
    raise exception 'archive_lens_version: p_version_id % is already archived', p_version_id using errcode = '22023';
  end if;
  update lenses.versions v set status = 'archived' where v.id = p_version_id;
  return lenses.fn_version_json(p_version_id);
end
$$;
comment on function public.archive_lens_version(uuid) is
  'Archives a draft or published version; the lens is no longer published once no version is.';

create function public.render_lens_version(p_version_id uuid, p_params jsonb default '{}') returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_state text;
  v_message text;
begin
  if p_version_id is null then
    raise exception 'render_lens_version: p_version_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.versions v where v.id = p_version_id) then
    raise exception 'render_lens_version: no version % that you can read', p_version_id using errcode = 'P0002';
  end if;
  begin
    return lenses.fn_render_version_body(p_version_id, p_params);
  exception when sqlstate '22023' or sqlstate 'P0001' then
    get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
    raise exception 'render_lens_version: %', regexp_replace(v_message, '^fn_render_version_body: ', '') using errcode = v_state;
  end;
end
$$;
comment on function public.render_lens_version(uuid, jsonb) is
  'Preview: the version''s template rendered with p_params (typed and normalised; defaults applied). The caller must be able to read the version.';

create function public.list_lens_tools(p_category lenses.tool_category default null) returns setof lenses.tools
language sql
stable
set search_path = ''
as $$
  select t.* from lenses.tools t
  where p_category is null or t.category = p_category
  order by t.category, t.key
$$;
comment on function public.list_lens_tools(lenses.tool_category) is 'The parameter type registry, optionally one category.';

revoke execute on function
  lenses.fn_acting_lenser(text, uuid), lenses.fn_editable_lens(text, uuid, text), lenses.fn_editable_version(text, uuid),
  lenses.fn_version_json(uuid), lenses.fn_contract_arg(text, text, jsonb, text),
  lenses.fn_replace_version_parameters(text, uuid, jsonb),
  public.create_lens(text, text, text, lenses.visibility, text[], jsonb, uuid),
  public.update_lens(uuid, text, text, text, lenses.visibility, text[], jsonb),
  public.archive_lens(uuid),
  public.list_lenses(text, lenses.lens_status, text, text, uuid, integer, integer),
  public.get_lens(uuid),
  public.create_lens_version(uuid, text, jsonb, jsonb, lenses.instruction_category, jsonb),
  public.update_lens_version(uuid, text, jsonb, jsonb, lenses.instruction_category, boolean, boolean),
  public.set_version_parameters(uuid, jsonb),
  public.publish_lens_version(uuid),
  public.archive_lens_version(uuid),
  public.render_lens_version(uuid, jsonb),
  public.list_lens_tools(lenses.tool_category)
from public;

grant execute on function lenses.fn_version_json(uuid), lenses.fn_contract_arg(text, text, jsonb, text)
  to anon, authenticated, service_role;
grant execute on function lenses.fn_acting_lenser(text, uuid), lenses.fn_editable_lens(text, uuid, text),
  lenses.fn_editable_version(text, uuid), lenses.fn_replace_version_parameters(text, uuid, jsonb)
  to authenticated, service_role;

grant execute on function
  public.list_lenses(text, lenses.lens_status, text, text, uuid, integer, integer),
  public.get_lens(uuid),
  public.render_lens_version(uuid, jsonb),
  public.list_lens_tools(lenses.tool_category)
to anon, authenticated, service_role;
grant execute on function
  public.create_lens(text, text, text, lenses.visibility, text[], jsonb, uuid),
  public.update_lens(uuid, text, text, text, lenses.visibility, text[], jsonb),
  public.archive_lens(uuid),
  public.create_lens_version(uuid, text, jsonb, jsonb, lenses.instruction_category, jsonb),
  public.update_lens_version(uuid, text, jsonb, jsonb, lenses.instruction_category, boolean, boolean),
  public.set_version_parameters(uuid, jsonb),
  public.publish_lens_version(uuid),
  public.archive_lens_version(uuid)
to authenticated;
