-- Event logs and lineage are history: no update, no delete, no truncate. The only changes are the
-- ones foreign keys make when a referenced row goes (a run's deletion cascades; a deleted profile's
-- events keep their place with a null actor); those arrive from the foreign key's own trigger. A
-- TRUNCATE (a statement trigger: row triggers never see it) is refused at any depth.
create or replace function lenses.tg_append_only()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if tg_op <> 'TRUNCATE' and pg_trigger_depth() > 1 then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  raise exception '%.% is append-only: % is not allowed', tg_table_schema, tg_table_name, lower(tg_op)
    using errcode = '42501';
end
$function$;

revoke all on function lenses.tg_append_only() from public;
