create table agents.contacts (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  display_name text,
  profile_id uuid,
  merged_into_id uuid,
  resolved boolean default true not null,
  resolved_at timestamp with time zone default now(),
  metadata jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint contacts_pkey PRIMARY KEY (id),
  constraint contacts_id_agent_key UNIQUE (id, ai_lenser_id),
  constraint contacts_display_name_length CHECK ((char_length(display_name) <= 200)),
  constraint contacts_resolved_at_set CHECK ((resolved = (resolved_at IS NOT NULL))),
  constraint contacts_not_merged_into_self CHECK ((merged_into_id <> id)),
  constraint contacts_metadata_object CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint contacts_metadata_size CHECK ((octet_length((metadata)::text) <= 16384)),
  constraint contacts_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint contacts_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint contacts_merged_into_id_fkey FOREIGN KEY (merged_into_id) REFERENCES agents.contacts(id) ON DELETE SET NULL
);

alter table agents.contacts enable row level security;
comment on table agents.contacts is 'An agent''s address book: one contact per person per agent, with any number of channel identities. An unresolved contact (an orphan: an unknown sender in a group) stays outside the agent''s trusted context (memory) until resolved.';
comment on column agents.contacts.profile_id is 'The person''s lenser profile when they also have an account (a signed-in web chat user); unique per agent.';
comment on column agents.contacts.merged_into_id is 'Set when this contact was merged into another (agents.contact_merges); its identities, conversations and messages moved there.';
comment on column agents.contacts.resolved is 'False for an orphan (an unknown sender in a group): its messages are kept but nothing of it enters memory until resolve_contact.';

create index contacts_agent_idx on agents.contacts using btree (ai_lenser_id, created_at desc, id desc);
create unique index contacts_agent_profile_key on agents.contacts using btree (ai_lenser_id, profile_id) where (profile_id is not null);
create index contacts_profile_idx on agents.contacts using btree (profile_id) where (profile_id is not null);
create index contacts_merged_into_idx on agents.contacts using btree (merged_into_id) where (merged_into_id is not null);

create policy contacts_select on agents.contacts
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(contacts.ai_lenser_id) AS can_operate_ai_lenser));

create policy contacts_update on agents.contacts
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(contacts.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(contacts.ai_lenser_id) AS can_manage_ai_lenser));

create trigger contacts_set_updated_at before update on agents.contacts for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.contacts to authenticated;
grant update (display_name, resolved, resolved_at) on table agents.contacts to authenticated;
grant all on table agents.contacts to service_role;
