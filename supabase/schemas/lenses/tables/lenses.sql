create table lenses.lenses (
  id uuid default gen_random_uuid() not null,
  lenser_id uuid not null,
  title text not null,
  description text,
  content text,
  visibility lenses.visibility default 'private'::lenses.visibility not null,
  status lenses.lens_status default 'draft'::lenses.lens_status not null,
  tags text[] default '{}'::text[] not null,
  params jsonb default '{}'::jsonb not null,
  published_at timestamp with time zone,
  archived_at timestamp with time zone,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint lenses_pkey PRIMARY KEY (id),
  constraint lenses_archived_at_set CHECK (((status = 'archived'::lenses.lens_status) = (archived_at IS NOT NULL))),
  constraint lenses_content_length CHECK ((char_length(content) <= 100000)),
  constraint lenses_description_length CHECK ((char_length(description) <= 10000)),
  constraint lenses_params_shape CHECK ((cardinality(lenses.fn_lens_params_errors(params)) = 0)),
  constraint lenses_published_at_set CHECK (((status <> 'published'::lenses.lens_status) OR (published_at IS NOT NULL))),
  constraint lenses_tags_valid CHECK (lenses.fn_tags_valid(tags)),
  constraint lenses_title_length CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200))),
  constraint lenses_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint lenses_lenser_id_fkey FOREIGN KEY (lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE
);

alter table lenses.lenses enable row level security;
comment on table lenses.lenses is 'A lens: an authored prompt template, versioned in lenses.versions. Status is derived from archived_at and the versions.';
comment on column lenses.lenses.content is 'Long-form description of the lens (markdown), shown on its page.';
comment on column lenses.lenses.status is 'Derived: archived when archived_at is set, else published while a version is published, else draft.';
comment on column lenses.lenses.params is 'UI metadata for the lens form (types/lens-params.ts): prefill defaults, icon, colour, field order. Rendering ignores it.';

create index lenses_created_by_idx on lenses.lenses using btree (created_by);

create index lenses_lenser_idx on lenses.lenses using btree (lenser_id, status);

create index lenses_tags_idx on lenses.lenses using gin (tags);

create index lenses_visibility_idx on lenses.lenses using btree (visibility, status);

create policy lenses_insert on lenses.lenses
  as permissive for insert to authenticated
  with check ((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create policy lenses_select on lenses.lenses
  as permissive for select to authenticated
  using (((visibility = 'public'::lenses.visibility) OR (lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids))));

create policy lenses_select_anon on lenses.lenses
  as permissive for select to anon
  using ((visibility = 'public'::lenses.visibility));

create policy lenses_update on lenses.lenses
  as permissive for update to authenticated
  using ((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))
  with check ((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create trigger lenses_derive_status before insert or update on lenses.lenses for each row execute procedure lenses.tg_lenses_derive_status();

create trigger lenses_set_updated_at before update on lenses.lenses for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.lenses to anon, authenticated;
grant all on table lenses.lenses to service_role;
grant insert (lenser_id) on table lenses.lenses to authenticated;
grant insert (title), update (title) on table lenses.lenses to authenticated;
grant insert (description), update (description) on table lenses.lenses to authenticated;
grant insert (content), update (content) on table lenses.lenses to authenticated;
grant insert (visibility), update (visibility) on table lenses.lenses to authenticated;
grant insert (tags), update (tags) on table lenses.lenses to authenticated;
grant insert (params), update (params) on table lenses.lenses to authenticated;
grant update (archived_at) on table lenses.lenses to authenticated;
grant insert (created_by) on table lenses.lenses to authenticated;
