-- Blocking edges form no cycle: a new blocking edge source -> target is refused when the source is
-- already reachable from the target along blocking edges. A breadth-first search from the target,
-- each member visited once (linear in the team's size), remembers how it reached each member, so a
-- refusal names the shortest cycle. The per-team advisory lock makes two concurrent inserts see each
-- other. SECURITY DEFINER: the check must see every edge of the team, whoever the caller.
create or replace function agents.tg_team_edges_no_blocking_cycle()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_parents jsonb;          -- member id -> the member it was reached from ('' for the target)
  v_frontier uuid[];
  v_next jsonb;
  v_path uuid[];
  v_at text;
begin
  if not new.is_blocking then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('agents.team_edges:' || new.team_id::text, 0));
  v_parents := jsonb_build_object(new.target_member_id::text, '');
  v_frontier := array[new.target_member_id];
  while cardinality(v_frontier) > 0 and not v_parents ? new.source_member_id::text loop
    select coalesce(jsonb_object_agg(x.target_id, x.source_id), '{}'::jsonb), coalesce(array_agg(x.target_id), '{}'::uuid[])
    into v_next, v_frontier
    from (
      select distinct on (e.target_member_id) e.target_member_id as target_id, e.source_member_id as source_id
      from agents.team_edges e
      where e.team_id = new.team_id and e.is_blocking and e.id <> new.id
        and e.source_member_id = any (v_frontier)
        and not v_parents ? e.target_member_id::text
      order by e.target_member_id, e.source_member_id
    ) x;
    v_parents := v_parents || v_next;
  end loop;
  if not v_parents ? new.source_member_id::text then
    return new;
  end if;
  v_at := new.source_member_id::text;
  v_path := array[new.source_member_id];
  while v_parents ->> v_at <> '' loop
    v_at := v_parents ->> v_at;
    v_path := v_at::uuid || v_path;
  end loop;
  raise exception 'team_edges: a blocking edge from member % to member % would close a cycle of blocking edges (% -> %)',
    new.source_member_id, new.target_member_id, new.source_member_id, array_to_string(v_path, ' -> ')
    using errcode = '23514';
end
$function$;

revoke all on function agents.tg_team_edges_no_blocking_cycle() from public;
