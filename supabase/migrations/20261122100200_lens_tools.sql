-- lenses.tools: the parameter type registry. Each row is a kind of input a lens version can ask for
-- (a [[label]] in its template is bound to one tool by lenses.version_parameters). Catalog data the
-- product needs, so the rows are seeded here; only the service role writes it.
--
-- Parameter config (types/param-config.ts; the same rules in lenses.fn_param_config_errors):
--   every type:                          placeholder?: string(<=200), help?: string(<=1000)
--   text, textarea:                      min_length?: integer 0..1000000, max_length?: integer 1..1000000 (min <= max)
--   number, float, decimal:              min?: number, max?: number (min <= max)
--   integer:                             min?: integer, max?: integer (min <= max)
--   select:                              options: 1..200 distinct non-empty strings (<=200 chars);
--                                        required in a parameter's config, optional in a tool's default
--   json, boolean, url, date, datetime, file: nothing else
-- A parameter's effective config is its tool's default_config overlaid by its own config.

create type lenses.param_type as enum (
  'text', 'textarea', 'json', 'number', 'integer', 'float', 'decimal', 'boolean', 'select', 'url', 'date', 'datetime', 'file'
);
comment on type lenses.param_type is 'What a lens parameter holds; fn_render_version_body type-checks and normalises by it.';
create type lenses.tool_category as enum ('input', 'media', 'execution', 'battle', 'system');
comment on type lenses.tool_category is
  'input: typed by the user; media: files; execution: run settings; battle: lens battles; system: filled by the platform.';

-- A JSON number as numeric, or null for anything else (never raises).
create function lenses.fn_jsonb_numeric(p_value jsonb) returns numeric
language plpgsql
immutable
set search_path = ''
as $$
begin
  if jsonb_typeof(p_value) = 'number' then
    return p_value::numeric;
  end if;
  return null;
end
$$;

-- p_complete: a parameter's own config (select needs its options); false for a tool's default config.
create function lenses.fn_param_config_errors(p_type lenses.param_type, p_config jsonb, p_complete boolean default true)
returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_errors text[] := '{}'::text[];
  v_allowed text[] := array['placeholder', 'help'];
  v_key text;
  v_bound text;
  v_num numeric;
