-- After a statement that inserts or updates messages: one pg_notify('channel_messages',
-- <conversation id>) per conversation touched (Postgres folds identical notifications of one
-- transaction into one), delivered at commit. The web chat stream listens and reads from its cursor.
create or replace function agents.tg_messages_notify()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_conversation uuid;
begin
  for v_conversation in select distinct m.conversation_id from changed_messages m loop
    perform pg_catalog.pg_notify('channel_messages', v_conversation::text);
  end loop;
  return null;
end
$function$;

revoke all on function agents.tg_messages_notify() from public;
