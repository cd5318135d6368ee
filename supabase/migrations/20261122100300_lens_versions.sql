-- lenses.versions: the versioned body of a lens, with its contracts.
--   version_number: 1, 2, 3... per lens with no gaps and no races: the insert trigger locks the
--     parent lens row (FOR UPDATE) before reading the highest number, so concurrent inserts for one
--     lens queue on that lock and each sees the previous one's row. Versions are never deleted by
--     users (archive instead), so the numbers stay gap-free.
--   Lifecycle: inserted as draft; draft -> published (lenses.fn_version_publish_errors must be
--     empty: every [[label]] bound, every parameter used, contracts valid) ; draft|published ->
--     archived. A published version never changes again except published -> archived; an archived
--     one never changes. The lens's status follows (see lenses.tg_lenses_derive_status).
--   Visibility: a version is readable where its lens is, except that drafts are readable only by
--     those who may act as the lens's lenser.

create type lenses.instruction_category as enum (
  'instruction', 'research', 'planning', 'generation', 'validation', 'routing', 'memory', 'export'
);
comment on type lenses.instruction_category is
  'What a lens version does, so workflows can assign nodes by capability without parsing tags.';

-- The distinct [[label]] placeholders of a template, in order of first appearance. A label is an
-- identifier (letters, digits, _; not starting with a digit; at most 63); anything else between
-- double brackets is plain text.
create function lenses.fn_template_labels(p_template text) returns text[]
language sql
immutable
set search_path = ''
as $$
  select coalesce(array_agg(label order by first_pos), '{}')
  from (
    select m[1] as label, min(pos) as first_pos
    from regexp_matches(coalesce(p_template, ''), '\[\[([A-Za-z_][A-Za-z0-9_]{0,62})\]\]', 'g') with ordinality as r(m, pos)
    group by m[1]
  ) s
$$;
comment on function lenses.fn_template_labels(text) is 'The distinct [[label]] placeholders of a template, in order of first appearance.';

create table lenses.versions (
  id uuid primary key default gen_random_uuid(),
  lens_id uuid not null references lenses.lenses (id) on delete cascade,
  version_number integer not null,
  template_body text not null,
  status lenses.lens_status not null default 'draft',
  input_contract jsonb,
  output_contract jsonb,
  instruction_category lenses.instruction_category not null default 'instruction',
  published_at timestamptz,
  archived_at timestamptz,
  created_by uuid references lensers.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint versions_number_per_lens unique (lens_id, version_number),
  constraint versions_number_positive check (version_number >= 1),
  constraint versions_template_length check (char_length(template_body) between 1 and 100000),
  constraint versions_input_contract_shape check (
    input_contract is null or cardinality(lenses.fn_contract_errors(input_contract, 'input')) = 0),
  constraint versions_output_contract_shape check (
    output_contract is null or cardinality(lenses.fn_contract_errors(output_contract, 'output')) = 0),
  constraint versions_published_at_set check ((status = 'draft') = (published_at is null) or status = 'archived'),
  constraint versions_archived_at_set check ((status = 'archived') = (archived_at is not null))
);
comment on table lenses.versions is
  'Versioned lens bodies with [[label]] placeholders and contracts. Published versions are immutable.';
comment on column lenses.versions.version_number is 'Per lens, 1..N without gaps, assigned by the insert trigger.';
comment on column lenses.versions.input_contract is 'types/contracts.ts InputContract, or null for none.';
comment on column lenses.versions.output_contract is 'types/contracts.ts OutputContract (kind and artifactKind), or null for none.';

create index versions_lens_idx on lenses.versions (lens_id, status);
create index versions_created_by_idx on lenses.versions (created_by);

create trigger versions_set_updated_at before update on lenses.versions
  for each row execute function lensers.tg_set_updated_at();

-- Insert: always a draft, numbered under the parent lens's row lock.
create function lenses.tg_versions_before_insert() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_lens lenses.lenses;
begin
  select l.* into v_lens from lenses.lenses l where l.id = new.lens_id for update;
  if not found then
    raise exception 'versions: lens % does not exist or you may not edit it', new.lens_id using errcode = '42501';
  end if;
  if v_lens.status = 'archived' then
    raise exception 'versions: lens % is archived; it takes no new versions', new.lens_id using errcode = '23514';
  end if;
  if new.status <> 'draft' then
    raise exception 'versions: a version is created as a draft (asked %); publish it afterwards', new.status
      using errcode = '23514';
  end if;
  new.version_number := coalesce((select max(v.version_number) from lenses.versions v where v.lens_id = new.lens_id), 0) + 1;
  new.published_at := null;
  new.archived_at := null;
  return new;
end
$$;

create trigger versions_before_insert before insert on lenses.versions
  for each row execute function lenses.tg_versions_before_insert();

