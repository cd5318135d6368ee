-- Append-only logs, found from the catalog (every table with a row trigger on lenses.tg_append_only,
-- today's and any added later): each refuses UPDATE, DELETE and TRUNCATE as every role (postgres,
-- the owner; service_role; a signed-in user; anon), directly and from a trigger of the caller's own
-- (a temporary table's trigger: the old pg_trigger_depth() > 1 back door). The only deletes they
-- accept are lenses.fn_purge_runs's (tests/db/017_retention.sql); the only updates, the foreign
-- keys' own ON DELETE SET NULL once the referenced row is gone.
begin;
select plan(12);

create temporary table append_only on commit drop as
select distinct t.tgrelid::regclass::text as name
from pg_trigger t join pg_proc f on f.oid = t.tgfoid
where f.oid = 'lenses.tg_append_only'::regproc and not t.tgisinternal;
grant select on append_only to service_role, authenticated, anon;

select ok((select count(*) from append_only) >= 7, 'the append-only logs are found from the catalog');

select is_empty($$
  select a.name from append_only a
  where not exists (
    select 1 from pg_trigger t
    where t.tgrelid = a.name::regclass and t.tgfoid = 'lenses.tg_append_only'::regproc
      and (t.tgtype & 32) <> 0  -- TRUNCATE
      and (t.tgtype & 1) = 0)   -- FOR EACH STATEMENT
$$, 'every append-only table has a statement trigger refusing TRUNCATE');

select is_empty($$
  select a.name from append_only a
  where not exists (
    select 1 from pg_trigger t
    where t.tgrelid = a.name::regclass and t.tgfoid = 'lenses.tg_append_only'::regproc
      and (t.tgtype & 1) <> 0 and (t.tgtype & 2) <> 0      -- FOR EACH ROW, BEFORE
      and (t.tgtype & 8) <> 0 and (t.tgtype & 16) <> 0)    -- DELETE and UPDATE
$$, 'and a before-row trigger on update and delete');

select is_empty($$
  select a.name || ' grants ' || p.privilege || ' to ' || r.role
  from append_only a
  cross join (values ('service_role'), ('authenticated'), ('anon')) r(role)
  cross join (values ('UPDATE'), ('DELETE'), ('TRUNCATE')) p(privilege)
  where has_table_privilege(r.role, a.name, p.privilege)
$$, 'no client role, service_role included, holds UPDATE, DELETE or TRUNCATE on a log');

-- A row in every log: a run with a completed node fed to a second (events, provenance, ledger), a
-- budget alert, and an agent's turn asking for a tool on a team run (team events, the turn's
-- journal, a policy decision), and a guardrail violation.
\o /dev/null
select tests.create_user('append-only@example.com', '{"handle":"append-only"}') as owner \gset
select tests.authenticate_as(:'owner');
select (public.create_ai_lenser('append-agent', 'Append agent')).id as agent \gset
select tests.published_version('Summarise [[topic]]', '[{"label":"topic","tool_key":"text","required":true}]') as version \gset
select (public.create_workflow(p_title => 'Append-only')).id as workflow \gset
select (public.add_workflow_node(:'workflow', 'first', p_lens_version_id => :'version')).id as n1 \gset
select (public.add_workflow_node(:'workflow', 'second', p_lens_version_id => :'version')).id as n2 \gset
select public.add_workflow_edge(:'n1', :'n2', p_target_input_path => 'topic', p_source_output_path => 'text');
select public.publish_workflow(:'workflow');
select (public.create_budget('workflow', 5, 'month', 'soft', p_workflow_id => :'workflow')).id as budget \gset
select (public.start_workflow_run(:'workflow', '{"topic":"logs"}')).id as run \gset
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'run', 'first') \gset task_
insert into ai.budget_alerts (budget_id, period_start, threshold_percent, spent_credits, limit_credits, run_id)
select p.budget_id, p.period_start, 50, 2.5, 5, :'run' from ai.budget_periods p where p.budget_id = :'budget';
select public.complete_workflow_task(:'task_result_id', :'task_lease_token', 'an answer',
  p_llm_call => '{"input_tokens":3,"output_tokens":2,"latency_ms":4}');
select tests.authenticate_as(:'owner');
select public.create_tool_profile(p_ai_lenser_id => :'agent', p_name => 'T', p_tool_groups => '{utility}', p_is_default => true);
select (public.create_workflow_assignment(p_workflow_id => :'workflow', p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'agent',
  p_approval_policy => '{"requiresApproval":false}')).id as assignment \gset
select (public.run_workflow_assignment(:'assignment', '{"topic":"team logs"}')).workflow_run_id as team_wrun \gset
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'team_wrun', 'first') \gset turn_
select public.record_agent_model_turn(:'turn_result_id', :'turn_lease_token',
  '{"content":"","tool_calls":[{"id":"c1","name":"calculator","arguments":"{\"expression\":\"2+2\"}","input":{"expression":"2+2"}}]}',
  '{"input_tokens":3,"output_tokens":2,"latency_ms":4}');
