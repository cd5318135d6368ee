-- lenses.workflows: the DAG container. Nodes, edges and validation come in their own migrations.
-- Visibility follows the lenses rule: public rows are readable by everyone, private and unlisted
-- rows only by those who may act as their lenser (the human, or the AI's owners and operators).

create type lenses.visibility as enum ('public', 'private', 'unlisted');
create type lenses.workflow_status as enum ('draft', 'published', 'archived');

create table lenses.workflows (
  id uuid primary key default gen_random_uuid(),
  lenser_id uuid not null references lensers.profiles (id) on delete cascade,
  title text not null,
  description text,
  visibility lenses.visibility not null default 'private',
  status lenses.workflow_status not null default 'draft',
  tags text[] not null default '{}',
  published_at timestamptz,
  archived_at timestamptz,
  created_by uuid references lensers.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint workflows_title_length check (char_length(btrim(title)) between 1 and 200),
  constraint workflows_description_length check (char_length(description) <= 10000),
  constraint workflows_published_at_set check (status <> 'published' or published_at is not null),
  constraint workflows_archived_at_set check ((status = 'archived') = (archived_at is not null))
);
comment on table lenses.workflows is 'A DAG of lens nodes. Published workflows can be run; archived ones are read-only.';

create index workflows_lenser_idx on lenses.workflows (lenser_id, status);
create index workflows_visibility_idx on lenses.workflows (visibility, status);
create index workflows_created_by_idx on lenses.workflows (created_by);

create trigger workflows_set_updated_at before update on lenses.workflows
  for each row execute function lensers.tg_set_updated_at();

alter table lenses.workflows enable row level security;

create policy workflows_select_anon on lenses.workflows
  for select to anon
  using (visibility = 'public');
create policy workflows_select on lenses.workflows
  for select to authenticated
  using (visibility = 'public' or lenser_id in (select lensers.actable_profile_ids()));
create policy workflows_insert on lenses.workflows
  for insert to authenticated
  with check (lenser_id in (select lensers.editable_profile_ids()));
create policy workflows_update on lenses.workflows
  for update to authenticated
  using (lenser_id in (select lensers.editable_profile_ids()))
  with check (lenser_id in (select lensers.editable_profile_ids()));
create policy workflows_delete on lenses.workflows
  for delete to authenticated
  using (lenser_id in (select lensers.editable_profile_ids()) and status = 'draft');

grant select on lenses.workflows to anon, authenticated;
grant insert, update, delete on lenses.workflows to authenticated;
grant all on lenses.workflows to service_role;
