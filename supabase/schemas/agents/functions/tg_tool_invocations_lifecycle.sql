create or replace function agents.tg_tool_invocations_lifecycle()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_access record;
  v_me uuid := (select lensers.current_profile_id());
begin
  if tg_op = 'INSERT' then
    if new.status <> 'requested' then
      raise exception 'tool_invocations: an invocation is inserted as requested, not %', new.status using errcode = '23514';
    end if;
    if new.output is not null or new.error is not null or new.approved_by is not null or new.approved_at is not null
       or new.rejected_by is not null or new.rejected_at is not null or new.rejected_reason is not null
       or new.started_at is not null or new.completed_at is not null or new.cost_credits <> 0 then
      raise exception 'tool_invocations: a new invocation has no outcome, decision or cost yet' using errcode = '23514';
    end if;
    -- (RLS checks the new row after this trigger; a signed-in caller is checked here first, so
    -- that the answer is "not allowed" rather than what this trigger cannot see.)
    if (current_user = 'authenticated' or v_me is not null) and not (select agents.can_operate_ai_lenser(new.ai_lenser_id)) then
      raise exception 'tool_invocations: you do not own, co-own or operate agent %', new.ai_lenser_id using errcode = '42501';
    end if;
    if not exists (select 1 from agents.ai_lensers a where a.id = new.ai_lenser_id and a.is_active) then
      raise exception 'tool_invocations: agent % is not active', new.ai_lenser_id using errcode = 'PT409';
    end if;
    if new.tool_profile_id is null then
      select p.id into new.tool_profile_id from agents.tool_profiles p where p.ai_lenser_id = new.ai_lenser_id and p.is_default;
      if new.tool_profile_id is null then
        raise exception 'tool_invocations: agent % has no default tool profile', new.ai_lenser_id using errcode = '23514';
      end if;
    end if;
    if not agents.fn_tool_usable((select r.owner_id from agents.tools_registry r where r.id = new.tool_id), new.ai_lenser_id) then
      raise exception 'tool_invocations: tool % is another lenser''s custom tool', new.tool_id using errcode = '42501';
    end if;
    select a.* into v_access from agents.fn_tool_access(new.tool_profile_id, new.tool_id) a;
    if not v_access.allowed then
      raise exception 'tool_invocations: %', v_access.reason using errcode = '42501';
    end if;
    new.requires_approval := v_access.requires_approval;
    new.approval_hash := agents.fn_tool_call_hash((select r.key from agents.tools_registry r where r.id = new.tool_id), new.input);
    new.requested_by := coalesce(v_me, new.requested_by);
    -- requested resolves at once: to awaiting_approval, or straight to running.
    if new.requires_approval then
      new.status := 'awaiting_approval';
    else
      new.status := 'running';
      new.started_at := now();
    end if;
    return new;
  end if;

  -- What an invocation was asked to do never changes; links to profiles may only be cleared.
  if (new.ai_lenser_id, new.tool_id, new.requires_approval, new.input, new.created_at, new.step_id, new.workflow_node_result_id,
      new.call_index, new.tool_call_id, new.approval_hash)
     is distinct from (old.ai_lenser_id, old.tool_id, old.requires_approval, old.input, old.created_at, old.step_id, old.workflow_node_result_id,
      old.call_index, old.tool_call_id, old.approval_hash)
     or (new.tool_profile_id is distinct from old.tool_profile_id and new.tool_profile_id is not null)
     or (new.requested_by is distinct from old.requested_by and new.requested_by is not null) then
    raise exception 'tool_invocations: an invocation''s agent, tool, profile, input and links never change' using errcode = '23514';
  end if;

  if new.status = old.status then
    if (new.output, new.error, new.approved_at, new.rejected_at, new.rejected_reason, new.cost_credits, new.started_at, new.completed_at, new.latency_ms)
       is distinct from (old.output, old.error, old.approved_at, old.rejected_at, old.rejected_reason, old.cost_credits, old.started_at, old.completed_at, old.latency_ms)
       or (new.approved_by is distinct from old.approved_by and new.approved_by is not null)
       or (new.rejected_by is distinct from old.rejected_by and new.rejected_by is not null) then
      raise exception 'tool_invocations: a % invocation changes only by moving on in its lifecycle', old.status using errcode = 'PT409';
    end if;
    return new;
  end if;

  if old.status = 'awaiting_approval' and new.status in ('approved', 'rejected') then
    -- A signed-in caller decides for themself and must own or co-own the agent; the platform
    -- (service role) records a decision on someone's behalf and names them.
    if current_user = 'authenticated' or v_me is not null then
      if v_me is null or not (select agents.can_manage_ai_lenser(new.ai_lenser_id)) then
        raise exception 'tool_invocations: only an owner or co-owner of agent % may approve or reject its tool calls', new.ai_lenser_id
          using errcode = '42501';
      end if;
    end if;
    if new.status = 'approved' then
      new.approved_by := coalesce(v_me, new.approved_by);
      new.approved_at := now();
      if new.approved_by is null then
        raise exception 'tool_invocations: an approval names who approved' using errcode = '23514';
      end if;
    else
      new.rejected_by := coalesce(v_me, new.rejected_by);
      new.rejected_at := now();
      new.completed_at := now();
      if new.rejected_by is null then
        raise exception 'tool_invocations: a rejection names who rejected' using errcode = '23514';
      end if;
    end if;
  elsif old.status = 'approved' and new.status = 'running' then
    new.started_at := now();
  elsif old.status = 'running' and new.status in ('succeeded', 'failed') then
    new.completed_at := now();
  else
    raise exception 'tool_invocations: status cannot go from % to %', old.status, new.status using errcode = 'PT409';
  end if;
  if (new.output is distinct from old.output or new.error is distinct from old.error or new.cost_credits is distinct from old.cost_credits
      or new.latency_ms is distinct from old.latency_ms)
     and new.status not in ('succeeded', 'failed') then
    raise exception 'tool_invocations: output, error and cost are recorded when the call ends' using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_tool_invocations_lifecycle() from public;
