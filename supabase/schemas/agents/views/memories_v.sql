-- The entries and their profile's name, for inspection (RLS of both tables applies).
create or replace view agents.memories_v with (security_invoker=true) as
 SELECT m.id,
    m.memory_profile_id,
    p.name AS memory_profile_name,
    m.ai_lenser_id,
    m.scope,
    m.source,
    m.content,
    m.confidence,
    m.expires_at,
    m.redacted_at,
    m.redacted_by,
    m.embedding IS NOT NULL AS has_embedding,
    m.metadata,
    m.created_by,
    m.created_at,
    m.redacted_at IS NULL AND (m.expires_at IS NULL OR m.expires_at > now()) AS is_live
   FROM agents.memories m
     JOIN agents.memory_profiles p ON p.id = m.memory_profile_id;

comment on view agents.memories_v is 'Memory entries with their profile''s name; is_live: neither redacted nor expired.';

grant select on table agents.memories_v to authenticated;
grant all on table agents.memories_v to service_role;