-- Update: the lifecycle and immutability rules.
create function lenses.tg_versions_guard_update() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_errors text[];
begin
  if (new.lens_id, new.version_number, new.created_at) is distinct from (old.lens_id, old.version_number, old.created_at)
     or (new.created_by is distinct from old.created_by and new.created_by is not null) then
    raise exception 'versions: lens_id, version_number, created_by and created_at never change' using errcode = '23514';
  end if;
  -- Only created_by cleared (its profile was deleted): history keeps everything else.
  if (new.template_body, new.input_contract, new.output_contract, new.instruction_category, new.status, new.published_at, new.archived_at)
     is not distinct from (old.template_body, old.input_contract, old.output_contract, old.instruction_category, old.status, old.published_at, old.archived_at)
     and old.status <> 'draft' then
    return new;
  end if;
  if old.status = 'archived' then
    raise exception 'versions: version % is archived and cannot change', old.id using errcode = '23514';
  end if;
  if old.status = 'published' then
    if new.status <> 'archived'
       or (new.template_body, new.input_contract, new.output_contract, new.instruction_category, new.published_at)
          is distinct from (old.template_body, old.input_contract, old.output_contract, old.instruction_category, old.published_at) then
      raise exception 'versions: version % is published and cannot change (it may only be archived)', old.id
        using errcode = '23514';
    end if;
    new.archived_at := now();
    return new;
  end if;
  -- old.status = 'draft'
  if exists (select 1 from lenses.lenses l where l.id = old.lens_id and l.status = 'archived') then
    if new.status <> 'archived'
       or (new.template_body, new.input_contract, new.output_contract, new.instruction_category)
          is distinct from (old.template_body, old.input_contract, old.output_contract, old.instruction_category) then
      raise exception 'versions: lens % is archived; its draft version % can only be archived', old.lens_id, old.id
        using errcode = '23514';
    end if;
  end if;
  if new.status = 'published' then
    v_errors := lenses.fn_version_publish_errors(new.id, new.template_body, new.input_contract, new.output_contract);
    if cardinality(v_errors) > 0 then
      raise exception 'versions: version % cannot be published: %', old.id, array_to_string(v_errors, '; ')
        using errcode = '23514';
    end if;
    new.published_at := now();
  elsif new.status = 'archived' then
    new.archived_at := now();
  end if;
  return new;
end
$$;

create trigger versions_guard_update before update on lenses.versions
  for each row execute function lenses.tg_versions_guard_update();

-- A published or archived version is history: only the lens's own removal takes it.
create function lenses.tg_versions_guard_delete() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.status <> 'draft' and exists (select 1 from lenses.lenses l where l.id = old.lens_id) then
    raise exception 'versions: version % is %; only drafts can be deleted', old.id, old.status using errcode = '23514';
  end if;
  return old;
end
$$;

create trigger versions_guard_delete before delete on lenses.versions
  for each row execute function lenses.tg_versions_guard_delete();

-- The lens's status follows its versions. SECURITY DEFINER: the lens row is touched on behalf of a
-- version change the caller was allowed to make (RLS on versions already decided that).
create function lenses.tg_versions_sync_lens_status() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update lenses.lenses l set updated_at = now()
  where l.id = coalesce(new.lens_id, old.lens_id)
    and l.status is distinct from (
      case when l.archived_at is not null then 'archived'
           when exists (select 1 from lenses.versions v where v.lens_id = l.id and v.status = 'published') then 'published'
           else 'draft' end)::lenses.lens_status;
  return null;
end
$$;

create trigger versions_sync_lens_status after insert or delete or update of status on lenses.versions
  for each row execute function lenses.tg_versions_sync_lens_status();

alter table lenses.versions enable row level security;

create policy versions_select_anon on lenses.versions
  for select to anon
  using (status <> 'draft' and lens_id in (select l.id from lenses.lenses l where l.visibility = 'public'));
create policy versions_select on lenses.versions
  for select to authenticated
  using (
    (status <> 'draft' and lens_id in (select l.id from lenses.lenses l where l.visibility = 'public'))
    or lens_id in (select l.id from lenses.lenses l where l.lenser_id in (select lensers.actable_profile_ids()))
  );
create policy versions_insert on lenses.versions
  for insert to authenticated
  with check (lens_id in (select l.id from lenses.lenses l where l.lenser_id in (select lensers.editable_profile_ids())));
create policy versions_update on lenses.versions
  for update to authenticated
  using (lens_id in (select l.id from lenses.lenses l where l.lenser_id in (select lensers.editable_profile_ids())))
  with check (lens_id in (select l.id from lenses.lenses l where l.lenser_id in (select lensers.editable_profile_ids())));

grant select on lenses.versions to anon, authenticated;
grant insert (lens_id, template_body, input_contract, output_contract, instruction_category, created_by)
  on lenses.versions to authenticated;
grant update (template_body, input_contract, output_contract, instruction_category, status) on lenses.versions to authenticated;
grant all on lenses.versions to service_role;

revoke execute on function lenses.fn_template_labels(text), lenses.tg_versions_before_insert(),
  lenses.tg_versions_guard_update(), lenses.tg_versions_guard_delete(), lenses.tg_versions_sync_lens_status() from public;
grant execute on function lenses.fn_template_labels(text) to anon, authenticated, service_role;
