-- lenses.lenses: the lens record, owned by a lenser (a human, or an AI its owners edit as).
-- Its status is derived, never written: archived once archived_at is set, else published while it
-- has a published version (lenses.versions, next migration), else draft.
-- params is UI metadata for the lens form (prefill values, icon, colour, field order); rendering
-- never reads it: a published version renders the same text forever. Its shape is
-- types/lens-params.ts, enforced here by lenses.fn_lens_params_errors.

create type lenses.lens_status as enum ('draft', 'published', 'archived');
comment on type lenses.lens_status is 'Lifecycle of a lens and of a lens version: draft, published (immutable), archived.';

-- Tags: at most 20 distinct lower-case slugs. Shared by lenses and workflows.
create function lenses.fn_tags_valid(p_tags text[]) returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_tags is not null
    and coalesce(array_length(p_tags, 1), 0) <= 20
    and not exists (select 1 from unnest(p_tags) t where t is null or t !~ '^[a-z0-9][a-z0-9_-]{0,39}$')
    and (select count(distinct t) from unnest(p_tags) t) = coalesce(array_length(p_tags, 1), 0)
$$;
comment on function lenses.fn_tags_valid(text[]) is
  'True for at most 20 distinct tags, each a lower-case slug of 1 to 40 letters, digits, _ or -.';

-- Tags as callers type them: trimmed, lower-cased, deduplicated (first occurrence kept), empty ones dropped.
create function lenses.fn_normalize_tags(p_tags text[]) returns text[]
language sql
immutable
set search_path = ''
as $$
  select coalesce(array_agg(t order by first_pos), '{}')
  from (
    select lower(btrim(t)) as t, min(pos) as first_pos
    from unnest(p_tags) with ordinality as u(t, pos)
    where t is not null and btrim(t) <> ''
    group by lower(btrim(t))
  ) s
$$;

-- The shape of lenses.lenses.params (types/lens-params.ts):
--   { defaults?: { <identifier>: <any JSON> },          prefill values for the lens form
--     ui?: { icon?: string(1..64), color?: "#rrggbb",
--            order?: [identifier...] (distinct),        form field order
--            hidden?: [identifier...] (distinct) } }    fields the form hides
create function lenses.fn_lens_params_errors(p_params jsonb) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_errors text[] := '{}'::text[];
  v_key text;
  v_ui jsonb;
  v_list text;