-- A guardrail violation (an output the agent's log rule matched).
select tests.authenticate_as(:'owner');
select public.create_guardrail_rule('agent', 'Append guard', 'blocked_terms', 'log', '{"terms":["logs"]}', p_ai_lenser_id => :'agent');
select tests.authenticate_as_service_role();
select agents.fn_record_guardrail_verdict(agents.fn_check_guardrails(:'agent', null, null, 'output', 'team logs'));
select agents.fn_emit_event('agents', 'run_completed', tests.profile_id(:'owner'), '{}');
select tests.clear_authentication();
\o

create temporary table counts_before on commit drop as
select a.name, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %s', a.name), false, false, '')))[1]::text::int as n
from append_only a;
select is_empty($$select name from counts_before where n = 0$$, 'the fixture wrote a row in every log');

-- Every role tries UPDATE (a column set to itself), DELETE and TRUNCATE on every log; the outcome is
-- the SQLSTATE and message of the refusal, or what it changed.
create temporary table attempts (name text, role text, op text, how text, outcome text, message text) on commit drop;
grant insert, select on attempts to service_role, authenticated, anon;
create or replace function pg_temp.try_change(p_table text, p_role text, p_op text, p_user uuid) returns text[]
language plpgsql as $$
declare
  v_column text;
  v_n integer;
begin
  select a.attname into v_column from pg_attribute a
  where a.attrelid = p_table::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' and a.attidentity = ''
  order by a.attnum limit 1;
  begin
    case p_role
      when 'authenticated' then perform tests.authenticate_as(p_user);
      when 'anon' then perform tests.authenticate_as_anon();
      when 'service_role' then perform tests.authenticate_as_service_role();
      else perform tests.clear_authentication();
    end case;
    case p_op
      when 'update' then execute format('update %s set %I = %I', p_table, v_column, v_column);
      when 'delete' then execute format('delete from %s', p_table);
      else execute format('truncate %s cascade', p_table);
    end case;
    get diagnostics v_n = row_count;
    perform tests.clear_authentication();
    return array[p_op || ' changed ' || v_n, null];
  exception when others then
    perform tests.clear_authentication();
    return array[sqlstate, sqlerrm];
  end;
end $$;
insert into attempts
select a.name, r.role, o.op, 'direct', x[1], x[2]
from append_only a
cross join (values ('postgres'), ('service_role'), ('authenticated'), ('anon')) r(role)
cross join (values ('update'), ('delete'), ('truncate')) o(op)
cross join lateral pg_temp.try_change(a.name, r.role, o.op, :'owner') x;

select is((select count(*)::int from attempts), (select count(*)::int * 12 from append_only), 'every log, role and operation was tried');
select is_empty($$select name, role, op, outcome, message from attempts where outcome <> '42501'$$,
  'UPDATE, DELETE and TRUNCATE are refused (42501) on every log for every role');
select is_empty($$select name, op, message from attempts where role = 'postgres' and message not like '% is append-only: % is not allowed%'$$,
  'for the owner, who holds every privilege, the append-only trigger is what refuses');

-- From a trigger of the caller's own: a temporary table whose trigger changes a log, as
-- service_role (its grants refuse) and as the owner (the append-only trigger refuses at depth 2).
create or replace function pg_temp.tg_change_a_log() returns trigger language plpgsql as $$
begin
  case new.op
    when 'update' then execute format('update %s set %I = %I', new.name, new.col, new.col);
    when 'delete' then execute format('delete from %s', new.name);
    else execute format('truncate %s cascade', new.name);
  end case;
  return new;
end $$;
create or replace function pg_temp.try_nested(p_table text, p_role text, p_op text) returns text[]
language plpgsql as $$
declare
  v_column text;
begin
  select a.attname into v_column from pg_attribute a
  where a.attrelid = p_table::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' and a.attidentity = ''
  order by a.attnum limit 1;
  begin
    if p_role = 'service_role' then perform tests.authenticate_as_service_role(); end if;
    create temporary table trap (name text, op text, col text);
    create trigger trap_changes_a_log after insert on trap for each row execute function pg_temp.tg_change_a_log();
    insert into trap values (p_table, p_op, v_column);
    raise exception using errcode = 'XX001', message = p_op || ' went through';
  exception when others then
    perform tests.clear_authentication();
    return array[sqlstate, sqlerrm];
  end;
end $$;
grant execute on all functions in schema pg_temp to service_role;
insert into attempts
select a.name, r.role, o.op, 'nested', x[1], x[2]
from append_only a
cross join (values ('postgres'), ('service_role')) r(role)
cross join (values ('update'), ('delete'), ('truncate')) o(op)
cross join lateral pg_temp.try_nested(a.name, r.role, o.op) x;
select is((select count(*)::int from attempts where how = 'nested'), (select count(*)::int * 6 from append_only),
  'every log was tried from a temporary table''s trigger');
select is_empty($$select name, role, op, outcome, message from attempts where how = 'nested' and outcome <> '42501'$$,
  'a nested trigger changes no log either, as service_role or as the owner');

-- The SET NULL exception is about the data, not the caller: nulling an actor who still exists is an edit.
select throws_like(format($$update lenses.workflow_run_events set actor_id = null where run_id = %L and actor_id is not null$$, :'run'),
  '% is append-only: update is not allowed%', 'a log''s foreign key is not nulled while its row exists');

select is_empty($$
  select b.name, b.n, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %s', b.name), false, false, '')))[1]::text::int
  from counts_before b
  where b.n <> (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %s', b.name), false, false, '')))[1]::text::int
$$, 'and every log still holds every row');

select * from finish();
rollback;
