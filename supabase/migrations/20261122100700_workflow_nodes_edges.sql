-- Workflow definitions: the nodes and edges of a lenses.workflows DAG.
--
-- lenses.workflow_nodes
--   kind lens:        runs a lens: lens_version_id (a version the author can read) XOR
--                     inline_override (a template with its own contracts and parameters).
--   kind human_input: waits for a person; neither of the two; config.prompt says what to ask.
--   config (types/workflow-node-config.ts; lenses.fn_node_config_errors):
--     lens nodes:        { model_id?: uuid of an ai.models row, timeout_ms?: 1000..86400000,
--                          retry?: { max_retries?: 0..10, backoff_ms?: 0..3600000,
--                                    backoff_multiplier?: 1..10, max_backoff_ms?: 0..86400000 (>= backoff_ms) },
--                          params?: { <label>: <JSON value> }   values the lens is rendered with,
--                          position?: { x: number, y: number } } editor layout
--     human_input nodes: { prompt: string(1..10000), timeout_ms?: 1000..2592000000, position? }
--   inline_override (types/workflow-node-config.ts InlineOverride; lenses.fn_inline_override_errors):
--     { template_body: string(1..100000), input_contract?: InputContract|null,
--       output_contract?: OutputContract|null, instruction_category?: <lenses.instruction_category>,
--       parameters?: [{ label: identifier, type: <lenses.param_type>, required?: boolean,
--                       display_name?: string(1..120), default_value?: JSON, config?: <param config> }] }
--     The template/parameter binding (every [[label]] bound, every parameter used, defaults render)
--     is checked by workflow validation, as publishing checks a version.
--
-- lenses.workflow_edges: source -> target inside one workflow.
--   condition:          a jsonpath evaluated with jsonb_path_match on the source's output (silent);
--                       the edge is active when it yields true; null = always
--                       (lenses.fn_edge_condition_holds).
--   source_output_path: a dotted path of field names into the source output ("summary",
--                       "meta.score"); null = the whole output (lenses.fn_edge_value).
--   target_input_path:  the input field the value is written to; null = the value (an object) is
--                       merged into the target's input, key by key.
--   merge_strategy:     how values from several edges into the same target field combine:
--                       last_write_wins; concat (strings joined, or arrays concatenated); array
--                       (values collected in a list); json_object (values keyed by source node key).
--                       Every strategy but last_write_wins needs a target_input_path.
-- Nodes and edges of a published or archived workflow never change.

create type lenses.workflow_node_kind as enum ('lens', 'human_input');
create type lenses.merge_strategy as enum ('last_write_wins', 'concat', 'array', 'json_object');

-- Node config shape, per kind.
create function lenses.fn_node_config_errors(p_kind lenses.workflow_node_kind, p_config jsonb) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_errors text[] := '{}'::text[];
  v_allowed text[];
  v_key text;
  v_retry jsonb;
  v_num numeric;
  v_max_timeout numeric := case when p_kind = 'human_input' then 2592000000 else 86400000 end;
