-- Foreign keys of the engine's hot rows point at rows of the same run, not at rows every run shares.
--
-- A foreign-key check locks the referenced row (FOR KEY SHARE). Pointed at a row that every run of
-- a workflow shares (its nodes and edges) or that every call shares (the catalog's model and
-- provider), each check writes a lock on the same tuple, and concurrent workers turn it into a
-- MultiXact per check: every transition of every run serialises on a handful of catalog tuples.
-- Pointed at the run's own results, the check finds a row the transition already holds.
--
--   workflow_runs.active_node_id          -> the run's own result of that node (run_id, node_id)
--   workflow_run_provenance source/target -> the run's own results of those nodes
--   workflow_run_provenance.edge_id       -> no key: the edge of the run's published graph, which
--                                            never changes and goes only with the workflow (and its runs)
--   ai.llm_calls.model_id / provider_id    -> no key: the ledger is history and keeps model_key and
--                                            provider_key as text, so it reads the same after the
--                                            catalog changes
--   workflow_node_results.model_id        -> no key, for the same reason: the model an attempt ran on

alter table lenses.workflow_runs
  drop constraint workflow_runs_active_node_id_fkey,
  add constraint workflow_runs_active_node_is_own_result foreign key (id, active_node_id)
    references lenses.workflow_node_results (run_id, node_id) on delete set null (active_node_id);
comment on column lenses.workflow_runs.active_node_id is
  'The node the inspector shows: the latest node that started running, one of this run''s own results.';

alter table lenses.workflow_run_provenance
  drop constraint workflow_run_provenance_edge_id_fkey,
  drop constraint workflow_run_provenance_source_node_id_fkey,
  drop constraint workflow_run_provenance_target_node_id_fkey,
  add constraint workflow_run_provenance_source_is_own_result foreign key (run_id, source_node_id)
    references lenses.workflow_node_results (run_id, node_id) on delete cascade,
  add constraint workflow_run_provenance_target_is_own_result foreign key (run_id, target_node_id)
    references lenses.workflow_node_results (run_id, node_id) on delete cascade;
-- (run_id, target_node_id) is indexed already (workflow_run_provenance_run_idx).
drop index lenses.workflow_run_provenance_edge_idx;
drop index lenses.workflow_run_provenance_source_idx;
drop index lenses.workflow_run_provenance_target_idx;
create index workflow_run_provenance_source_idx on lenses.workflow_run_provenance (run_id, source_node_id);
comment on column lenses.workflow_run_provenance.edge_id is
  'The edge of the run''s published graph that carried the value (no foreign key: the graph is frozen and goes only with its runs).';

alter table ai.llm_calls
  drop constraint llm_calls_provider_id_fkey,
  drop constraint llm_calls_model_id_fkey;
-- The provider index only served its foreign key (the ledger is read by run, result, or model and day).
drop index ai.llm_calls_provider_idx;
comment on column ai.llm_calls.model_id is
  'The catalog model called (no foreign key: the ledger is history; model_key names it after the catalog changes).';
comment on column ai.llm_calls.provider_id is
  'The catalog provider called (no foreign key: the ledger is history; provider_key names it after the catalog changes).';

alter table lenses.workflow_node_results drop constraint workflow_node_results_model_id_fkey;
comment on column lenses.workflow_node_results.model_id is
  'The model the latest attempt ran on (history: no foreign key, see ai.llm_calls for the call itself).';

-- The node index (for the cascade from workflow_nodes) also names the run, so that a lookup of a
-- run's result of a node never reads that node's results in every run, whichever index the planner
-- picks.
drop index lenses.workflow_node_results_node_idx;
create index workflow_node_results_node_idx on lenses.workflow_node_results (node_id, run_id);
