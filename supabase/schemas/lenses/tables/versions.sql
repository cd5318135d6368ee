create table lenses.versions (
  id uuid default gen_random_uuid() not null,
  lens_id uuid not null,
  version_number integer not null,
  template_body text not null,
  status lenses.lens_status default 'draft'::lenses.lens_status not null,
  input_contract jsonb,
  output_contract jsonb,
  instruction_category lenses.instruction_category default 'instruction'::lenses.instruction_category not null,
  published_at timestamp with time zone,
  archived_at timestamp with time zone,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint versions_pkey PRIMARY KEY (id),
  constraint versions_number_per_lens UNIQUE (lens_id, version_number),
  constraint versions_archived_at_set CHECK (((status = 'archived'::lenses.lens_status) = (archived_at IS NOT NULL))),
  constraint versions_input_contract_shape CHECK (((input_contract IS NULL) OR (cardinality(lenses.fn_contract_errors(input_contract, 'input'::text)) = 0))),
  constraint versions_number_positive CHECK ((version_number >= 1)),
  constraint versions_output_contract_shape CHECK (((output_contract IS NULL) OR (cardinality(lenses.fn_contract_errors(output_contract, 'output'::text)) = 0))),
  constraint versions_published_at_set CHECK ((((status = 'draft'::lenses.lens_status) = (published_at IS NULL)) OR (status = 'archived'::lenses.lens_status))),
  constraint versions_template_length CHECK (((char_length(template_body) >= 1) AND (char_length(template_body) <= 100000))),
  constraint versions_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint versions_lens_id_fkey FOREIGN KEY (lens_id) REFERENCES lenses.lenses(id) ON DELETE CASCADE
);

alter table lenses.versions enable row level security;
comment on table lenses.versions is 'Versioned lens bodies with [[label]] placeholders and contracts. Published versions are immutable.';
comment on column lenses.versions.version_number is 'Per lens, 1..N without gaps, assigned by the insert trigger.';
comment on column lenses.versions.input_contract is 'types/contracts.ts InputContract, or null for none.';
comment on column lenses.versions.output_contract is 'types/contracts.ts OutputContract (kind and artifactKind), or null for none.';

create index versions_created_by_idx on lenses.versions using btree (created_by);

create index versions_lens_idx on lenses.versions using btree (lens_id, status);

create policy versions_insert on lenses.versions
  as permissive for insert to authenticated
  with check ((lens_id IN ( SELECT l.id
   FROM lenses.lenses l
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy versions_select on lenses.versions
  as permissive for select to authenticated
  using ((((status <> 'draft'::lenses.lens_status) AND (lens_id IN ( SELECT l.id
   FROM lenses.lenses l
  WHERE (l.visibility = 'public'::lenses.visibility)))) OR (lens_id IN ( SELECT l.id
   FROM lenses.lenses l
  WHERE (l.lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids))))));

create policy versions_select_anon on lenses.versions
  as permissive for select to anon
  using (((status <> 'draft'::lenses.lens_status) AND (lens_id IN ( SELECT l.id
   FROM lenses.lenses l
  WHERE (l.visibility = 'public'::lenses.visibility)))));

create policy versions_update on lenses.versions
  as permissive for update to authenticated
  using ((lens_id IN ( SELECT l.id
   FROM lenses.lenses l
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))))
  with check ((lens_id IN ( SELECT l.id
   FROM lenses.lenses l
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create trigger versions_before_insert before insert on lenses.versions for each row execute procedure lenses.tg_versions_before_insert();

create trigger versions_guard_delete before delete on lenses.versions for each row execute procedure lenses.tg_versions_guard_delete();

create trigger versions_guard_update before update on lenses.versions for each row execute procedure lenses.tg_versions_guard_update();

create trigger versions_set_updated_at before update on lenses.versions for each row execute procedure lensers.tg_set_updated_at();

create trigger versions_sync_lens_status after insert or delete or update of status on lenses.versions for each row execute procedure lenses.tg_versions_sync_lens_status();

grant select on table lenses.versions to anon, authenticated;
grant all on table lenses.versions to service_role;
grant insert (lens_id) on table lenses.versions to authenticated;
grant insert (template_body), update (template_body) on table lenses.versions to authenticated;
grant update (status) on table lenses.versions to authenticated;
grant insert (input_contract), update (input_contract) on table lenses.versions to authenticated;
grant insert (output_contract), update (output_contract) on table lenses.versions to authenticated;
grant insert (instruction_category), update (instruction_category) on table lenses.versions to authenticated;
grant insert (created_by) on table lenses.versions to authenticated;
