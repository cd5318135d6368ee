create table agents.contact_identities (
  id uuid default gen_random_uuid() not null,
  contact_id uuid not null,
  ai_lenser_id uuid not null,
  channel agents.channel not null,
  external_id text not null,
  display_name text,
  created_at timestamp with time zone default now() not null,
  constraint contact_identities_pkey PRIMARY KEY (id),
  constraint contact_identities_external_key UNIQUE (ai_lenser_id, channel, external_id),
  constraint contact_identities_external_id_shape CHECK (
    CASE channel
      WHEN 'whatsapp'::agents.channel THEN (external_id ~ '^[0-9]{1,32}$'::text)
      WHEN 'slack'::agents.channel THEN (external_id ~ '^[A-Z0-9]{1,32}$'::text)
      ELSE (external_id ~ '^(visitor|user):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'::text)
    END),
  constraint contact_identities_display_name_length CHECK ((char_length(display_name) <= 200)),
  constraint contact_identities_contact_fkey FOREIGN KEY (contact_id, ai_lenser_id) REFERENCES agents.contacts(id, ai_lenser_id) ON DELETE CASCADE
);

alter table agents.contact_identities enable row level security;
comment on table agents.contact_identities is 'How a contact appears on a channel: whatsapp wa_id (digits), slack user id, web visitor:<uuid> or user:<profile id>. Unique per agent.';

create index contact_identities_contact_idx on agents.contact_identities using btree (contact_id);
create index contact_identities_agent_idx on agents.contact_identities using btree (ai_lenser_id);

create policy contact_identities_select on agents.contact_identities
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(contact_identities.ai_lenser_id) AS can_operate_ai_lenser));

grant select on table agents.contact_identities to authenticated;
grant all on table agents.contact_identities to service_role;
