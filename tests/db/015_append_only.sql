-- Append-only logs, found from the catalog (every table with a row trigger on lenses.tg_append_only):
-- each also refuses TRUNCATE with a statement trigger, and a TRUNCATE is refused for the table's
-- owner and for service_role alike (row triggers never see a TRUNCATE).
begin;
select plan(3);

create temporary table append_only on commit drop as
select distinct t.tgrelid::regclass::text as name
from pg_trigger t join pg_proc f on f.oid = t.tgfoid
where f.oid = 'lenses.tg_append_only'::regproc and not t.tgisinternal;

select ok((select count(*) from append_only) >= 7, 'the append-only logs are found from the catalog');

select is_empty($$
  select a.name from append_only a
  where not exists (
    select 1 from pg_trigger t
    where t.tgrelid = a.name::regclass and t.tgfoid = 'lenses.tg_append_only'::regproc
      and (t.tgtype & 32) <> 0  -- TRUNCATE
      and (t.tgtype & 1) = 0)   -- FOR EACH STATEMENT
$$, 'every append-only table has a statement trigger refusing TRUNCATE');

-- Try TRUNCATE on each, as the owner (postgres) and as service_role; every attempt must be refused.
create temporary table truncations (name text, role text, outcome text) on commit drop;
grant insert, select on truncations to service_role;
create or replace function pg_temp.try_truncate(p_table text, p_role text) returns text language plpgsql as $$
begin
  begin
    execute format('set local role %I', p_role);
    execute format('truncate %s cascade', p_table);
    reset role;
    return 'truncated';
  exception when others then
    reset role;
    return sqlstate;
  end;
end $$;
insert into truncations
select a.name, r.role, pg_temp.try_truncate(a.name, r.role)
from append_only a cross join (values ('postgres'), ('service_role')) r(role);
select is_empty($$select name, role, outcome from truncations where outcome <> '42501'$$,
  'TRUNCATE is refused (42501) on every append-only table, for the owner and for service_role');

select * from finish();
rollback;
