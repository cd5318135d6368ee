create table lenses.workflows (
  id uuid default gen_random_uuid() not null,
  lenser_id uuid not null,
  title text not null,
  description text,
  visibility lenses.visibility default 'private'::lenses.visibility not null,
  status lenses.workflow_status default 'draft'::lenses.workflow_status not null,
  tags text[] default '{}'::text[] not null,
  published_at timestamp with time zone,
  archived_at timestamp with time zone,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint workflows_pkey PRIMARY KEY (id),
  constraint workflows_archived_at_set CHECK (((status = 'archived'::lenses.workflow_status) = (archived_at IS NOT NULL))),
  constraint workflows_description_length CHECK ((char_length(description) <= 10000)),
  constraint workflows_published_at_set CHECK (((status <> 'published'::lenses.workflow_status) OR (published_at IS NOT NULL))),
  constraint workflows_tags_valid CHECK (lenses.fn_tags_valid(tags)),
  constraint workflows_title_length CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200))),
  constraint workflows_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint workflows_lenser_id_fkey FOREIGN KEY (lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE
);

alter table lenses.workflows enable row level security;
comment on table lenses.workflows is 'A DAG of lens nodes. Published workflows can be run; archived ones are read-only.';

create index workflows_created_by_idx on lenses.workflows using btree (created_by);

create index workflows_lenser_idx on lenses.workflows using btree (lenser_id, status);

create index workflows_visibility_idx on lenses.workflows using btree (visibility, status);

create policy workflows_delete on lenses.workflows
  as permissive for delete to authenticated
  using (((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)) AND (status = 'draft'::lenses.workflow_status)));

create policy workflows_insert on lenses.workflows
  as permissive for insert to authenticated
  with check ((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create policy workflows_select on lenses.workflows
  as permissive for select to authenticated
  using (((visibility = 'public'::lenses.visibility) OR (lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids))));

create policy workflows_select_anon on lenses.workflows
  as permissive for select to anon
  using ((visibility = 'public'::lenses.visibility));

create policy workflows_update on lenses.workflows
  as permissive for update to authenticated
  using ((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))
  with check ((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create trigger workflows_compile_plan after update of status on lenses.workflows for each row when (old.status = 'draft'::lenses.workflow_status AND new.status = 'published'::lenses.workflow_status) execute procedure lenses.tg_workflows_compile_plan();

create trigger workflows_lifecycle before insert or update on lenses.workflows for each row execute procedure lenses.tg_workflows_lifecycle();

create trigger workflows_set_updated_at before update on lenses.workflows for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.workflows to anon;
grant select, insert, update, delete on table lenses.workflows to authenticated;
grant all on table lenses.workflows to service_role;