begin
  if p_kind is null then
    return array['node config needs a node kind'];
  end if;
  if p_config is null or jsonb_typeof(p_config) <> 'object' then
    return array['node config must be a JSON object'];
  end if;
  v_allowed := case p_kind when 'lens' then array['model_id', 'timeout_ms', 'retry', 'params', 'position']
                           else array['prompt', 'timeout_ms', 'position'] end;
  for v_key in select k from jsonb_object_keys(p_config) k order by k loop
    if not v_key = any (v_allowed) then
      v_errors := v_errors || format('%s node config has an unknown key "%s" (allowed: %s)', p_kind, v_key, array_to_string(v_allowed, ', '));
    end if;
  end loop;

  if p_config ? 'model_id' and (jsonb_typeof(p_config -> 'model_id') <> 'string'
      or (p_config ->> 'model_id') !~ '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$') then
    v_errors := v_errors || 'node config model_id must be a uuid (an ai.models id)'::text;
  end if;
  if p_config ? 'timeout_ms' then
    v_num := lenses.fn_jsonb_numeric(p_config -> 'timeout_ms');
    if v_num is null or v_num <> trunc(v_num) or v_num < 1000 or v_num > v_max_timeout then
      v_errors := v_errors || format('node config timeout_ms must be a whole number from 1000 to %s', v_max_timeout);
    end if;
  end if;
  if p_config ? 'retry' then
    v_retry := p_config -> 'retry';
    if jsonb_typeof(v_retry) <> 'object' then
      v_errors := v_errors || 'node config retry must be an object'::text;
    else
      for v_key in select k from jsonb_object_keys(v_retry) k order by k loop
        if v_key not in ('max_retries', 'backoff_ms', 'backoff_multiplier', 'max_backoff_ms') then
          v_errors := v_errors || format('node config retry has an unknown key "%s" (allowed: max_retries, backoff_ms, backoff_multiplier, max_backoff_ms)', v_key);
        end if;
      end loop;
      if v_retry ? 'max_retries' then
        v_num := lenses.fn_jsonb_numeric(v_retry -> 'max_retries');
        if v_num is null or v_num <> trunc(v_num) or v_num not between 0 and 10 then
          v_errors := v_errors || 'node config retry.max_retries must be a whole number from 0 to 10'::text;
        end if;
      end if;
      if v_retry ? 'backoff_ms' then
        v_num := lenses.fn_jsonb_numeric(v_retry -> 'backoff_ms');
        if v_num is null or v_num <> trunc(v_num) or v_num not between 0 and 3600000 then
          v_errors := v_errors || 'node config retry.backoff_ms must be a whole number from 0 to 3600000'::text;
        end if;
      end if;
      if v_retry ? 'backoff_multiplier' then
        v_num := lenses.fn_jsonb_numeric(v_retry -> 'backoff_multiplier');
        if v_num is null or v_num not between 1 and 10 then
          v_errors := v_errors || 'node config retry.backoff_multiplier must be a number from 1 to 10'::text;
        end if;
      end if;
      if v_retry ? 'max_backoff_ms' then
        v_num := lenses.fn_jsonb_numeric(v_retry -> 'max_backoff_ms');
        if v_num is null or v_num <> trunc(v_num) or v_num not between 0 and 86400000 then
          v_errors := v_errors || 'node config retry.max_backoff_ms must be a whole number from 0 to 86400000'::text;
        elsif v_num < lenses.fn_jsonb_numeric(v_retry -> 'backoff_ms') then
          v_errors := v_errors || 'node config retry.max_backoff_ms must not be less than retry.backoff_ms'::text;
        end if;
      end if;
    end if;
  end if;
  if p_config ? 'params' then
    if jsonb_typeof(p_config -> 'params') <> 'object' then
      v_errors := v_errors || 'node config params must be an object keyed by parameter label'::text;
    elsif exists (select 1 from jsonb_object_keys(p_config -> 'params') k where k !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$') then
      v_errors := v_errors || 'node config params keys must be parameter labels (identifiers)'::text;
    end if;
  end if;
  if p_config ? 'position' then
    if jsonb_typeof(p_config -> 'position') <> 'object'
       or jsonb_typeof(p_config -> 'position' -> 'x') is distinct from 'number'
       or jsonb_typeof(p_config -> 'position' -> 'y') is distinct from 'number'
       or exists (select 1 from jsonb_object_keys(p_config -> 'position') k where k not in ('x', 'y')) then
      v_errors := v_errors || 'node config position must be { x: number, y: number }'::text;
    end if;
  end if;
  if p_kind = 'human_input' then
    if not p_config ? 'prompt' then
      v_errors := v_errors || 'human_input node config needs a prompt'::text;
    elsif jsonb_typeof(p_config -> 'prompt') <> 'string' or char_length(btrim(p_config ->> 'prompt')) not between 1 and 10000 then
      v_errors := v_errors || 'human_input node config prompt must be a string of 1 to 10000 characters'::text;
    end if;
  end if;
  return v_errors;
end
$$;
comment on function lenses.fn_node_config_errors(lenses.workflow_node_kind, jsonb) is
  'Errors in a workflow node config for its kind (empty when valid); the SQL twin of types/workflow-node-config.ts.';

-- Inline override shape.
create function lenses.fn_inline_override_errors(p_override jsonb) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_errors text[] := '{}'::text[];
  v_key text;
  v_param jsonb;
  v_index integer := 0;
  v_where text;
  v_type lenses.param_type;
  v_labels text[] := '{}'::text[];
begin
  if p_override is null or jsonb_typeof(p_override) <> 'object' then
    return array['inline override must be a JSON object'];
  end if;
  for v_key in select k from jsonb_object_keys(p_override) k order by k loop
    if v_key not in ('template_body', 'input_contract', 'output_contract', 'instruction_category', 'parameters') then
      v_errors := v_errors || format('inline override has an unknown key "%s" (allowed: template_body, input_contract, output_contract, instruction_category, parameters)', v_key);
    end if;
  end loop;
  if jsonb_typeof(p_override -> 'template_body') is distinct from 'string'
     or char_length(p_override ->> 'template_body') not between 1 and 100000 then
    v_errors := v_errors || 'inline override template_body must be a string of 1 to 100000 characters'::text;
  end if;
  if nullif(p_override -> 'input_contract', 'null'::jsonb) is not null then
    v_errors := v_errors || lenses.fn_contract_errors(p_override -> 'input_contract', 'input');
  end if;
  if nullif(p_override -> 'output_contract', 'null'::jsonb) is not null then
    v_errors := v_errors || lenses.fn_contract_errors(p_override -> 'output_contract', 'output');
  end if;
  if p_override ? 'instruction_category' and (jsonb_typeof(p_override -> 'instruction_category') <> 'string'
      or not (p_override ->> 'instruction_category') = any (enum_range(null::lenses.instruction_category)::text[])) then
    v_errors := v_errors || format('inline override instruction_category must be one of %s',
      array_to_string(enum_range(null::lenses.instruction_category)::text[], ', '));
  end if;
  if p_override ? 'parameters' then
    if jsonb_typeof(p_override -> 'parameters') <> 'array' then
      v_errors := v_errors || 'inline override parameters must be an array'::text;
    else
      if jsonb_array_length(p_override -> 'parameters') > 100 then
        v_errors := v_errors || 'inline override has more than 100 parameters'::text;
      end if;
      for v_param in select p from jsonb_array_elements(p_override -> 'parameters') p loop
        v_where := format('inline override parameters[%s]', v_index);
        v_index := v_index + 1;
        if jsonb_typeof(v_param) <> 'object' then
          v_errors := v_errors || format('%s must be an object', v_where);
          continue;
        end if;
        for v_key in select k from jsonb_object_keys(v_param) k order by k loop
          if v_key not in ('label', 'type', 'required', 'display_name', 'default_value', 'config') then
            v_errors := v_errors || format('%s has an unknown key "%s" (allowed: label, type, required, display_name, default_value, config)', v_where, v_key);
          end if;
        end loop;
        if jsonb_typeof(v_param -> 'label') is distinct from 'string' or (v_param ->> 'label') !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
          v_errors := v_errors || format('%s.label must be an identifier (letters, digits, _; at most 63)', v_where);
        elsif (v_param ->> 'label') = any (v_labels) then
          v_errors := v_errors || format('%s.label "%s" is used twice', v_where, v_param ->> 'label');
        else
          v_labels := v_labels || (v_param ->> 'label');
        end if;
        v_type := null;
        if jsonb_typeof(v_param -> 'type') is distinct from 'string'
           or not (v_param ->> 'type') = any (enum_range(null::lenses.param_type)::text[]) then
          v_errors := v_errors || format('%s.type must be one of %s', v_where, array_to_string(enum_range(null::lenses.param_type)::text[], ', '));
        else
          v_type := (v_param ->> 'type')::lenses.param_type;
        end if;
        if v_param ? 'required' and jsonb_typeof(v_param -> 'required') <> 'boolean' then
          v_errors := v_errors || format('%s.required must be true or false', v_where);
        end if;
        if v_param ? 'display_name' and (jsonb_typeof(v_param -> 'display_name') <> 'string'
                                         or char_length(btrim(v_param ->> 'display_name')) not between 1 and 120) then
          v_errors := v_errors || format('%s.display_name must be a string of 1 to 120 characters', v_where);
        end if;
        if v_type is not null then
          v_errors := v_errors || (select coalesce(array_agg(format('%s.config: %s', v_where, e)), '{}')
                                   from unnest(lenses.fn_param_config_errors(v_type, coalesce(v_param -> 'config', '{}'::jsonb), true)) e);
        end if;
      end loop;
    end if;
  end if;
  return v_errors;
end
$$;
comment on function lenses.fn_inline_override_errors(jsonb) is
  'Errors in a workflow node inline override (empty when valid); the SQL twin of types/workflow-node-config.ts InlineOverride.';

-- An inline override's parameters as fn_render_template takes them (config as given: no tool default).
create function lenses.fn_inline_parameter_defs(p_override jsonb) returns jsonb
language sql
immutable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'label', p ->> 'label', 'type', p ->> 'type', 'required', coalesce((p ->> 'required')::boolean, false),
      'default_value', nullif(p -> 'default_value', 'null'::jsonb), 'config', coalesce(p -> 'config', '{}'::jsonb))
    order by ord), '[]'::jsonb)
  from jsonb_array_elements(case when jsonb_typeof(p_override -> 'parameters') = 'array' then p_override -> 'parameters' else '[]' end)
    with ordinality as e(p, ord)
