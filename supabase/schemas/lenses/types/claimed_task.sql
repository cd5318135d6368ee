-- One task as a worker receives it: what the call needs (claim_workflow_tasks, and the tasks of
-- complete_workflow_tasks).
create type lenses.claimed_task as (
  result_id uuid,
  run_id uuid,
  node_id uuid,
  node_key text,
  attempt integer,
  lease_token uuid,
  lease_expires_at timestamp with time zone,
  prompt text,
  input_data jsonb,
  output_contract jsonb,
  timeout_ms integer,
  model_id uuid,
  model_key text,
  provider_key text,
  provider_adapter ai.provider_adapter,
  provider_base_url text,
  api_key_env text,
  model_params jsonb,
  agent jsonb
);