begin
  if p_params is null or jsonb_typeof(p_params) <> 'object' then
    return array['params must be a JSON object'];
  end if;
  for v_key in select k from jsonb_object_keys(p_params) k loop
    if v_key not in ('defaults', 'ui') then
      v_errors := v_errors || format('params has an unknown key "%s" (allowed: defaults, ui)', v_key);
    end if;
  end loop;
  if p_params ? 'defaults' then
    if jsonb_typeof(p_params -> 'defaults') <> 'object' then
      v_errors := v_errors || 'params.defaults must be an object'::text;
    else
      for v_key in select k from jsonb_object_keys(p_params -> 'defaults') k loop
        if v_key !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
          v_errors := v_errors || format('params.defaults key "%s" must be an identifier', v_key);
        end if;
      end loop;
    end if;
  end if;
  if p_params ? 'ui' then
    v_ui := p_params -> 'ui';
    if jsonb_typeof(v_ui) <> 'object' then
      v_errors := v_errors || 'params.ui must be an object'::text;
    else
      for v_key in select k from jsonb_object_keys(v_ui) k loop
        if v_key not in ('icon', 'color', 'order', 'hidden') then
          v_errors := v_errors || format('params.ui has an unknown key "%s" (allowed: icon, color, order, hidden)', v_key);
        end if;
      end loop;
      if v_ui ? 'icon' and (jsonb_typeof(v_ui -> 'icon') <> 'string' or char_length(v_ui ->> 'icon') not between 1 and 64) then
        v_errors := v_errors || 'params.ui.icon must be a string of 1 to 64 characters'::text;
      end if;
      if v_ui ? 'color' and (jsonb_typeof(v_ui -> 'color') <> 'string' or (v_ui ->> 'color') !~ '^#[0-9A-Fa-f]{6}$') then
        v_errors := v_errors || 'params.ui.color must be a #rrggbb colour'::text;
      end if;
      foreach v_list in array array['order', 'hidden'] loop
        if v_ui ? v_list then
          if jsonb_typeof(v_ui -> v_list) <> 'array' then
            v_errors := v_errors || format('params.ui.%s must be an array of identifiers', v_list);
          elsif exists (
            select 1 from jsonb_array_elements(v_ui -> v_list) e
            where jsonb_typeof(e) <> 'string' or (e #>> '{}') !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$'
          ) then
            v_errors := v_errors || format('params.ui.%s must be an array of identifiers', v_list);
          elsif (select count(distinct e) from jsonb_array_elements(v_ui -> v_list) e) <> jsonb_array_length(v_ui -> v_list) then
            v_errors := v_errors || format('params.ui.%s must not repeat a name', v_list);
          end if;
        end if;
      end loop;
    end if;
  end if;
  return v_errors;
end
$$;
comment on function lenses.fn_lens_params_errors(jsonb) is
  'Errors in a lenses.lenses.params value (empty when valid); the SQL twin of types/lens-params.ts.';

create table lenses.lenses (
  id uuid primary key default gen_random_uuid(),
  lenser_id uuid not null references lensers.profiles (id) on delete cascade,
  title text not null,
  description text,
  content text,
  visibility lenses.visibility not null default 'private',
  status lenses.lens_status not null default 'draft',
  tags text[] not null default '{}',
  params jsonb not null default '{}',
  published_at timestamptz,
  archived_at timestamptz,
  created_by uuid references lensers.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint lenses_title_length check (char_length(btrim(title)) between 1 and 200),
  constraint lenses_description_length check (char_length(description) <= 10000),
  constraint lenses_content_length check (char_length(content) <= 100000),
  constraint lenses_tags_valid check (lenses.fn_tags_valid(tags)),
  constraint lenses_params_shape check (cardinality(lenses.fn_lens_params_errors(params)) = 0),
  constraint lenses_published_at_set check (status <> 'published' or published_at is not null),
  constraint lenses_archived_at_set check ((status = 'archived') = (archived_at is not null))
);
comment on table lenses.lenses is
  'A lens: an authored prompt template, versioned in lenses.versions. Status is derived from archived_at and the versions.';
comment on column lenses.lenses.content is 'Long-form description of the lens (markdown), shown on its page.';
comment on column lenses.lenses.params is
  'UI metadata for the lens form (types/lens-params.ts): prefill defaults, icon, colour, field order. Rendering ignores it.';
comment on column lenses.lenses.status is
  'Derived: archived when archived_at is set, else published while a version is published, else draft.';

create index lenses_lenser_idx on lenses.lenses (lenser_id, status);
create index lenses_visibility_idx on lenses.lenses (visibility, status);
create index lenses_created_by_idx on lenses.lenses (created_by);
create index lenses_tags_idx on lenses.lenses using gin (tags);

create trigger lenses_set_updated_at before update on lenses.lenses
  for each row execute function lensers.tg_set_updated_at();

-- The derived status, and the columns that never change. The published-version test reads
-- lenses.versions, created by the next migration; plpgsql resolves it when the trigger runs.
create function lenses.tg_lenses_derive_status() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    if new.lenser_id is distinct from old.lenser_id then
      raise exception 'lenses.lenser_id cannot change (a lens stays with its lenser)' using errcode = '23514';
    end if;
    if new.created_by is distinct from old.created_by and new.created_by is not null then
      raise exception 'lenses.created_by cannot change' using errcode = '23514';
    end if;
    if old.archived_at is not null and new.archived_at is distinct from old.archived_at then
      raise exception 'lens % is archived and stays archived', old.id using errcode = '23514';
    end if;
  end if;
  if new.archived_at is not null then
    new.status := 'archived';
  elsif tg_op = 'UPDATE' and exists (
    select 1 from lenses.versions v where v.lens_id = new.id and v.status = 'published'
  ) then
    new.status := 'published';
  else
    new.status := 'draft';
  end if;
  if new.status = 'published' and new.published_at is null then
    new.published_at := now();
  end if;
  return new;
end
$$;

create trigger lenses_derive_status before insert or update on lenses.lenses
  for each row execute function lenses.tg_lenses_derive_status();

alter table lenses.lenses enable row level security;

create policy lenses_select_anon on lenses.lenses
  for select to anon
  using (visibility = 'public');
create policy lenses_select on lenses.lenses
  for select to authenticated
  using (visibility = 'public' or lenser_id in (select lensers.actable_profile_ids()));
create policy lenses_insert on lenses.lenses
  for insert to authenticated
  with check (lenser_id in (select lensers.editable_profile_ids()));
create policy lenses_update on lenses.lenses
  for update to authenticated
  using (lenser_id in (select lensers.editable_profile_ids()))
  with check (lenser_id in (select lensers.editable_profile_ids()));

grant select on lenses.lenses to anon, authenticated;
grant insert (lenser_id, title, description, content, visibility, tags, params, created_by) on lenses.lenses to authenticated;
grant update (title, description, content, visibility, tags, params, archived_at) on lenses.lenses to authenticated;
grant all on lenses.lenses to service_role;

revoke execute on function lenses.fn_tags_valid(text[]), lenses.fn_normalize_tags(text[]),
  lenses.fn_lens_params_errors(jsonb), lenses.tg_lenses_derive_status() from public;
grant execute on function lenses.fn_tags_valid(text[]), lenses.fn_normalize_tags(text[]),
  lenses.fn_lens_params_errors(jsonb) to anon, authenticated, service_role;
