-- Each node with what the engine needs, resolved: template, contracts and parameters from its
-- version or inline override, and the config fields typed.
create or replace view lenses.workflow_nodes_v with (security_invoker=true) as
 SELECT n.id,
    n.workflow_id,
    n.key,
    n.title,
    n.kind,
    n.lens_version_id,
    v.lens_id,
    v.version_number,
    v.status AS version_status,
        CASE
            WHEN n.lens_version_id IS NOT NULL THEN v.template_body
            ELSE n.inline_override ->> 'template_body'::text
        END AS template_body,
        CASE
            WHEN n.lens_version_id IS NOT NULL THEN v.input_contract
            ELSE NULLIF(n.inline_override -> 'input_contract'::text, 'null'::jsonb)
        END AS input_contract,
        CASE
            WHEN n.lens_version_id IS NOT NULL THEN v.output_contract
            ELSE NULLIF(n.inline_override -> 'output_contract'::text, 'null'::jsonb)
        END AS output_contract,
        CASE
            WHEN n.lens_version_id IS NOT NULL THEN v.instruction_category
            ELSE (n.inline_override ->> 'instruction_category'::text)::lenses.instruction_category
        END AS instruction_category,
        CASE
            WHEN n.lens_version_id IS NOT NULL THEN lenses.fn_version_parameter_defs(n.lens_version_id)
            WHEN n.inline_override IS NOT NULL THEN lenses.fn_inline_parameter_defs(n.inline_override)
            ELSE NULL::jsonb
        END AS parameter_defs,
    (n.config ->> 'model_id'::text)::uuid AS model_id,
    (n.config ->> 'timeout_ms'::text)::bigint AS timeout_ms,
    n.config -> 'retry'::text AS retry,
    COALESCE(n.config -> 'params'::text, '{}'::jsonb) AS params,
    n.config ->> 'prompt'::text AS prompt,
    n.config -> 'position'::text AS "position",
    n.config
   FROM lenses.workflow_nodes n
     LEFT JOIN lenses.versions v ON v.id = n.lens_version_id;

comment on view lenses.workflow_nodes_v is 'Workflow nodes resolved for the engine: template, contracts and parameters of the version or inline override; typed config.';

grant select on table lenses.workflow_nodes_v to anon, authenticated;
grant all on table lenses.workflow_nodes_v to service_role;
