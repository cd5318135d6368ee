-- The default reply workflow of an agent on a channel, made as the caller (an owner or co-owner of
-- the agent, in create_channel_binding) through the same RPCs a client uses: a private lens
-- "Reply on <channel>" owned by the agent's profile, whose published version is the template
-- [[conversation]] (one textarea parameter: the conversation so far, oldest first), and a published
-- one-node workflow (node "reply") owned by the agent's profile. An agent already having a published
-- workflow of that title gets it back instead of a new one. Returns the workflow's id.
create or replace function agents.fn_create_reply_workflow(p_ai_lenser_id uuid, p_channel agents.channel)
 returns uuid
 language plpgsql
 set search_path to ''
as $function$
declare
  v_profile_id uuid := (select a.profile_id from agents.ai_lensers a where a.id = p_ai_lenser_id);
  v_title text := 'Reply on ' || p_channel::text;
  v_workflow uuid;
  v_lens uuid;
  v_version uuid;
begin
  select w.id into v_workflow from lenses.workflows w
  where w.lenser_id = v_profile_id and w.title = v_title and w.status = 'published'
  order by w.created_at limit 1;
  if v_workflow is not null then
    return v_workflow;
  end if;
  v_lens := (public.create_lens(p_title => v_title,
    p_description => 'How this agent answers a conversation on ' || p_channel::text || ' (made with its channel binding).',
    p_visibility => 'private', p_lenser_id => v_profile_id)).id;
  v_version := (public.create_lens_version(p_lens_id => v_lens, p_template_body => '[[conversation]]',
    p_parameters => '[{"label":"conversation","tool_key":"textarea","required":true,"display_name":"Conversation"}]'::jsonb) ->> 'id')::uuid;
  perform public.publish_lens_version(v_version);
  v_workflow := (public.create_workflow(p_title => v_title, p_visibility => 'private', p_lenser_id => v_profile_id)).id;
  perform public.add_workflow_node(v_workflow, 'reply', p_lens_version_id => v_version);
  perform public.publish_workflow(v_workflow);
  return v_workflow;
end
$function$;

comment on function agents.fn_create_reply_workflow(p_ai_lenser_id uuid, p_channel agents.channel) is 'The agent''s default reply workflow on a channel (a private "Reply on <channel>" lens and one-node workflow owned by the agent), made as the caller; reused when it exists.';

revoke all on function agents.fn_create_reply_workflow(p_ai_lenser_id uuid, p_channel agents.channel) from public;
grant execute on function agents.fn_create_reply_workflow(p_ai_lenser_id uuid, p_channel agents.channel) to authenticated;
