-- Event logs, lineage and the ledger are history: no update, no delete, no truncate, at any trigger
-- depth (a trigger of the caller's own, e.g. on a temporary table, is refused like a direct
-- statement). Two exceptions, each checked against the data, never against the call stack:
--  * DELETE while lenses.fn_purge_runs runs in this transaction (lenses.fn_retention_purge_open):
--    runs and their logs leave only through it (README "Retention");
--  * UPDATE that only sets to null columns of a single-column foreign key ON DELETE SET NULL whose
--    referenced row no longer exists: a deleted profile's events keep their place with a null actor,
--    a deleted tool profile's decisions keep theirs.
-- A TRUNCATE (a statement trigger: row triggers never see it) is always refused.
-- SECURITY DEFINER: it reads lenses.retention_purges and the referenced tables, which the roles
-- changing a log (service_role, cascades) may not read; a trigger function cannot be called directly.
create or replace function lenses.tg_append_only()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_old jsonb;
  v_new jsonb;
  v_column text;
  v_ref_table text;
  v_ref_column text;
  v_ref_type text;
  v_referenced boolean;
  v_changed integer := 0;
begin
  if tg_op = 'DELETE' and lenses.fn_retention_purge_open() then
    return old;
  end if;
  if tg_op = 'UPDATE' then
    v_old := to_jsonb(old);
    v_new := to_jsonb(new);
    for v_column in select k from jsonb_object_keys(v_old) k where v_old -> k is distinct from v_new -> k loop
      v_changed := v_changed + 1;
      if v_new -> v_column <> 'null'::jsonb then
        v_changed := -1;
        exit;
      end if;
      select c.confrelid::regclass::text, ra.attname::text, format_type(ra.atttypid, ra.atttypmod)
        into v_ref_table, v_ref_column, v_ref_type
      from pg_catalog.pg_constraint c
      join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_catalog.pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[1]
      where c.conrelid = tg_relid and c.contype = 'f' and c.confdeltype = 'n'
        and cardinality(c.conkey) = 1 and a.attname = v_column;
      if not found then
        v_changed := -1;
        exit;
      end if;
      execute format('select exists (select 1 from %s r where r.%I = $1::%s)', v_ref_table, v_ref_column, v_ref_type)
        into v_referenced using v_old ->> v_column;
      if v_referenced then
        v_changed := -1;
        exit;
      end if;
    end loop;
    if v_changed > 0 then
      return new;
    end if;
  end if;
  raise exception '%.% is append-only: % is not allowed (runs and their logs leave only through lenses.fn_purge_runs)',
    tg_table_schema, tg_table_name, lower(tg_op)
    using errcode = '42501';
end
$function$;

revoke all on function lenses.tg_append_only() from public;