$$;

create table lenses.workflow_nodes (
  id uuid primary key default gen_random_uuid(),
  workflow_id uuid not null references lenses.workflows (id) on delete cascade,
  key text not null,
  title text,
  kind lenses.workflow_node_kind not null default 'lens',
  lens_version_id uuid references lenses.versions (id),
  inline_override jsonb,
  config jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint workflow_nodes_key_per_workflow unique (workflow_id, key),
  constraint workflow_nodes_key_slug check (key ~ '^[a-z][a-z0-9_-]{0,62}$'),
  constraint workflow_nodes_title_length check (char_length(btrim(title)) between 1 and 200),
  constraint workflow_nodes_body_by_kind check (
    (kind = 'lens' and (lens_version_id is null) <> (inline_override is null))
    or (kind = 'human_input' and lens_version_id is null and inline_override is null)),
  constraint workflow_nodes_inline_override_shape check (
    inline_override is null or cardinality(lenses.fn_inline_override_errors(inline_override)) = 0),
  constraint workflow_nodes_config_shape check (cardinality(lenses.fn_node_config_errors(kind, config)) = 0)
);
comment on table lenses.workflow_nodes is
  'Nodes of a workflow: a lens (a version, or an inline override) or a human input. Config per types/workflow-node-config.ts.';
