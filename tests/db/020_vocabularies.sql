-- Every vocabulary column (status, kind, type, role, category, visibility, ...) is enforced by the
-- database: an enum type, or a text column with a CHECK constraint that names it. Found from the
-- catalog, so a new free-text status column fails here.
begin;
select plan(2);

create temporary view vocabulary_columns as
select c.table_schema, c.table_name, c.column_name, c.data_type, c.udt_name
from information_schema.columns c
join pg_class t on t.relname = c.table_name and t.relnamespace::regnamespace::text = c.table_schema
where c.table_schema in ('public', 'lensers', 'agents', 'lenses', 'ai')
  and t.relkind in ('r', 'p')
  and c.column_name ~ '(^|_)(status|state|kind|type|role|category|visibility|mode|strategy|level|tier|severity|direction|channel|class|reason|scope|source|policy|tone|style|behavior)$';

select ok((select count(*) from vocabulary_columns) > 5, 'the catalog query finds the vocabulary columns');

select is_empty($$
  select v.table_schema || '.' || v.table_name || '.' || v.column_name || ' (' || v.udt_name || ')'
  from vocabulary_columns v
  where not exists (   -- an enum, or an array of one
      select 1 from pg_type ty
      where ty.typname = ltrim(v.udt_name, '_') and ty.typtype = 'e'
    )
    and not exists (   -- or a CHECK constraint on this column
      select 1 from pg_constraint k
      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
      where k.contype = 'c' and k.conrelid = format('%I.%I', v.table_schema, v.table_name)::regclass
        and a.attname = v.column_name
    )
    and v.data_type not in ('uuid', 'boolean', 'integer', 'bigint', 'numeric', 'timestamp with time zone', 'jsonb')
$$, 'every vocabulary column is an enum or has a CHECK');

select * from finish();
rollback;
