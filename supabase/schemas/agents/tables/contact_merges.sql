create table agents.contact_merges (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  survivor_id uuid not null,
  merged_id uuid not null,
  moved_identity_ids uuid[] default '{}'::uuid[] not null,
  moved_conversation_ids uuid[] default '{}'::uuid[] not null,
  moved_message_ids uuid[] default '{}'::uuid[] not null,
  moved_profile_id uuid,
  merged_by uuid,
  merged_at timestamp with time zone default now() not null,
  unmerged_by uuid,
  unmerged_at timestamp with time zone,
  constraint contact_merges_pkey PRIMARY KEY (id),
  constraint contact_merges_distinct CHECK ((survivor_id <> merged_id)),
  constraint contact_merges_survivor_fkey FOREIGN KEY (survivor_id, ai_lenser_id) REFERENCES agents.contacts(id, ai_lenser_id) ON DELETE CASCADE,
  constraint contact_merges_merged_fkey FOREIGN KEY (merged_id, ai_lenser_id) REFERENCES agents.contacts(id, ai_lenser_id) ON DELETE CASCADE,
  constraint contact_merges_merged_by_fkey FOREIGN KEY (merged_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint contact_merges_unmerged_by_fkey FOREIGN KEY (unmerged_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL
);

alter table agents.contact_merges enable row level security;
comment on table agents.contact_merges is 'A merge of one contact into another and exactly what moved (identities, conversations, messages, the profile link), so unmerge_contacts restores it. unmerged_at is set once.';

create index contact_merges_agent_idx on agents.contact_merges using btree (ai_lenser_id, merged_at desc);
create index contact_merges_survivor_idx on agents.contact_merges using btree (survivor_id);
create index contact_merges_merged_idx on agents.contact_merges using btree (merged_id);
create unique index contact_merges_one_live_per_merged on agents.contact_merges using btree (merged_id) where (unmerged_at is null);
create index contact_merges_merged_by_idx on agents.contact_merges using btree (merged_by) where (merged_by is not null);
create index contact_merges_unmerged_by_idx on agents.contact_merges using btree (unmerged_by) where (unmerged_by is not null);

create policy contact_merges_select on agents.contact_merges
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(contact_merges.ai_lenser_id) AS can_operate_ai_lenser));

grant select on table agents.contact_merges to authenticated;
grant all on table agents.contact_merges to service_role;