comment on column lenses.workflow_nodes.key is 'Slug, unique in its workflow; names the node in errors, merges and provenance.';
comment on column lenses.workflow_nodes.config is
  'model_id (ai.models), timeout_ms, retry {max_retries, backoff_ms, backoff_multiplier, max_backoff_ms}, params, position; prompt for human_input.';

create index workflow_nodes_lens_version_idx on lenses.workflow_nodes (lens_version_id);

create trigger workflow_nodes_set_updated_at before update on lenses.workflow_nodes
  for each row execute function lensers.tg_set_updated_at();

-- The workflow must be a draft; model_id must name a model; a referenced version must be readable
-- by whoever adds it (a foreign key alone would let anyone point at a private version).
create function lenses.tg_workflow_nodes_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_workflow_id uuid := case when tg_op = 'DELETE' then old.workflow_id else new.workflow_id end;
  v_status lenses.workflow_status;
begin
  if tg_op = 'UPDATE' and (new.workflow_id <> old.workflow_id or new.kind <> old.kind) then
    raise exception 'workflow_nodes: a node''s workflow and kind never change' using errcode = '23514';
  end if;
  select w.status into v_status from lenses.workflows w where w.id = v_workflow_id;
  if found and v_status <> 'draft' then
    raise exception 'workflow_nodes: workflow % is %; its nodes cannot change', v_workflow_id, v_status using errcode = '23514';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if new.config ? 'model_id' and not exists (select 1 from ai.models m where m.id = (new.config ->> 'model_id')::uuid) then
    raise exception 'workflow_nodes: config.model_id % is not a model in ai.models', new.config ->> 'model_id' using errcode = '23514';
  end if;
  if new.lens_version_id is not null and (tg_op = 'INSERT' or new.lens_version_id is distinct from old.lens_version_id)
     and not exists (select 1 from lenses.versions v where v.id = new.lens_version_id) then
    raise exception 'workflow_nodes: lens version % is not one you can read', new.lens_version_id using errcode = '42501';
  end if;
  return new;
