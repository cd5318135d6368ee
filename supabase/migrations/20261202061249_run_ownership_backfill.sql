-- run_ownership_backfill: hand-written data migration (fix forward, no run lost).
-- Until 20261202061248_run_ownership_budgets_applied_last_api_notes, every run's lenser_id was the workflow's lenser, whoever
-- started it. A run belongs to whoever starts it now; existing rows are moved to their starter where
-- the starter could not act as the workflow's lenser, so that RLS (lenser_id alone) keeps each run
-- readable by the one who started it and hides it from a workflow owner who did not:
--   1. a team run's workflow run belongs to the team run's starter (agents.team_runs.lenser_id);
--   2. any other run whose started_by is neither its lenser nor a human holding (or having held) an
--      ownership of the AI its lenser is, belongs to started_by (a stranger's run of a public
--      workflow). Runs of one's own workflow, of an agent one owns, co-owns or operates, schedule
--      runs (the schedule's lenser owns the workflow) and sub-runs (already the parent run's lenser)
--      keep theirs; a run whose starter is gone (started_by null) keeps its lenser.
-- Only lenser_id changes: events, results, provenance and ledger rows follow their run by run_id,
-- and no trigger fires (none is on lenser_id).
update lenses.workflow_runs r
set lenser_id = t.lenser_id
from agents.team_runs t
where t.workflow_run_id = r.id and r.lenser_id is distinct from t.lenser_id;

update lenses.workflow_runs r
set lenser_id = r.started_by
where r.started_by is not null
  and r.parent_invocation_id is null
  and r.lenser_id <> r.started_by
  and not exists (select 1 from agents.team_runs t where t.workflow_run_id = r.id)
  and not exists (select 1 from agents.ownerships o join agents.ai_lensers a on a.id = o.ai_lenser_id
                  where o.owner_lenser_id = r.started_by and a.profile_id = r.lenser_id);
