-- Argument and authority checks shared by the agents RPCs. Each raises the project's error shape:
-- '<rpc>: <argument> ...' with SQLSTATE 22023 for a bad value and 42501 for a caller without the
-- right. SECURITY INVOKER: they only look at their arguments and at the authority helpers.

-- A required argument: null is refused (an enum's message lists its values).
create function agents.fn_rpc_not_null(p_rpc text, p_arg text, p_value anyelement) returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_values text;
begin
  if p_value is null then
    select string_agg(e.enumlabel::text, ', ' order by e.enumsortorder) into v_values
    from pg_catalog.pg_enum e where e.enumtypid = pg_catalog.pg_typeof(p_value)::oid;
    if v_values is not null then
      raise exception '%: % is required (one of %)', p_rpc, p_arg, v_values using errcode = '22023';
    end if;
    raise exception '%: % is required', p_rpc, p_arg using errcode = '22023';
  end if;
end
$$;

-- A text of 1..p_max characters once trimmed.
create function agents.fn_rpc_text(p_rpc text, p_arg text, p_value text, p_max integer) returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_value is null or char_length(btrim(p_value)) not between 1 and p_max then
    raise exception '%: % must be 1 to % characters', p_rpc, p_arg, p_max using errcode = '22023';
  end if;
end
$$;

-- The caller owns or co-owns the agent (the service role acts for the platform and passes).
create function agents.fn_rpc_require_manage(p_rpc text, p_ai_lenser_id uuid) returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_ai_lenser_id is null then
    raise exception '%: p_ai_lenser_id is required', p_rpc using errcode = '22023';
  end if;
  if current_user <> 'service_role' and not (select agents.can_manage_ai_lenser(p_ai_lenser_id)) then
    raise exception '%: you do not own or co-own agent %', p_rpc, p_ai_lenser_id using errcode = '42501';
  end if;
end
$$;

-- The caller owns, co-owns or operates the agent (the service role passes).
create function agents.fn_rpc_require_operate(p_rpc text, p_ai_lenser_id uuid) returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_ai_lenser_id is null then
    raise exception '%: p_ai_lenser_id is required', p_rpc using errcode = '22023';
  end if;
  if current_user <> 'service_role' and not (select agents.can_operate_ai_lenser(p_ai_lenser_id)) then
    raise exception '%: you do not own, co-own or operate agent %', p_rpc, p_ai_lenser_id using errcode = '42501';
  end if;
end
$$;

revoke execute on function agents.fn_rpc_not_null(text, text, anyelement), agents.fn_rpc_text(text, text, text, integer),
  agents.fn_rpc_require_manage(text, uuid),
  agents.fn_rpc_require_operate(text, uuid) from public;
grant execute on function agents.fn_rpc_not_null(text, text, anyelement), agents.fn_rpc_text(text, text, text, integer),
  agents.fn_rpc_require_manage(text, uuid),
  agents.fn_rpc_require_operate(text, uuid) to authenticated, service_role;