end
$$;

create trigger workflow_nodes_guard before insert or update or delete on lenses.workflow_nodes
  for each row execute function lenses.tg_workflow_nodes_guard();

create table lenses.workflow_edges (
  id uuid primary key default gen_random_uuid(),
  workflow_id uuid not null references lenses.workflows (id) on delete cascade,
  source_node_id uuid not null references lenses.workflow_nodes (id) on delete cascade,
  target_node_id uuid not null references lenses.workflow_nodes (id) on delete cascade,
  merge_strategy lenses.merge_strategy not null default 'last_write_wins',
  condition jsonpath,
  source_output_path text,
  target_input_path text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint workflow_edges_no_self_loop check (source_node_id <> target_node_id),
  constraint workflow_edges_unique unique nulls not distinct (source_node_id, target_node_id, target_input_path),
  constraint workflow_edges_source_output_path check (
    source_output_path ~ '^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62}){0,15}$'),
  constraint workflow_edges_target_input_path check (target_input_path ~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$'),
  constraint workflow_edges_merge_needs_target check (merge_strategy = 'last_write_wins' or target_input_path is not null)
);
comment on table lenses.workflow_edges is
  'Edges of a workflow: a jsonpath condition on the source output, a dotted source path, a target input field and a merge strategy.';
comment on column lenses.workflow_edges.condition is
  'jsonpath evaluated with jsonb_path_match(output, condition, silent => true); active when true; null = always.';
comment on column lenses.workflow_edges.source_output_path is 'Dotted field path into the source output; null = the whole output.';
comment on column lenses.workflow_edges.target_input_path is 'Target input field written; null = the value (an object) is merged into the input.';

create index workflow_edges_workflow_idx on lenses.workflow_edges (workflow_id);
create index workflow_edges_target_idx on lenses.workflow_edges (target_node_id);

create trigger workflow_edges_set_updated_at before update on lenses.workflow_edges
  for each row execute function lensers.tg_set_updated_at();

create function lenses.tg_workflow_edges_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_workflow_id uuid := case when tg_op = 'DELETE' then old.workflow_id else new.workflow_id end;
  v_status lenses.workflow_status;
begin
  if tg_op = 'UPDATE' and (new.workflow_id, new.source_node_id, new.target_node_id)
                          is distinct from (old.workflow_id, old.source_node_id, old.target_node_id) then
    raise exception 'workflow_edges: an edge''s workflow and nodes never change (remove it and add another)' using errcode = '23514';
  end if;
  select w.status into v_status from lenses.workflows w where w.id = v_workflow_id;
  if found and v_status <> 'draft' then
    raise exception 'workflow_edges: workflow % is %; its edges cannot change', v_workflow_id, v_status using errcode = '23514';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if tg_op = 'INSERT' and exists (
    select 1 from lenses.workflow_nodes n
    where n.id in (new.source_node_id, new.target_node_id) and n.workflow_id <> new.workflow_id
  ) then
    raise exception 'workflow_edges: both nodes of an edge must belong to its workflow %', new.workflow_id using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger workflow_edges_guard before insert or update or delete on lenses.workflow_edges
  for each row execute function lenses.tg_workflow_edges_guard();

-- For the engine: whether an edge is active for a source output, and the value it carries.
-- (plpgsql, not sql: with SET a sql function is never inlined and is planned at every call; the
-- engine calls these two for every edge of every completed node.)
create function lenses.fn_edge_condition_holds(p_condition jsonpath, p_output jsonb) returns boolean
language plpgsql
immutable
set search_path = ''
as $$
begin
  return p_condition is null or coalesce(jsonb_path_match(coalesce(p_output, 'null'::jsonb), p_condition, '{}', true), false);
end
$$;
comment on function lenses.fn_edge_condition_holds(jsonpath, jsonb) is
  'True when the edge condition (a jsonpath predicate, silent) yields true on the output; a null condition always holds.';

create function lenses.fn_edge_value(p_output jsonb, p_source_output_path text) returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
begin
  return case when p_source_output_path is null then p_output
              else p_output #> string_to_array(p_source_output_path, '.') end;
end
$$;
comment on function lenses.fn_edge_value(jsonb, text) is 'The part of a source output an edge carries (null path: all of it).';

-- Each node with what the engine needs, resolved: template, contracts and parameters from its
-- version or inline override, and the config fields typed.
create view lenses.workflow_nodes_v with (security_invoker = true) as
select
  n.id, n.workflow_id, n.key, n.title, n.kind, n.lens_version_id,
  v.lens_id, v.version_number, v.status as version_status,
  case when n.lens_version_id is not null then v.template_body else n.inline_override ->> 'template_body' end as template_body,
  case when n.lens_version_id is not null then v.input_contract
       else nullif(n.inline_override -> 'input_contract', 'null'::jsonb) end as input_contract,
  case when n.lens_version_id is not null then v.output_contract
       else nullif(n.inline_override -> 'output_contract', 'null'::jsonb) end as output_contract,
  case when n.lens_version_id is not null then v.instruction_category
       else (n.inline_override ->> 'instruction_category')::lenses.instruction_category end as instruction_category,
  case when n.lens_version_id is not null then lenses.fn_version_parameter_defs(n.lens_version_id)
       when n.inline_override is not null then lenses.fn_inline_parameter_defs(n.inline_override) end as parameter_defs,
  (n.config ->> 'model_id')::uuid as model_id,
  (n.config ->> 'timeout_ms')::bigint as timeout_ms,
  n.config -> 'retry' as retry,
  coalesce(n.config -> 'params', '{}'::jsonb) as params,
  n.config ->> 'prompt' as prompt,
  n.config -> 'position' as position,
  n.config
from lenses.workflow_nodes n
left join lenses.versions v on v.id = n.lens_version_id;
comment on view lenses.workflow_nodes_v is
  'Workflow nodes resolved for the engine: template, contracts and parameters of the version or inline override; typed config.';

-- The node's prompt: its template rendered with p_params (by default the node's config.params).
create function lenses.fn_render_node_body(p_node_id uuid, p_params jsonb default null) returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_node lenses.workflow_nodes_v;
  v_state text;
  v_message text;
