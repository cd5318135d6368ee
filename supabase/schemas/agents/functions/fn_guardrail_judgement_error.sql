-- Why p_final is not the judgement of p_stored (a verdict of agents.fn_check_guardrails with pending
-- model_judge rules), or null when it is: the same text, direction, agent, team and binding; the
-- hits decided when the message was stored, unchanged and first; after them, at most one model_judge
-- hit per pending rule, naming its version, tier and severity, with the rule's action (or block for
-- a judge that could not answer, judge_unavailable); the verdict those hits make; and the text: null
-- on block, the stored text unless a judge rewrote it.
create or replace function agents.fn_guardrail_judgement_error(p_stored jsonb, p_final jsonb)
 returns text
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_known integer := jsonb_array_length(coalesce(p_stored -> 'hits', '[]'::jsonb));
  v_hit jsonb;
  v_pending jsonb;
  v_seen text[] := array[]::text[];
  v_rewritten boolean := false;
  v_verdict text;
begin
  if (p_final -> 'original', p_final -> 'direction', p_final -> 'aiLenserId', p_final -> 'teamId', p_final -> 'bindingId')
     is distinct from (p_stored -> 'original', p_stored -> 'direction', p_stored -> 'aiLenserId', p_stored -> 'teamId', p_stored -> 'bindingId') then
    return 'its original, direction, aiLenserId, teamId or bindingId is not the stored verdict''s';
  end if;
  if jsonb_array_length(p_final -> 'hits') < v_known
     or coalesce((select jsonb_agg(h order by n) from jsonb_array_elements(p_final -> 'hits') with ordinality x(h, n) where n <= v_known), '[]'::jsonb)
        is distinct from coalesce(p_stored -> 'hits', '[]'::jsonb) then
    return 'the hits decided when the message was stored are not its first hits, unchanged';
  end if;
  for v_hit in select h from jsonb_array_elements(p_final -> 'hits') with ordinality x(h, n) where n > v_known order by n loop
    select e into v_pending from jsonb_array_elements(p_stored -> 'pending') e where e ->> 'ruleId' = v_hit ->> 'ruleId';
    if v_pending is null or v_hit ->> 'ruleId' = any (v_seen) then
      return format('hit %s names no rule that was pending, or one twice', coalesce(v_hit ->> 'ruleId', 'null'));
    end if;
    v_seen := v_seen || (v_hit ->> 'ruleId');
    if v_hit ->> 'kind' is distinct from 'model_judge'
       or (v_hit -> 'ruleVersion', v_hit -> 'tier', v_hit -> 'severity') is distinct from (v_pending -> 'ruleVersion', v_pending -> 'tier', v_pending -> 'severity')
       or not (v_hit ->> 'action' is not distinct from v_pending ->> 'action'
               or (v_hit ->> 'action' = 'block' and v_hit ->> 'reason' is not distinct from 'judge_unavailable')) then
      return format('hit %s is not a judgement of the pending rule it names', v_hit ->> 'ruleId');
    end if;
    v_rewritten := v_rewritten or v_hit ->> 'action' = 'rewrite';
  end loop;
  v_verdict := agents.fn_guardrail_verdict_of(p_final -> 'hits');
  if p_final ->> 'verdict' is distinct from v_verdict then
    return format('its verdict is %s but its hits make %s', coalesce(p_final ->> 'verdict', 'null'), v_verdict);
  end if;
  if v_verdict = 'block' then
    if p_final ->> 'text' is not null then
      return 'a block lets no text go (text must be null)';
    end if;
  elsif jsonb_typeof(p_final -> 'text') is distinct from 'string'
        or (not v_rewritten and p_final ->> 'text' is distinct from p_stored ->> 'text') then
    return 'its text is not the stored verdict''s text (only a judge''s rewrite changes it)';
  end if;
  return null;
end
$function$;

comment on function agents.fn_guardrail_judgement_error(p_stored jsonb, p_final jsonb) is 'Why a fully judged guardrail verdict is not the judgement of the stored verdict with pending rules (null when it is).';

revoke all on function agents.fn_guardrail_judgement_error(p_stored jsonb, p_final jsonb) from public;
grant execute on function agents.fn_guardrail_judgement_error(p_stored jsonb, p_final jsonb) to service_role;
