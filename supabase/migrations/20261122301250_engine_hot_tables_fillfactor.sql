-- Room on each page for the next versions of the engine's most updated rows. A run row changes with
-- every batch of its nodes: with space on its page the update is HOT (no index entry written). A
-- result changes state three times; its new versions stay near the old ones instead of extending
-- the table at every transition.
alter table lenses.workflow_runs set (fillfactor = 50);
alter table lenses.workflow_node_results set (fillfactor = 70);