begin
  select n.* into v_node from lenses.workflow_nodes_v n where n.id = p_node_id;
  if not found then
    raise exception 'fn_render_node_body: no node % that you can see', p_node_id using errcode = 'P0002';
  end if;
  if v_node.kind <> 'lens' then
    raise exception 'fn_render_node_body: node "%" is a % node; only lens nodes render', v_node.key, v_node.kind using errcode = '22023';
  end if;
  if v_node.template_body is null then
    raise exception 'fn_render_node_body: node "%" uses lens version % that you cannot read', v_node.key, v_node.lens_version_id
      using errcode = 'P0002';
  end if;
  begin
    return lenses.fn_render_template(v_node.template_body, v_node.parameter_defs, coalesce(p_params, v_node.params));
  exception when sqlstate '22023' or sqlstate 'P0001' then
    get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
    raise exception 'fn_render_node_body: node "%": %', v_node.key, v_message using errcode = v_state;
  end;
end
$$;
comment on function lenses.fn_render_node_body(uuid, jsonb) is
  'A lens node''s template (version or inline) rendered with p_params, by default its config.params.';

alter table lenses.workflow_nodes enable row level security;
alter table lenses.workflow_edges enable row level security;

-- Readable wherever the workflow is (the subquery runs under the workflows policies).
create policy workflow_nodes_select_anon on lenses.workflow_nodes
  for select to anon
  using (workflow_id in (select w.id from lenses.workflows w));