begin
  if p_type is null then
    return array['config needs a parameter type'];
  end if;
  if p_config is null or jsonb_typeof(p_config) <> 'object' then
    return array[format('%s config must be a JSON object', p_type)];
  end if;
  v_allowed := v_allowed || case
    when p_type in ('text', 'textarea') then array['min_length', 'max_length']
    when p_type in ('number', 'integer', 'float', 'decimal') then array['min', 'max']
    when p_type = 'select' then array['options']
    else '{}'::text[]
  end;
  for v_key in select k from jsonb_object_keys(p_config) k order by k loop
    if not v_key = any (v_allowed) then
      v_errors := v_errors || format('%s config has an unknown key "%s" (allowed: %s)', p_type, v_key, array_to_string(v_allowed, ', '));
    end if;
  end loop;
  if p_config ? 'placeholder' and (jsonb_typeof(p_config -> 'placeholder') <> 'string' or char_length(p_config ->> 'placeholder') > 200) then
    v_errors := v_errors || format('%s config placeholder must be a string of at most 200 characters', p_type);
  end if;
  if p_config ? 'help' and (jsonb_typeof(p_config -> 'help') <> 'string' or char_length(p_config ->> 'help') > 1000) then
    v_errors := v_errors || format('%s config help must be a string of at most 1000 characters', p_type);
  end if;

  if p_type in ('text', 'textarea') then
    foreach v_bound in array array['min_length', 'max_length'] loop
      if p_config ? v_bound then
        v_num := lenses.fn_jsonb_numeric(p_config -> v_bound);
        if v_num is null or v_num <> trunc(v_num)
           or v_num < (case v_bound when 'min_length' then 0 else 1 end) or v_num > 1000000 then
          v_errors := v_errors || format('%s config %s must be a whole number from %s to 1000000', p_type, v_bound,
            case v_bound when 'min_length' then 0 else 1 end);
        end if;
      end if;
    end loop;
    if lenses.fn_jsonb_numeric(p_config -> 'min_length') > lenses.fn_jsonb_numeric(p_config -> 'max_length') then
      v_errors := v_errors || format('%s config min_length must not exceed max_length', p_type);
    end if;
  elsif p_type in ('number', 'integer', 'float', 'decimal') then
    foreach v_bound in array array['min', 'max'] loop
      if p_config ? v_bound then
        v_num := lenses.fn_jsonb_numeric(p_config -> v_bound);
        if v_num is null or (p_type = 'integer' and v_num <> trunc(v_num)) then
          v_errors := v_errors || format('%s config %s must be a %s', p_type, v_bound,
            case when p_type = 'integer' then 'whole number' else 'number' end);
        end if;
      end if;
    end loop;
    if lenses.fn_jsonb_numeric(p_config -> 'min') > lenses.fn_jsonb_numeric(p_config -> 'max') then
      v_errors := v_errors || format('%s config min must not exceed max', p_type);
    end if;
  elsif p_type = 'select' then
    if not p_config ? 'options' then
      if p_complete then
        v_errors := v_errors || 'select config needs options (a list of 1 to 200 strings)'::text;
      end if;
    elsif jsonb_typeof(p_config -> 'options') <> 'array' then
      v_errors := v_errors || 'select config options must be a list of 1 to 200 non-empty strings (at most 200 characters each)'::text;
    elsif jsonb_array_length(p_config -> 'options') not between 1 and 200
          or exists (select 1 from jsonb_array_elements(p_config -> 'options') o
                     where jsonb_typeof(o) <> 'string' or char_length(o #>> '{}') not between 1 and 200) then
      v_errors := v_errors || 'select config options must be a list of 1 to 200 non-empty strings (at most 200 characters each)'::text;
    elsif (select count(distinct o) from jsonb_array_elements(p_config -> 'options') o) <> jsonb_array_length(p_config -> 'options') then
      v_errors := v_errors || 'select config options must be distinct'::text;
    end if;
  end if;
  return v_errors;
end
$$;
comment on function lenses.fn_param_config_errors(lenses.param_type, jsonb, boolean) is
  'Errors in a parameter config for a type (empty when valid); the SQL twin of types/param-config.ts.';

create table lenses.tools (
  id uuid primary key default gen_random_uuid(),
  key text not null unique,
  name text not null,
  category lenses.tool_category not null,
  type lenses.param_type not null,
  description text not null,
  default_config jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tools_key_slug check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  constraint tools_name_length check (char_length(btrim(name)) between 1 and 80),
  constraint tools_description_length check (char_length(description) between 1 and 500),
  constraint tools_default_config_shape check (cardinality(lenses.fn_param_config_errors(type, default_config, false)) = 0),
  -- version_parameters copies the type with a composite key, so a parameter's type is its tool's.
  constraint tools_id_type_key unique (id, type)
);
comment on table lenses.tools is 'Parameter type registry: what a [[label]] in a lens template can be bound to.';

create trigger tools_set_updated_at before update on lenses.tools
  for each row execute function lensers.tg_set_updated_at();

alter table lenses.tools enable row level security;
create policy tools_read_anon on lenses.tools for select to anon using (true);
create policy tools_read on lenses.tools for select to authenticated using (true);
grant select on lenses.tools to anon, authenticated;
grant all on lenses.tools to service_role;

insert into lenses.tools (key, name, category, type, description, default_config) values
  ('text', 'Short text', 'input', 'text', 'One line of text: a name, a topic, a question.', '{"max_length": 2000}'),
  ('textarea', 'Long text', 'input', 'textarea', 'Free text of any length: a brief, a document, notes.', '{"max_length": 100000}'),
  ('json', 'JSON', 'input', 'json', 'Any JSON value, rendered as compact JSON.', '{}'),
  ('number', 'Number', 'input', 'number', 'A number, rendered without trailing zeros.', '{}'),
  ('integer', 'Whole number', 'input', 'integer', 'A whole number (a count, a limit).', '{}'),
  ('float', 'Floating-point number', 'input', 'float', 'A double-precision number.', '{}'),
  ('decimal', 'Decimal', 'input', 'decimal', 'An exact decimal that keeps its digits (money, measures).', '{}'),
  ('boolean', 'Yes / no', 'input', 'boolean', 'true or false.', '{}'),
  ('select', 'Choice', 'input', 'select', 'One of a fixed list of options.', '{}'),
  ('url', 'Web address', 'input', 'url', 'An http(s) URL.', '{}'),
  ('date', 'Date', 'input', 'date', 'A calendar date, rendered YYYY-MM-DD.', '{}'),
  ('datetime', 'Date and time', 'input', 'datetime', 'An instant with a time zone, rendered in ISO 8601 UTC.', '{}'),
  ('file', 'File', 'media', 'file', 'A file: an http(s) URL or a storage path (bucket/path).', '{}'),
  ('image', 'Image', 'media', 'file', 'An image: an http(s) URL or a storage path (bucket/path).', '{}'),
  ('temperature', 'Temperature', 'execution', 'float', 'Sampling temperature for the model call.', '{"min": 0, "max": 2}'),
  ('max_tokens', 'Maximum output tokens', 'execution', 'integer', 'Upper bound on the tokens the model may write.', '{"min": 1, "max": 1000000}'),
  ('battle_contender', 'Battle contender', 'battle', 'text', 'The entry a lens battle compares against.', '{"max_length": 20000}'),
  ('current_datetime', 'Current date and time', 'system', 'datetime', 'The time the run started, filled by the platform.', '{}'),
  ('run_input', 'Run input', 'system', 'json', 'The input the run was started with, filled by the platform.', '{}');

revoke execute on function lenses.fn_jsonb_numeric(jsonb), lenses.fn_param_config_errors(lenses.param_type, jsonb, boolean) from public;
grant execute on function lenses.fn_jsonb_numeric(jsonb), lenses.fn_param_config_errors(lenses.param_type, jsonb, boolean)
  to anon, authenticated, service_role;
