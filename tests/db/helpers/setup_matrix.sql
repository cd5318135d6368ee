-- Helpers for the RLS matrix (900_rls_matrix.sql): rows written since a transaction began (its own
-- xid and the subtransactions after it), and attempts to change them as the current role.
set client_min_messages = warning;

-- Marks now as the start of "this transaction's rows".
create or replace function tests.mark_transaction_start() returns void
language sql set search_path = '' as $$
  select set_config('tests.start_xid', pg_current_xact_id()::xid::text, true)
$$;

create or replace function tests.rows_of_this_transaction(p_table text) returns integer
language plpgsql set search_path = '' as $$
declare
  v_n integer;
begin
  execute format('select count(*) from %s where xmin::text::bigint >= %s', p_table,
    current_setting('tests.start_xid')::bigint) into v_n;
  return v_n;
exception when insufficient_privilege then
  return 0; -- a role without SELECT on the table reads nothing of it
end $$;

-- Tries to update (each column set to itself) this transaction's rows of a table: the number of
-- rows touched, or 'denied' when privileges forbid it, or the error it raised.
create or replace function tests.try_update_rows_of_this_transaction(p_table text) returns text
language plpgsql set search_path = '' as $$
declare
  v_column text;
  v_n integer;
begin
  select a.attname into v_column from pg_attribute a
  where a.attrelid = p_table::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' and a.attidentity = ''
  order by has_column_privilege(p_table::regclass, a.attnum, 'UPDATE') desc, a.attnum
  limit 1;
  execute format('update %s set %I = %I where xmin::text::bigint >= %s', p_table, v_column, v_column,
    current_setting('tests.start_xid')::bigint);
  get diagnostics v_n = row_count;
  return v_n::text;
exception
  when insufficient_privilege then return 'denied';
  when others then return format('error %s: %s', sqlstate, sqlerrm);
end $$;

create or replace function tests.try_delete_rows_of_this_transaction(p_table text) returns text
language plpgsql set search_path = '' as $$
declare
  v_n integer;
begin
  execute format('delete from %s where xmin::text::bigint >= %s', p_table, current_setting('tests.start_xid')::bigint);
  get diagnostics v_n = row_count;
  return v_n::text;
exception
  when insufficient_privilege then return 'denied';
  when others then return format('error %s: %s', sqlstate, sqlerrm);
end $$;

grant execute on function tests.mark_transaction_start(), tests.rows_of_this_transaction(text),
  tests.try_update_rows_of_this_transaction(text), tests.try_delete_rows_of_this_transaction(text)
  to anon, authenticated, service_role;