create policy workflow_nodes_select on lenses.workflow_nodes
  for select to authenticated
  using (workflow_id in (select w.id from lenses.workflows w));
create policy workflow_nodes_insert on lenses.workflow_nodes
  for insert to authenticated
  with check (workflow_id in (select w.id from lenses.workflows w where w.lenser_id in (select lensers.editable_profile_ids())));
create policy workflow_nodes_update on lenses.workflow_nodes
  for update to authenticated
  using (workflow_id in (select w.id from lenses.workflows w where w.lenser_id in (select lensers.editable_profile_ids())))
  with check (workflow_id in (select w.id from lenses.workflows w where w.lenser_id in (select lensers.editable_profile_ids())));
create policy workflow_nodes_delete on lenses.workflow_nodes
  for delete to authenticated
  using (workflow_id in (select w.id from lenses.workflows w where w.lenser_id in (select lensers.editable_profile_ids())));

create policy workflow_edges_select_anon on lenses.workflow_edges
  for select to anon
  using (workflow_id in (select w.id from lenses.workflows w));
create policy workflow_edges_select on lenses.workflow_edges
  for select to authenticated
  using (workflow_id in (select w.id from lenses.workflows w));
create policy workflow_edges_insert on lenses.workflow_edges
  for insert to authenticated
  with check (workflow_id in (select w.id from lenses.workflows w where w.lenser_id in (select lensers.editable_profile_ids())));
create policy workflow_edges_update on lenses.workflow_edges
  for update to authenticated
  using (workflow_id in (select w.id from lenses.workflows w where w.lenser_id in (select lensers.editable_profile_ids())))
  with check (workflow_id in (select w.id from lenses.workflows w where w.lenser_id in (select lensers.editable_profile_ids())));
create policy workflow_edges_delete on lenses.workflow_edges
  for delete to authenticated
  using (workflow_id in (select w.id from lenses.workflows w where w.lenser_id in (select lensers.editable_profile_ids())));

grant select on lenses.workflow_nodes, lenses.workflow_edges, lenses.workflow_nodes_v to anon, authenticated;
grant insert (workflow_id, key, title, kind, lens_version_id, inline_override, config) on lenses.workflow_nodes to authenticated;
grant update (key, title, lens_version_id, inline_override, config) on lenses.workflow_nodes to authenticated;
grant insert (workflow_id, source_node_id, target_node_id, merge_strategy, condition, source_output_path, target_input_path)
  on lenses.workflow_edges to authenticated;
grant update (merge_strategy, condition, source_output_path, target_input_path) on lenses.workflow_edges to authenticated;
grant delete on lenses.workflow_nodes, lenses.workflow_edges to authenticated;
grant all on lenses.workflow_nodes, lenses.workflow_edges, lenses.workflow_nodes_v to service_role;

revoke execute on function lenses.fn_node_config_errors(lenses.workflow_node_kind, jsonb),
  lenses.fn_inline_override_errors(jsonb), lenses.fn_inline_parameter_defs(jsonb),
  lenses.tg_workflow_nodes_guard(), lenses.tg_workflow_edges_guard(),
  lenses.fn_edge_condition_holds(jsonpath, jsonb), lenses.fn_edge_value(jsonb, text),
  lenses.fn_render_node_body(uuid, jsonb) from public;
grant execute on function lenses.fn_node_config_errors(lenses.workflow_node_kind, jsonb),
  lenses.fn_inline_override_errors(jsonb), lenses.fn_inline_parameter_defs(jsonb),
  lenses.fn_edge_condition_holds(jsonpath, jsonb), lenses.fn_edge_value(jsonb, text),
  lenses.fn_render_node_body(uuid, jsonb) to anon, authenticated, service_role;
