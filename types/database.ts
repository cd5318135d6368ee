export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
  "agents": {
    Tables: {
      "agent_run_events": {
        Row: {
          "actor_id": string | null;
          "event_id": number;
          "event_type": Database["lenses"]["Enums"]["run_event_type"];
          "occurred_at": string;
          "payload": NonNullable<Json>;
          "step_id": string | null;
          "team_run_id": string;
        };
        ComputedFields: never;
        Insert: {
          "actor_id"?: string | null;
          "event_id": number;
          "event_type": Database["lenses"]["Enums"]["run_event_type"];
          "occurred_at"?: string;
          "payload"?: NonNullable<Json>;
          "step_id"?: string | null;
          "team_run_id": string;
        };
        Update: {
          "actor_id"?: string | null;
          "event_id"?: number;
          "event_type"?: Database["lenses"]["Enums"]["run_event_type"];
          "occurred_at"?: string;
          "payload"?: NonNullable<Json>;
          "step_id"?: string | null;
          "team_run_id"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "agent_run_events_step_id_fkey";
            columns: ["step_id"];
            isOneToOne: false;
            referencedRelation: "agent_run_steps";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "agent_run_events_team_run_id_fkey";
            columns: ["team_run_id"];
            isOneToOne: false;
            referencedRelation: "team_runs";
            referencedColumns: ["id"];
          },
        ];
      };
      "agent_run_steps": {
        Row: {
          "ai_lenser_id": string;
          "awaiting_review": boolean;
          "blocker_summary": string | null;
          "candidate_output": Json | null;
          "created_at": string;
          "current_task": string | null;
          "finished_at": string | null;
          "id": string;
          "kind": Database["agents"]["Enums"]["agent_run_step_kind"];
          "lane": number;
          "member_id": string | null;
          "member_source": Database["agents"]["Enums"]["step_member_source"];
          "node_id": string;
          "node_key": string;
          "node_result_id": string;
          "payload": NonNullable<Json>;
          "recent_output_summary": string | null;
          "review_feedback": string | null;
          "review_rounds": number;
          "reviewer_member_id": string | null;
          "started_at": string | null;
          "status": Database["agents"]["Enums"]["agent_run_step_status"];
          "team_run_id": string;
          "title": string;
          "updated_at": string;
          "workflow_order": number;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "awaiting_review"?: boolean;
          "blocker_summary"?: string | null;
          "candidate_output"?: Json | null;
          "created_at"?: string;
          "current_task"?: string | null;
          "finished_at"?: string | null;
          "id"?: string;
          "kind"?: Database["agents"]["Enums"]["agent_run_step_kind"];
          "lane"?: number;
          "member_id"?: string | null;
          "member_source": Database["agents"]["Enums"]["step_member_source"];
          "node_id": string;
          "node_key": string;
          "node_result_id": string;
          "payload"?: NonNullable<Json>;
          "recent_output_summary"?: string | null;
          "review_feedback"?: string | null;
          "review_rounds"?: number;
          "reviewer_member_id"?: string | null;
          "started_at"?: string | null;
          "status"?: Database["agents"]["Enums"]["agent_run_step_status"];
          "team_run_id": string;
          "title": string;
          "updated_at"?: string;
          "workflow_order"?: number;
        };
        Update: {
          "ai_lenser_id"?: string;
          "awaiting_review"?: boolean;
          "blocker_summary"?: string | null;
          "candidate_output"?: Json | null;
          "created_at"?: string;
          "current_task"?: string | null;
          "finished_at"?: string | null;
          "id"?: string;
          "kind"?: Database["agents"]["Enums"]["agent_run_step_kind"];
          "lane"?: number;
          "member_id"?: string | null;
          "member_source"?: Database["agents"]["Enums"]["step_member_source"];
          "node_id"?: string;
          "node_key"?: string;
          "node_result_id"?: string;
          "payload"?: NonNullable<Json>;
          "recent_output_summary"?: string | null;
          "review_feedback"?: string | null;
          "review_rounds"?: number;
          "reviewer_member_id"?: string | null;
          "started_at"?: string | null;
          "status"?: Database["agents"]["Enums"]["agent_run_step_status"];
          "team_run_id"?: string;
          "title"?: string;
          "updated_at"?: string;
          "workflow_order"?: number;
        };
        Relationships: [
          {
            foreignKeyName: "agent_run_steps_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "agent_run_steps_member_id_fkey";
            columns: ["member_id"];
            isOneToOne: false;
            referencedRelation: "team_members";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "agent_run_steps_reviewer_member_id_fkey";
            columns: ["reviewer_member_id"];
            isOneToOne: false;
            referencedRelation: "team_members";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "agent_run_steps_team_run_id_fkey";
            columns: ["team_run_id"];
            isOneToOne: false;
            referencedRelation: "team_runs";
            referencedColumns: ["id"];
          },
        ];
      };
      "agent_turn_messages": {
        Row: {
          "content": string;
          "created_at": string;
          "is_error": boolean;
          "node_result_id": string;
          "role": string;
          "seq": number;
          "tool_call_id": string | null;
          "tool_calls": Json | null;
          "tool_invocation_id": string | null;
          "tool_name": string | null;
          "turn_no": number;
        };
        ComputedFields: never;
        Insert: {
          "content"?: string;
          "created_at"?: string;
          "is_error"?: boolean;
          "node_result_id": string;
          "role": string;
          "seq": number;
          "tool_call_id"?: string | null;
          "tool_calls"?: Json | null;
          "tool_invocation_id"?: string | null;
          "tool_name"?: string | null;
          "turn_no": number;
        };
        Update: {
          "content"?: string;
          "created_at"?: string;
          "is_error"?: boolean;
          "node_result_id"?: string;
          "role"?: string;
          "seq"?: number;
          "tool_call_id"?: string | null;
          "tool_calls"?: Json | null;
          "tool_invocation_id"?: string | null;
          "tool_name"?: string | null;
          "turn_no"?: number;
        };
        Relationships: [
          {
            foreignKeyName: "agent_turn_messages_tool_invocation_id_fkey";
            columns: ["tool_invocation_id"];
            isOneToOne: false;
            referencedRelation: "tool_invocations";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "agent_turn_messages_tool_invocation_id_fkey";
            columns: ["tool_invocation_id"];
            isOneToOne: false;
            referencedRelation: "tool_invocations_v";
            referencedColumns: ["id"];
          },
        ];
      };
      "agent_turns": {
        Row: {
          "ai_lenser_id": string;
          "memory_ids": (string)[];
          "memory_profile_id": string | null;
          "node_result_id": string;
          "personality_profile_id": string | null;
          "prompt_hash": string;
          "started_at": string;
          "tool_profile_id": string | null;
          "turn_no": number;
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "memory_ids"?: (string)[];
          "memory_profile_id"?: string | null;
          "node_result_id": string;
          "personality_profile_id"?: string | null;
          "prompt_hash": string;
          "started_at"?: string;
          "tool_profile_id"?: string | null;
          "turn_no"?: number;
          "updated_at"?: string;
        };
        Update: {
          "ai_lenser_id"?: string;
          "memory_ids"?: (string)[];
          "memory_profile_id"?: string | null;
          "node_result_id"?: string;
          "personality_profile_id"?: string | null;
          "prompt_hash"?: string;
          "started_at"?: string;
          "tool_profile_id"?: string | null;
          "turn_no"?: number;
          "updated_at"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "agent_turns_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "agent_turns_memory_profile_id_fkey";
            columns: ["memory_profile_id"];
            isOneToOne: false;
            referencedRelation: "memory_profiles";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "agent_turns_personality_profile_id_fkey";
            columns: ["personality_profile_id"];
            isOneToOne: false;
            referencedRelation: "personality_profiles";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "agent_turns_tool_profile_id_fkey";
            columns: ["tool_profile_id"];
            isOneToOne: false;
            referencedRelation: "tool_profiles";
            referencedColumns: ["id"];
          },
        ];
      };
      "ai_lensers": {
        Row: {
          "created_at": string;
          "id": string;
          "is_active": boolean;
          "max_tool_iterations": number;
          "personality_note": string | null;
          "profile_id": string;
          "runtime_pref": Database["agents"]["Enums"]["runtime_pref"];
          "suspended_at": string | null;
          "suspended_reason": string | null;
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "created_at"?: string;
          "id"?: string;
          "is_active"?: boolean;
          "max_tool_iterations"?: number;
          "personality_note"?: string | null;
          "profile_id": string;
          "runtime_pref"?: Database["agents"]["Enums"]["runtime_pref"];
          "suspended_at"?: string | null;
          "suspended_reason"?: string | null;
          "updated_at"?: string;
        };
        Update: {
          "created_at"?: string;
          "id"?: string;
          "is_active"?: boolean;
          "max_tool_iterations"?: number;
          "personality_note"?: string | null;
          "profile_id"?: string;
          "runtime_pref"?: Database["agents"]["Enums"]["runtime_pref"];
          "suspended_at"?: string | null;
          "suspended_reason"?: string | null;
          "updated_at"?: string;
        };
        Relationships: [];
      };
      "channel_bindings": {
        Row: {
          "access_token_env": string | null;
          "ai_lenser_id": string;
          "allowed_origins": (string)[];
          "app_secret_env": string | null;
          "bot_token_env": string | null;
          "channel": Database["agents"]["Enums"]["channel"];
          "created_at": string;
          "created_by": string | null;
          "debounce_ms": number;
          "fallback_text": string;
          "id": string;
          "loop_guard_max_turns": number;
          "loop_guard_window_seconds": number;
          "memory_profile_id": string | null;
          "model_profile_id": string | null;
          "name": string;
          "personality_profile_id": string | null;
          "reply_workflow_id": string | null;
          "routing_key": string;
          "send_rate_per_second": number;
          "signing_secret_env": string | null;
          "status": Database["agents"]["Enums"]["binding_status"];
          "tool_profile_id": string | null;
          "updated_at": string;
          "verify_token_env": string | null;
          "version": number;
          "whatsapp_template": Json | null;
        };
        ComputedFields: never;
        Insert: {
          "access_token_env"?: string | null;
          "ai_lenser_id": string;
          "allowed_origins"?: (string)[];
          "app_secret_env"?: string | null;
          "bot_token_env"?: string | null;
          "channel": Database["agents"]["Enums"]["channel"];
          "created_at"?: string;
          "created_by"?: string | null;
          "debounce_ms"?: number;
          "fallback_text"?: string;
          "id"?: string;
          "loop_guard_max_turns"?: number;
          "loop_guard_window_seconds"?: number;
          "memory_profile_id"?: string | null;
          "model_profile_id"?: string | null;
          "name": string;
          "personality_profile_id"?: string | null;
          "reply_workflow_id"?: string | null;
          "routing_key": string;
          "send_rate_per_second"?: number;
          "signing_secret_env"?: string | null;
          "status"?: Database["agents"]["Enums"]["binding_status"];
          "tool_profile_id"?: string | null;
          "updated_at"?: string;
          "verify_token_env"?: string | null;
          "version"?: number;
          "whatsapp_template"?: Json | null;
        };
        Update: {
          "access_token_env"?: string | null;
          "ai_lenser_id"?: string;
          "allowed_origins"?: (string)[];
          "app_secret_env"?: string | null;
          "bot_token_env"?: string | null;
          "channel"?: Database["agents"]["Enums"]["channel"];
          "created_at"?: string;
          "created_by"?: string | null;
          "debounce_ms"?: number;
          "fallback_text"?: string;
          "id"?: string;
          "loop_guard_max_turns"?: number;
          "loop_guard_window_seconds"?: number;
          "memory_profile_id"?: string | null;
          "model_profile_id"?: string | null;
          "name"?: string;
          "personality_profile_id"?: string | null;
          "reply_workflow_id"?: string | null;
          "routing_key"?: string;
          "send_rate_per_second"?: number;
          "signing_secret_env"?: string | null;
          "status"?: Database["agents"]["Enums"]["binding_status"];
          "tool_profile_id"?: string | null;
          "updated_at"?: string;
          "verify_token_env"?: string | null;
          "version"?: number;
          "whatsapp_template"?: Json | null;
        };
        Relationships: [
          {
            foreignKeyName: "channel_bindings_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "channel_bindings_memory_profile_fkey";
            columns: ["memory_profile_id", "ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "memory_profiles";
            referencedColumns: ["id", "ai_lenser_id"];
          },
          {
            foreignKeyName: "channel_bindings_model_profile_fkey";
            columns: ["model_profile_id", "ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "model_profiles";
            referencedColumns: ["id", "ai_lenser_id"];
          },
          {
            foreignKeyName: "channel_bindings_personality_profile_fkey";
            columns: ["personality_profile_id", "ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "personality_profiles";
            referencedColumns: ["id", "ai_lenser_id"];
          },
          {
            foreignKeyName: "channel_bindings_tool_profile_fkey";
            columns: ["tool_profile_id", "ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "tool_profiles";
            referencedColumns: ["id", "ai_lenser_id"];
          },
        ];
      };
      "contact_identities": {
        Row: {
          "ai_lenser_id": string;
          "channel": Database["agents"]["Enums"]["channel"];
          "contact_id": string;
          "created_at": string;
          "display_name": string | null;
          "external_id": string;
          "id": string;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "channel": Database["agents"]["Enums"]["channel"];
          "contact_id": string;
          "created_at"?: string;
          "display_name"?: string | null;
          "external_id": string;
          "id"?: string;
        };
        Update: {
          "ai_lenser_id"?: string;
          "channel"?: Database["agents"]["Enums"]["channel"];
          "contact_id"?: string;
          "created_at"?: string;
          "display_name"?: string | null;
          "external_id"?: string;
          "id"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "contact_identities_contact_fkey";
            columns: ["contact_id", "ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "contacts";
            referencedColumns: ["id", "ai_lenser_id"];
          },
        ];
      };
      "contact_merges": {
        Row: {
          "ai_lenser_id": string;
          "id": string;
          "merged_at": string;
          "merged_by": string | null;
          "merged_id": string;
          "moved_conversation_ids": (string)[];
          "moved_identity_ids": (string)[];
          "moved_message_ids": (string)[];
          "moved_profile_id": string | null;
          "survivor_id": string;
          "unmerged_at": string | null;
          "unmerged_by": string | null;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "id"?: string;
          "merged_at"?: string;
          "merged_by"?: string | null;
          "merged_id": string;
          "moved_conversation_ids"?: (string)[];
          "moved_identity_ids"?: (string)[];
          "moved_message_ids"?: (string)[];
          "moved_profile_id"?: string | null;
          "survivor_id": string;
          "unmerged_at"?: string | null;
          "unmerged_by"?: string | null;
        };
        Update: {
          "ai_lenser_id"?: string;
          "id"?: string;
          "merged_at"?: string;
          "merged_by"?: string | null;
          "merged_id"?: string;
          "moved_conversation_ids"?: (string)[];
          "moved_identity_ids"?: (string)[];
          "moved_message_ids"?: (string)[];
          "moved_profile_id"?: string | null;
          "survivor_id"?: string;
          "unmerged_at"?: string | null;
          "unmerged_by"?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: "contact_merges_merged_fkey";
            columns: ["merged_id", "ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "contacts";
            referencedColumns: ["id", "ai_lenser_id"];
          },
          {
            foreignKeyName: "contact_merges_survivor_fkey";
            columns: ["survivor_id", "ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "contacts";
            referencedColumns: ["id", "ai_lenser_id"];
          },
        ];
      };
      "contacts": {
        Row: {
          "ai_lenser_id": string;
          "created_at": string;
          "display_name": string | null;
          "id": string;
          "merged_into_id": string | null;
          "metadata": NonNullable<Json>;
          "profile_id": string | null;
          "resolved": boolean;
          "resolved_at": string | null;
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "created_at"?: string;
          "display_name"?: string | null;
          "id"?: string;
          "merged_into_id"?: string | null;
          "metadata"?: NonNullable<Json>;
          "profile_id"?: string | null;
          "resolved"?: boolean;
          "resolved_at"?: string | null;
          "updated_at"?: string;
        };
        Update: {
          "ai_lenser_id"?: string;
          "created_at"?: string;
          "display_name"?: string | null;
          "id"?: string;
          "merged_into_id"?: string | null;
          "metadata"?: NonNullable<Json>;
          "profile_id"?: string | null;
          "resolved"?: boolean;
          "resolved_at"?: string | null;
          "updated_at"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "contacts_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "contacts_merged_into_id_fkey";
            columns: ["merged_into_id"];
            isOneToOne: false;
            referencedRelation: "contacts";
            referencedColumns: ["id"];
          },
        ];
      };
      "conversation_turns": {
        Row: {
          "ai_lenser_id": string;
          "binding_id": string;
          "config_versions": Json | null;
          "conversation_id": string;
          "created_at": string;
          "due_at": string;
          "ended_at": string | null;
          "followup": boolean;
          "id": string;
          "reason": string | null;
          "reply_message_id": string | null;
          "run_id": string | null;
          "started_at": string | null;
          "status": Database["agents"]["Enums"]["conversation_turn_status"];
          "through_seq": number;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "binding_id": string;
          "config_versions"?: Json | null;
          "conversation_id": string;
          "created_at"?: string;
          "due_at": string;
          "ended_at"?: string | null;
          "followup"?: boolean;
          "id"?: string;
          "reason"?: string | null;
          "reply_message_id"?: string | null;
          "run_id"?: string | null;
          "started_at"?: string | null;
          "status"?: Database["agents"]["Enums"]["conversation_turn_status"];
          "through_seq": number;
        };
        Update: {
          "ai_lenser_id"?: string;
          "binding_id"?: string;
          "config_versions"?: Json | null;
          "conversation_id"?: string;
          "created_at"?: string;
          "due_at"?: string;
          "ended_at"?: string | null;
          "followup"?: boolean;
          "id"?: string;
          "reason"?: string | null;
          "reply_message_id"?: string | null;
          "run_id"?: string | null;
          "started_at"?: string | null;
          "status"?: Database["agents"]["Enums"]["conversation_turn_status"];
          "through_seq"?: number;
        };
        Relationships: [
          {
            foreignKeyName: "conversation_turns_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "conversation_turns_binding_id_fkey";
            columns: ["binding_id"];
            isOneToOne: false;
            referencedRelation: "channel_bindings";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "conversation_turns_conversation_id_fkey";
            columns: ["conversation_id"];
            isOneToOne: false;
            referencedRelation: "conversations";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "conversation_turns_reply_message_id_fkey";
            columns: ["reply_message_id"];
            isOneToOne: false;
            referencedRelation: "messages";
            referencedColumns: ["id"];
          },
        ];
      };
      "conversations": {
        Row: {
          "ai_lenser_id": string;
          "binding_id": string;
          "channel": Database["agents"]["Enums"]["channel"];
          "contact_id": string | null;
          "external_thread_id": string | null;
          "id": string;
          "identity_id": string | null;
          "last_active_at": string;
          "last_inbound_at": string | null;
          "last_message_seq": number;
          "paused_reason": string | null;
          "started_at": string;
          "state": Database["agents"]["Enums"]["conversation_state"];
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "binding_id": string;
          "channel": Database["agents"]["Enums"]["channel"];
          "contact_id"?: string | null;
          "external_thread_id"?: string | null;
          "id"?: string;
          "identity_id"?: string | null;
          "last_active_at"?: string;
          "last_inbound_at"?: string | null;
          "last_message_seq"?: number;
          "paused_reason"?: string | null;
          "started_at"?: string;
          "state"?: Database["agents"]["Enums"]["conversation_state"];
          "updated_at"?: string;
        };
        Update: {
          "ai_lenser_id"?: string;
          "binding_id"?: string;
          "channel"?: Database["agents"]["Enums"]["channel"];
          "contact_id"?: string | null;
          "external_thread_id"?: string | null;
          "id"?: string;
          "identity_id"?: string | null;
          "last_active_at"?: string;
          "last_inbound_at"?: string | null;
          "last_message_seq"?: number;
          "paused_reason"?: string | null;
          "started_at"?: string;
          "state"?: Database["agents"]["Enums"]["conversation_state"];
          "updated_at"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "conversations_binding_fkey";
            columns: ["binding_id", "ai_lenser_id", "channel"];
            isOneToOne: false;
            referencedRelation: "channel_bindings";
            referencedColumns: ["id", "ai_lenser_id", "channel"];
          },
          {
            foreignKeyName: "conversations_contact_id_fkey";
            columns: ["contact_id"];
            isOneToOne: false;
            referencedRelation: "contacts";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "conversations_identity_id_fkey";
            columns: ["identity_id"];
            isOneToOne: false;
            referencedRelation: "contact_identities";
            referencedColumns: ["id"];
          },
        ];
      };
      "event_consumers": {
        Row: {
          "backoff_base_ms": number;
          "backoff_max_ms": number;
          "created_at": string;
          "description": string;
          "enabled": boolean;
          "event_types": (Database["lenses"]["Enums"]["run_event_type"])[];
          "handler_kind": Database["agents"]["Enums"]["event_handler_kind"];
          "max_attempts": number;
          "name": string;
          "payload_filter": unknown;
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "backoff_base_ms"?: number;
          "backoff_max_ms"?: number;
          "created_at"?: string;
          "description": string;
          "enabled"?: boolean;
          "event_types": (Database["lenses"]["Enums"]["run_event_type"])[];
          "handler_kind": Database["agents"]["Enums"]["event_handler_kind"];
          "max_attempts"?: number;
          "name": string;
          "payload_filter"?: unknown;
          "updated_at"?: string;
        };
        Update: {
          "backoff_base_ms"?: number;
          "backoff_max_ms"?: number;
          "created_at"?: string;
          "description"?: string;
          "enabled"?: boolean;
          "event_types"?: (Database["lenses"]["Enums"]["run_event_type"])[];
          "handler_kind"?: Database["agents"]["Enums"]["event_handler_kind"];
          "max_attempts"?: number;
          "name"?: string;
          "payload_filter"?: unknown;
          "updated_at"?: string;
        };
        Relationships: [];
      };
      "event_deliveries": {
        Row: {
          "attempts": number;
          "consumer": string;
          "created_at": string;
          "event_id": number;
          "id": string;
          "last_error": string | null;
          "lease_expirations": number;
          "lease_expires_at": string | null;
          "lease_owner": string | null;
          "lease_token": string | null;
          "next_attempt_at": string;
          "processed_at": string | null;
          "result": Json | null;
          "scope_id": string;
          "state": Database["agents"]["Enums"]["delivery_state"];
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "attempts"?: number;
          "consumer": string;
          "created_at"?: string;
          "event_id": number;
          "id"?: string;
          "last_error"?: string | null;
          "lease_expirations"?: number;
          "lease_expires_at"?: string | null;
          "lease_owner"?: string | null;
          "lease_token"?: string | null;
          "next_attempt_at"?: string;
          "processed_at"?: string | null;
          "result"?: Json | null;
          "scope_id": string;
          "state"?: Database["agents"]["Enums"]["delivery_state"];
          "updated_at"?: string;
        };
        Update: {
          "attempts"?: number;
          "consumer"?: string;
          "created_at"?: string;
          "event_id"?: number;
          "id"?: string;
          "last_error"?: string | null;
          "lease_expirations"?: number;
          "lease_expires_at"?: string | null;
          "lease_owner"?: string | null;
          "lease_token"?: string | null;
          "next_attempt_at"?: string;
          "processed_at"?: string | null;
          "result"?: Json | null;
          "scope_id"?: string;
          "state"?: Database["agents"]["Enums"]["delivery_state"];
          "updated_at"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "event_deliveries_consumer_fkey";
            columns: ["consumer"];
            isOneToOne: false;
            referencedRelation: "event_consumers";
            referencedColumns: ["name"];
          },
          {
            foreignKeyName: "event_deliveries_event_fkey";
            columns: ["scope_id", "event_id"];
            isOneToOne: false;
            referencedRelation: "events";
            referencedColumns: ["scope_id", "event_id"];
          },
        ];
      };
      "events": {
        Row: {
          "actor_id": string | null;
          "contact_id": string | null;
          "event_id": number;
          "event_type": Database["lenses"]["Enums"]["run_event_type"];
          "module": Database["agents"]["Enums"]["event_module"];
          "occurred_at": string;
          "payload": NonNullable<Json>;
          "scope_id": string;
          "subject_id": string | null;
          "subject_kind": Database["agents"]["Enums"]["event_subject_kind"] | null;
          "fn_deliver_output_channel": Json | null;
          "fn_deliver_output_memory": Json | null;
        };
        ComputedFields: "fn_deliver_output_channel" | "fn_deliver_output_memory";
        Insert: {
          "actor_id"?: string | null;
          "contact_id"?: string | null;
          "event_id": number;
          "event_type": Database["lenses"]["Enums"]["run_event_type"];
          "module": Database["agents"]["Enums"]["event_module"];
          "occurred_at"?: string;
          "payload"?: NonNullable<Json>;
          "scope_id": string;
          "subject_id"?: string | null;
          "subject_kind"?: Database["agents"]["Enums"]["event_subject_kind"] | null;
        };
        Update: {
          "actor_id"?: string | null;
          "contact_id"?: string | null;
          "event_id"?: number;
          "event_type"?: Database["lenses"]["Enums"]["run_event_type"];
          "module"?: Database["agents"]["Enums"]["event_module"];
          "occurred_at"?: string;
          "payload"?: NonNullable<Json>;
          "scope_id"?: string;
          "subject_id"?: string | null;
          "subject_kind"?: Database["agents"]["Enums"]["event_subject_kind"] | null;
        };
        Relationships: [
          {
            foreignKeyName: "events_contact_id_fkey";
            columns: ["contact_id"];
            isOneToOne: false;
            referencedRelation: "contacts";
            referencedColumns: ["id"];
          },
        ];
      };
      "guardrail_judgements": {
        Row: {
          "ai_lenser_id": string;
          "attempts": number;
          "binding_id": string;
          "conversation_id": string;
          "created_at": string;
          "direction": Database["agents"]["Enums"]["guardrail_direction"];
          "final_verdict": Json | null;
          "id": string;
          "judged_at": string | null;
          "lease_expires_at": string | null;
          "lease_owner": string | null;
          "lease_token": string | null;
          "message_id": string;
          "next_attempt_at": string;
          "seq": number | null;
          "status": Database["agents"]["Enums"]["guardrail_judgement_status"];
          "verdict": NonNullable<Json>;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "attempts"?: number;
          "binding_id": string;
          "conversation_id": string;
          "created_at"?: string;
          "direction": Database["agents"]["Enums"]["guardrail_direction"];
          "final_verdict"?: Json | null;
          "id"?: string;
          "judged_at"?: string | null;
          "lease_expires_at"?: string | null;
          "lease_owner"?: string | null;
          "lease_token"?: string | null;
          "message_id": string;
          "next_attempt_at"?: string;
          "seq"?: number | null;
          "status"?: Database["agents"]["Enums"]["guardrail_judgement_status"];
          "verdict": NonNullable<Json>;
        };
        Update: {
          "ai_lenser_id"?: string;
          "attempts"?: number;
          "binding_id"?: string;
          "conversation_id"?: string;
          "created_at"?: string;
          "direction"?: Database["agents"]["Enums"]["guardrail_direction"];
          "final_verdict"?: Json | null;
          "id"?: string;
          "judged_at"?: string | null;
          "lease_expires_at"?: string | null;
          "lease_owner"?: string | null;
          "lease_token"?: string | null;
          "message_id"?: string;
          "next_attempt_at"?: string;
          "seq"?: number | null;
          "status"?: Database["agents"]["Enums"]["guardrail_judgement_status"];
          "verdict"?: NonNullable<Json>;
        };
        Relationships: [
          {
            foreignKeyName: "guardrail_judgements_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "guardrail_judgements_binding_id_fkey";
            columns: ["binding_id"];
            isOneToOne: false;
            referencedRelation: "channel_bindings";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "guardrail_judgements_conversation_id_fkey";
            columns: ["conversation_id"];
            isOneToOne: false;
            referencedRelation: "conversations";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "guardrail_judgements_message_id_fkey";
            columns: ["message_id"];
            isOneToOne: false;
            referencedRelation: "messages";
            referencedColumns: ["id"];
          },
        ];
      };
      "guardrail_rules": {
        Row: {
          "action": Database["agents"]["Enums"]["guardrail_action"];
          "ai_lenser_id": string | null;
          "binding_id": string | null;
          "config": NonNullable<Json>;
          "created_at": string;
          "created_by": string | null;
          "direction": Database["agents"]["Enums"]["guardrail_direction"];
          "enabled": boolean;
          "id": string;
          "kind": Database["agents"]["Enums"]["guardrail_kind"];
          "name": string;
          "seq": number;
          "severity": Database["agents"]["Enums"]["guardrail_severity"];
          "team_id": string | null;
          "tier": Database["agents"]["Enums"]["guardrail_tier"];
          "updated_at": string;
          "version": number;
        };
        ComputedFields: never;
        Insert: {
          "action": Database["agents"]["Enums"]["guardrail_action"];
          "ai_lenser_id"?: string | null;
          "binding_id"?: string | null;
          "config": NonNullable<Json>;
          "created_at"?: string;
          "created_by"?: string | null;
          "direction"?: Database["agents"]["Enums"]["guardrail_direction"];
          "enabled"?: boolean;
          "id"?: string;
          "kind": Database["agents"]["Enums"]["guardrail_kind"];
          "name": string;
          "seq"?: never;
          "severity"?: Database["agents"]["Enums"]["guardrail_severity"];
          "team_id"?: string | null;
          "tier": Database["agents"]["Enums"]["guardrail_tier"];
          "updated_at"?: string;
          "version"?: number;
        };
        Update: {
          "action"?: Database["agents"]["Enums"]["guardrail_action"];
          "ai_lenser_id"?: string | null;
          "binding_id"?: string | null;
          "config"?: NonNullable<Json>;
          "created_at"?: string;
          "created_by"?: string | null;
          "direction"?: Database["agents"]["Enums"]["guardrail_direction"];
          "enabled"?: boolean;
          "id"?: string;
          "kind"?: Database["agents"]["Enums"]["guardrail_kind"];
          "name"?: string;
          "seq"?: never;
          "severity"?: Database["agents"]["Enums"]["guardrail_severity"];
          "team_id"?: string | null;
          "tier"?: Database["agents"]["Enums"]["guardrail_tier"];
          "updated_at"?: string;
          "version"?: number;
        };
        Relationships: [
          {
            foreignKeyName: "guardrail_rules_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "guardrail_rules_binding_fkey";
            columns: ["binding_id", "ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "channel_bindings";
            referencedColumns: ["id", "ai_lenser_id"];
          },
          {
            foreignKeyName: "guardrail_rules_team_id_fkey";
            columns: ["team_id"];
            isOneToOne: false;
            referencedRelation: "teams";
            referencedColumns: ["id"];
          },
        ];
      };
      "guardrail_violations": {
        Row: {
          "action": Database["agents"]["Enums"]["guardrail_action"];
          "ai_lenser_id": string;
          "binding_id": string | null;
          "context": NonNullable<Json>;
          "conversation_id": string | null;
          "created_at": string;
          "direction": Database["agents"]["Enums"]["guardrail_direction"];
          "id": string;
          "kind": Database["agents"]["Enums"]["guardrail_kind"];
          "matches": NonNullable<Json>;
          "message_id": string | null;
          "node_result_id": string | null;
          "original_text": string;
          "outbound_blocked": boolean;
          "rewritten_text": string | null;
          "rule_id": string | null;
          "rule_version": number;
          "seq": number;
          "severity": Database["agents"]["Enums"]["guardrail_severity"];
          "team_id": string | null;
          "tier": Database["agents"]["Enums"]["guardrail_tier"];
        };
        ComputedFields: never;
        Insert: {
          "action": Database["agents"]["Enums"]["guardrail_action"];
          "ai_lenser_id": string;
          "binding_id"?: string | null;
          "context"?: NonNullable<Json>;
          "conversation_id"?: string | null;
          "created_at"?: string;
          "direction": Database["agents"]["Enums"]["guardrail_direction"];
          "id"?: string;
          "kind": Database["agents"]["Enums"]["guardrail_kind"];
          "matches"?: NonNullable<Json>;
          "message_id"?: string | null;
          "node_result_id"?: string | null;
          "original_text": string;
          "outbound_blocked": boolean;
          "rewritten_text"?: string | null;
          "rule_id"?: string | null;
          "rule_version": number;
          "seq"?: never;
          "severity": Database["agents"]["Enums"]["guardrail_severity"];
          "team_id"?: string | null;
          "tier": Database["agents"]["Enums"]["guardrail_tier"];
        };
        Update: {
          "action"?: Database["agents"]["Enums"]["guardrail_action"];
          "ai_lenser_id"?: string;
          "binding_id"?: string | null;
          "context"?: NonNullable<Json>;
          "conversation_id"?: string | null;
          "created_at"?: string;
          "direction"?: Database["agents"]["Enums"]["guardrail_direction"];
          "id"?: string;
          "kind"?: Database["agents"]["Enums"]["guardrail_kind"];
          "matches"?: NonNullable<Json>;
          "message_id"?: string | null;
          "node_result_id"?: string | null;
          "original_text"?: string;
          "outbound_blocked"?: boolean;
          "rewritten_text"?: string | null;
          "rule_id"?: string | null;
          "rule_version"?: number;
          "seq"?: never;
          "severity"?: Database["agents"]["Enums"]["guardrail_severity"];
          "team_id"?: string | null;
          "tier"?: Database["agents"]["Enums"]["guardrail_tier"];
        };
        Relationships: [
          {
            foreignKeyName: "guardrail_violations_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "guardrail_violations_binding_id_fkey";
            columns: ["binding_id"];
            isOneToOne: false;
            referencedRelation: "channel_bindings";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "guardrail_violations_conversation_id_fkey";
            columns: ["conversation_id"];
            isOneToOne: false;
            referencedRelation: "conversations";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "guardrail_violations_message_id_fkey";
            columns: ["message_id"];
            isOneToOne: false;
            referencedRelation: "messages";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "guardrail_violations_rule_id_fkey";
            columns: ["rule_id"];
            isOneToOne: false;
            referencedRelation: "guardrail_rules";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "guardrail_violations_team_id_fkey";
            columns: ["team_id"];
            isOneToOne: false;
            referencedRelation: "teams";
            referencedColumns: ["id"];
          },
        ];
      };
      "memories": {
        Row: {
          "ai_lenser_id": string;
          "confidence": number;
          "content": string;
          "created_at": string;
          "created_by": string | null;
          "embedding": string | null;
          "embedding_model_id": string | null;
          "expires_at": string | null;
          "id": string;
          "memory_profile_id": string;
          "metadata": NonNullable<Json>;
          "redacted_at": string | null;
          "redacted_by": string | null;
          "scope": Database["agents"]["Enums"]["memory_scope"];
          "source": Database["agents"]["Enums"]["memory_source"];
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "confidence"?: number;
          "content": string;
          "created_at"?: string;
          "created_by"?: string | null;
          "embedding"?: string | null;
          "embedding_model_id"?: string | null;
          "expires_at"?: string | null;
          "id"?: string;
          "memory_profile_id": string;
          "metadata"?: NonNullable<Json>;
          "redacted_at"?: string | null;
          "redacted_by"?: string | null;
          "scope": Database["agents"]["Enums"]["memory_scope"];
          "source": Database["agents"]["Enums"]["memory_source"];
        };
        Update: {
          "ai_lenser_id"?: string;
          "confidence"?: number;
          "content"?: string;
          "created_at"?: string;
          "created_by"?: string | null;
          "embedding"?: string | null;
          "embedding_model_id"?: string | null;
          "expires_at"?: string | null;
          "id"?: string;
          "memory_profile_id"?: string;
          "metadata"?: NonNullable<Json>;
          "redacted_at"?: string | null;
          "redacted_by"?: string | null;
          "scope"?: Database["agents"]["Enums"]["memory_scope"];
          "source"?: Database["agents"]["Enums"]["memory_source"];
        };
        Relationships: [
          {
            foreignKeyName: "memories_profile_fk";
            columns: ["memory_profile_id", "ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "memory_profiles";
            referencedColumns: ["id", "ai_lenser_id"];
          },
        ];
      };
      "memory_profiles": {
        Row: {
          "ai_lenser_id": string;
          "created_at": string;
          "embedding_model_id": string | null;
          "id": string;
          "is_default": boolean;
          "isolation_mode": Database["agents"]["Enums"]["memory_isolation_mode"];
          "name": string;
          "reset_policy": Database["agents"]["Enums"]["memory_reset_policy"];
          "retention_days": number | null;
          "retrieval_top_k": number;
          "scope_type": Database["agents"]["Enums"]["memory_scope"];
          "summary_strategy": Database["agents"]["Enums"]["memory_summary_strategy"];
          "updated_at": string;
          "visibility": Database["agents"]["Enums"]["memory_visibility"];
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "created_at"?: string;
          "embedding_model_id"?: string | null;
          "id"?: string;
          "is_default"?: boolean;
          "isolation_mode"?: Database["agents"]["Enums"]["memory_isolation_mode"];
          "name": string;
          "reset_policy"?: Database["agents"]["Enums"]["memory_reset_policy"];
          "retention_days"?: number | null;
          "retrieval_top_k"?: number;
          "scope_type"?: Database["agents"]["Enums"]["memory_scope"];
          "summary_strategy"?: Database["agents"]["Enums"]["memory_summary_strategy"];
          "updated_at"?: string;
          "visibility"?: Database["agents"]["Enums"]["memory_visibility"];
        };
        Update: {
          "ai_lenser_id"?: string;
          "created_at"?: string;
          "embedding_model_id"?: string | null;
          "id"?: string;
          "is_default"?: boolean;
          "isolation_mode"?: Database["agents"]["Enums"]["memory_isolation_mode"];
          "name"?: string;
          "reset_policy"?: Database["agents"]["Enums"]["memory_reset_policy"];
          "retention_days"?: number | null;
          "retrieval_top_k"?: number;
          "scope_type"?: Database["agents"]["Enums"]["memory_scope"];
          "summary_strategy"?: Database["agents"]["Enums"]["memory_summary_strategy"];
          "updated_at"?: string;
          "visibility"?: Database["agents"]["Enums"]["memory_visibility"];
        };
        Relationships: [
          {
            foreignKeyName: "memory_profiles_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
        ];
      };
      "message_sends": {
        Row: {
          "ai_lenser_id": string;
          "attempts": number;
          "binding_id": string;
          "conversation_id": string;
          "created_at": string;
          "delivery_key": string | null;
          "done_at": string | null;
          "held_for_judgement": boolean;
          "last_attempt_at": string | null;
          "last_error": Json | null;
          "lease_expires_at": string | null;
          "lease_owner": string | null;
          "lease_token": string | null;
          "message_id": string;
          "next_attempt_at": string;
          "origin": NonNullable<Json>;
          "sent_as": Database["agents"]["Enums"]["send_mode"] | null;
          "turn_id": string | null;
          "uncertain_since": string | null;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "attempts"?: number;
          "binding_id": string;
          "conversation_id": string;
          "created_at"?: string;
          "delivery_key"?: string | null;
          "done_at"?: string | null;
          "held_for_judgement"?: boolean;
          "last_attempt_at"?: string | null;
          "last_error"?: Json | null;
          "lease_expires_at"?: string | null;
          "lease_owner"?: string | null;
          "lease_token"?: string | null;
          "message_id": string;
          "next_attempt_at"?: string;
          "origin"?: NonNullable<Json>;
          "sent_as"?: Database["agents"]["Enums"]["send_mode"] | null;
          "turn_id"?: string | null;
          "uncertain_since"?: string | null;
        };
        Update: {
          "ai_lenser_id"?: string;
          "attempts"?: number;
          "binding_id"?: string;
          "conversation_id"?: string;
          "created_at"?: string;
          "delivery_key"?: string | null;
          "done_at"?: string | null;
          "held_for_judgement"?: boolean;
          "last_attempt_at"?: string | null;
          "last_error"?: Json | null;
          "lease_expires_at"?: string | null;
          "lease_owner"?: string | null;
          "lease_token"?: string | null;
          "message_id"?: string;
          "next_attempt_at"?: string;
          "origin"?: NonNullable<Json>;
          "sent_as"?: Database["agents"]["Enums"]["send_mode"] | null;
          "turn_id"?: string | null;
          "uncertain_since"?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: "message_sends_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "message_sends_binding_id_fkey";
            columns: ["binding_id"];
            isOneToOne: false;
            referencedRelation: "channel_bindings";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "message_sends_conversation_id_fkey";
            columns: ["conversation_id"];
            isOneToOne: false;
            referencedRelation: "conversations";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "message_sends_message_id_fkey";
            columns: ["message_id"];
            isOneToOne: true;
            referencedRelation: "messages";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "message_sends_turn_id_fkey";
            columns: ["turn_id"];
            isOneToOne: false;
            referencedRelation: "conversation_turns";
            referencedColumns: ["id"];
          },
        ];
      };
      "messages": {
        Row: {
          "ai_lenser_id": string;
          "binding_id": string;
          "body": string;
          "channel": Database["agents"]["Enums"]["channel"];
          "contact_id": string | null;
          "conversation_id": string;
          "created_at": string;
          "delivered_at": string | null;
          "delivery_status": Database["agents"]["Enums"]["message_status"] | null;
          "direction": Database["agents"]["Enums"]["message_direction"];
          "error": Json | null;
          "failed_at": string | null;
          "id": string;
          "media": Json | null;
          "metadata": NonNullable<Json>;
          "provider_event_id": string | null;
          "provider_message_id": string | null;
          "read_at": string | null;
          "sender_name": string | null;
          "sent_at": string | null;
          "seq": number;
          "thread_id": string | null;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "binding_id": string;
          "body"?: string;
          "channel": Database["agents"]["Enums"]["channel"];
          "contact_id"?: string | null;
          "conversation_id": string;
          "created_at"?: string;
          "delivered_at"?: string | null;
          "delivery_status"?: Database["agents"]["Enums"]["message_status"] | null;
          "direction": Database["agents"]["Enums"]["message_direction"];
          "error"?: Json | null;
          "failed_at"?: string | null;
          "id"?: string;
          "media"?: Json | null;
          "metadata"?: NonNullable<Json>;
          "provider_event_id"?: string | null;
          "provider_message_id"?: string | null;
          "read_at"?: string | null;
          "sender_name"?: string | null;
          "sent_at"?: string | null;
          "seq": number;
          "thread_id"?: string | null;
        };
        Update: {
          "ai_lenser_id"?: string;
          "binding_id"?: string;
          "body"?: string;
          "channel"?: Database["agents"]["Enums"]["channel"];
          "contact_id"?: string | null;
          "conversation_id"?: string;
          "created_at"?: string;
          "delivered_at"?: string | null;
          "delivery_status"?: Database["agents"]["Enums"]["message_status"] | null;
          "direction"?: Database["agents"]["Enums"]["message_direction"];
          "error"?: Json | null;
          "failed_at"?: string | null;
          "id"?: string;
          "media"?: Json | null;
          "metadata"?: NonNullable<Json>;
          "provider_event_id"?: string | null;
          "provider_message_id"?: string | null;
          "read_at"?: string | null;
          "sender_name"?: string | null;
          "sent_at"?: string | null;
          "seq"?: number;
          "thread_id"?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: "messages_binding_fkey";
            columns: ["binding_id", "ai_lenser_id", "channel"];
            isOneToOne: false;
            referencedRelation: "channel_bindings";
            referencedColumns: ["id", "ai_lenser_id", "channel"];
          },
          {
            foreignKeyName: "messages_contact_id_fkey";
            columns: ["contact_id"];
            isOneToOne: false;
            referencedRelation: "contacts";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "messages_conversation_id_fkey";
            columns: ["conversation_id"];
            isOneToOne: false;
            referencedRelation: "conversations";
            referencedColumns: ["id"];
          },
        ];
      };
      "model_profiles": {
        Row: {
          "ai_lenser_id": string;
          "created_at": string;
          "id": string;
          "is_default": boolean;
          "model_id": string;
          "model_key": string;
          "name": string;
          "params": NonNullable<Json>;
          "provider_key": string;
          "support_level": Database["ai"]["Enums"]["support_level"];
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "created_at"?: string;
          "id"?: string;
          "is_default"?: boolean;
          "model_id": string;
          "model_key": string;
          "name": string;
          "params"?: NonNullable<Json>;
          "provider_key": string;
          "support_level": Database["ai"]["Enums"]["support_level"];
          "updated_at"?: string;
        };
        Update: {
          "ai_lenser_id"?: string;
          "created_at"?: string;
          "id"?: string;
          "is_default"?: boolean;
          "model_id"?: string;
          "model_key"?: string;
          "name"?: string;
          "params"?: NonNullable<Json>;
          "provider_key"?: string;
          "support_level"?: Database["ai"]["Enums"]["support_level"];
          "updated_at"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "model_profiles_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
        ];
      };
      "ownerships": {
        Row: {
          "ai_lenser_id": string;
          "granted_at": string;
          "granted_by": string | null;
          "id": string;
          "owner_lenser_id": string;
          "permission_scope": (Database["agents"]["Enums"]["ownership_permission"])[];
          "revoked_at": string | null;
          "role": Database["agents"]["Enums"]["ownership_role"];
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "granted_at"?: string;
          "granted_by"?: string | null;
          "id"?: string;
          "owner_lenser_id": string;
          "permission_scope"?: (Database["agents"]["Enums"]["ownership_permission"])[];
          "revoked_at"?: string | null;
          "role": Database["agents"]["Enums"]["ownership_role"];
        };
        Update: {
          "ai_lenser_id"?: string;
          "granted_at"?: string;
          "granted_by"?: string | null;
          "id"?: string;
          "owner_lenser_id"?: string;
          "permission_scope"?: (Database["agents"]["Enums"]["ownership_permission"])[];
          "revoked_at"?: string | null;
          "role"?: Database["agents"]["Enums"]["ownership_role"];
        };
        Relationships: [
          {
            foreignKeyName: "ownerships_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
        ];
      };
      "personality_profiles": {
        Row: {
          "ai_lenser_id": string;
          "autonomy_level": Database["agents"]["Enums"]["autonomy_level"];
          "communication_style": Database["agents"]["Enums"]["communication_style"];
          "created_at": string;
          "decision_style": Database["agents"]["Enums"]["decision_style"];
          "escalation_behavior": Database["agents"]["Enums"]["escalation_behavior"];
          "expertise_level": Database["agents"]["Enums"]["expertise_level"];
          "id": string;
          "is_default": boolean;
          "name": string;
          "risk_tolerance": Database["agents"]["Enums"]["risk_tolerance"];
          "system_prompt_patch": string | null;
          "tone": Database["agents"]["Enums"]["personality_tone"];
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "autonomy_level"?: Database["agents"]["Enums"]["autonomy_level"];
          "communication_style"?: Database["agents"]["Enums"]["communication_style"];
          "created_at"?: string;
          "decision_style"?: Database["agents"]["Enums"]["decision_style"];
          "escalation_behavior"?: Database["agents"]["Enums"]["escalation_behavior"];
          "expertise_level"?: Database["agents"]["Enums"]["expertise_level"];
          "id"?: string;
          "is_default"?: boolean;
          "name": string;
          "risk_tolerance"?: Database["agents"]["Enums"]["risk_tolerance"];
          "system_prompt_patch"?: string | null;
          "tone"?: Database["agents"]["Enums"]["personality_tone"];
          "updated_at"?: string;
        };
        Update: {
          "ai_lenser_id"?: string;
          "autonomy_level"?: Database["agents"]["Enums"]["autonomy_level"];
          "communication_style"?: Database["agents"]["Enums"]["communication_style"];
          "created_at"?: string;
          "decision_style"?: Database["agents"]["Enums"]["decision_style"];
          "escalation_behavior"?: Database["agents"]["Enums"]["escalation_behavior"];
          "expertise_level"?: Database["agents"]["Enums"]["expertise_level"];
          "id"?: string;
          "is_default"?: boolean;
          "name"?: string;
          "risk_tolerance"?: Database["agents"]["Enums"]["risk_tolerance"];
          "system_prompt_patch"?: string | null;
          "tone"?: Database["agents"]["Enums"]["personality_tone"];
          "updated_at"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "personality_profiles_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
        ];
      };
      "policy_decisions": {
        Row: {
          "ai_lenser_id": string;
          "created_at": string;
          "decision": Database["agents"]["Enums"]["policy_decision"];
          "id": string;
          "node_result_id": string | null;
          "reason": string;
          "rule": Database["agents"]["Enums"]["policy_rule"];
          "seq": number;
          "step_id": string | null;
          "subject": string;
          "tool_invocation_id": string | null;
          "tool_profile_id": string | null;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "created_at"?: string;
          "decision": Database["agents"]["Enums"]["policy_decision"];
          "id"?: string;
          "node_result_id"?: string | null;
          "reason": string;
          "rule": Database["agents"]["Enums"]["policy_rule"];
          "seq"?: never;
          "step_id"?: string | null;
          "subject": string;
          "tool_invocation_id"?: string | null;
          "tool_profile_id"?: string | null;
        };
        Update: {
          "ai_lenser_id"?: string;
          "created_at"?: string;
          "decision"?: Database["agents"]["Enums"]["policy_decision"];
          "id"?: string;
          "node_result_id"?: string | null;
          "reason"?: string;
          "rule"?: Database["agents"]["Enums"]["policy_rule"];
          "seq"?: never;
          "step_id"?: string | null;
          "subject"?: string;
          "tool_invocation_id"?: string | null;
          "tool_profile_id"?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: "policy_decisions_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "policy_decisions_step_id_fkey";
            columns: ["step_id"];
            isOneToOne: false;
            referencedRelation: "agent_run_steps";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "policy_decisions_tool_invocation_id_fkey";
            columns: ["tool_invocation_id"];
            isOneToOne: false;
            referencedRelation: "tool_invocations";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "policy_decisions_tool_invocation_id_fkey";
            columns: ["tool_invocation_id"];
            isOneToOne: false;
            referencedRelation: "tool_invocations_v";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "policy_decisions_tool_profile_id_fkey";
            columns: ["tool_profile_id"];
            isOneToOne: false;
            referencedRelation: "tool_profiles";
            referencedColumns: ["id"];
          },
        ];
      };
      "team_edges": {
        Row: {
          "created_at": string;
          "edge_type": Database["agents"]["Enums"]["team_edge_type"];
          "id": string;
          "is_blocking": boolean;
          "source_member_id": string;
          "target_member_id": string;
          "team_id": string;
        };
        ComputedFields: never;
        Insert: {
          "created_at"?: string;
          "edge_type": Database["agents"]["Enums"]["team_edge_type"];
          "id"?: string;
          "is_blocking"?: boolean;
          "source_member_id": string;
          "target_member_id": string;
          "team_id": string;
        };
        Update: {
          "created_at"?: string;
          "edge_type"?: Database["agents"]["Enums"]["team_edge_type"];
          "id"?: string;
          "is_blocking"?: boolean;
          "source_member_id"?: string;
          "target_member_id"?: string;
          "team_id"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "team_edges_source_fk";
            columns: ["team_id", "source_member_id"];
            isOneToOne: false;
            referencedRelation: "team_members";
            referencedColumns: ["team_id", "id"];
          },
          {
            foreignKeyName: "team_edges_target_fk";
            columns: ["team_id", "target_member_id"];
            isOneToOne: false;
            referencedRelation: "team_members";
            referencedColumns: ["team_id", "id"];
          },
          {
            foreignKeyName: "team_edges_team_id_fkey";
            columns: ["team_id"];
            isOneToOne: false;
            referencedRelation: "teams";
            referencedColumns: ["id"];
          },
        ];
      };
      "team_members": {
        Row: {
          "agent_id": string;
          "capabilities": (Database["lenses"]["Enums"]["instruction_category"])[];
          "created_at": string;
          "id": string;
          "lane": number;
          "memory_profile_id": string | null;
          "model_profile_id": string | null;
          "personality_profile_id": string | null;
          "responsibility": string | null;
          "role": Database["agents"]["Enums"]["team_member_role"];
          "team_id": string;
          "tool_profile_id": string | null;
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "agent_id": string;
          "capabilities"?: (Database["lenses"]["Enums"]["instruction_category"])[];
          "created_at"?: string;
          "id"?: string;
          "lane"?: number;
          "memory_profile_id"?: string | null;
          "model_profile_id"?: string | null;
          "personality_profile_id"?: string | null;
          "responsibility"?: string | null;
          "role"?: Database["agents"]["Enums"]["team_member_role"];
          "team_id": string;
          "tool_profile_id"?: string | null;
          "updated_at"?: string;
        };
        Update: {
          "agent_id"?: string;
          "capabilities"?: (Database["lenses"]["Enums"]["instruction_category"])[];
          "created_at"?: string;
          "id"?: string;
          "lane"?: number;
          "memory_profile_id"?: string | null;
          "model_profile_id"?: string | null;
          "personality_profile_id"?: string | null;
          "responsibility"?: string | null;
          "role"?: Database["agents"]["Enums"]["team_member_role"];
          "team_id"?: string;
          "tool_profile_id"?: string | null;
          "updated_at"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "team_members_agent_id_fkey";
            columns: ["agent_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "team_members_memory_profile_fk";
            columns: ["memory_profile_id", "agent_id"];
            isOneToOne: false;
            referencedRelation: "memory_profiles";
            referencedColumns: ["id", "ai_lenser_id"];
          },
          {
            foreignKeyName: "team_members_model_profile_fk";
            columns: ["model_profile_id", "agent_id"];
            isOneToOne: false;
            referencedRelation: "model_profiles";
            referencedColumns: ["id", "ai_lenser_id"];
          },
          {
            foreignKeyName: "team_members_personality_profile_fk";
            columns: ["personality_profile_id", "agent_id"];
            isOneToOne: false;
            referencedRelation: "personality_profiles";
            referencedColumns: ["id", "ai_lenser_id"];
          },
          {
            foreignKeyName: "team_members_team_id_fkey";
            columns: ["team_id"];
            isOneToOne: false;
            referencedRelation: "teams";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "team_members_tool_profile_fk";
            columns: ["tool_profile_id", "agent_id"];
            isOneToOne: false;
            referencedRelation: "tool_profiles";
            referencedColumns: ["id", "ai_lenser_id"];
          },
        ];
      };
      "team_runs": {
        Row: {
          "approval_expires_at": string | null;
          "approval_hash": string;
          "approval_status": Database["agents"]["Enums"]["approval_status"];
          "assignee_ai_lenser_id": string | null;
          "assignee_kind": Database["agents"]["Enums"]["assignee_kind"];
          "assignee_team_id": string | null;
          "assignment_id": string;
          "created_at": string;
          "deadline_seconds": number | null;
          "decided_at": string | null;
          "decided_by": string | null;
          "decision_reason": string | null;
          "escalated_at": string | null;
          "escalated_to": (string)[] | null;
          "finished_at": string | null;
          "id": string;
          "input": NonNullable<Json>;
          "lenser_id": string;
          "policies": NonNullable<Json>;
          "queue_position": number;
          "queue_state": Database["agents"]["Enums"]["team_run_queue_state"];
          "scratchpad": NonNullable<Json>;
          "started_at": string | null;
          "status": Database["agents"]["Enums"]["team_run_status"];
          "status_reason": string | null;
          "updated_at": string;
          "watched_until": string | null;
          "workflow_id": string;
          "workflow_run_id": string | null;
          "fn_may_decide_team_run": boolean | null;
          "fn_start_team_run": undefined | null;
        };
        ComputedFields: "fn_may_decide_team_run" | "fn_start_team_run";
        Insert: {
          "approval_expires_at"?: string | null;
          "approval_hash": string;
          "approval_status": Database["agents"]["Enums"]["approval_status"];
          "assignee_ai_lenser_id"?: string | null;
          "assignee_kind": Database["agents"]["Enums"]["assignee_kind"];
          "assignee_team_id"?: string | null;
          "assignment_id": string;
          "created_at"?: string;
          "deadline_seconds"?: number | null;
          "decided_at"?: string | null;
          "decided_by"?: string | null;
          "decision_reason"?: string | null;
          "escalated_at"?: string | null;
          "escalated_to"?: (string)[] | null;
          "finished_at"?: string | null;
          "id"?: string;
          "input"?: NonNullable<Json>;
          "lenser_id": string;
          "policies": NonNullable<Json>;
          "queue_position"?: never;
          "queue_state"?: Database["agents"]["Enums"]["team_run_queue_state"];
          "scratchpad"?: NonNullable<Json>;
          "started_at"?: string | null;
          "status"?: Database["agents"]["Enums"]["team_run_status"];
          "status_reason"?: string | null;
          "updated_at"?: string;
          "watched_until"?: string | null;
          "workflow_id": string;
          "workflow_run_id"?: string | null;
        };
        Update: {
          "approval_expires_at"?: string | null;
          "approval_hash"?: string;
          "approval_status"?: Database["agents"]["Enums"]["approval_status"];
          "assignee_ai_lenser_id"?: string | null;
          "assignee_kind"?: Database["agents"]["Enums"]["assignee_kind"];
          "assignee_team_id"?: string | null;
          "assignment_id"?: string;
          "created_at"?: string;
          "deadline_seconds"?: number | null;
          "decided_at"?: string | null;
          "decided_by"?: string | null;
          "decision_reason"?: string | null;
          "escalated_at"?: string | null;
          "escalated_to"?: (string)[] | null;
          "finished_at"?: string | null;
          "id"?: string;
          "input"?: NonNullable<Json>;
          "lenser_id"?: string;
          "policies"?: NonNullable<Json>;
          "queue_position"?: never;
          "queue_state"?: Database["agents"]["Enums"]["team_run_queue_state"];
          "scratchpad"?: NonNullable<Json>;
          "started_at"?: string | null;
          "status"?: Database["agents"]["Enums"]["team_run_status"];
          "status_reason"?: string | null;
          "updated_at"?: string;
          "watched_until"?: string | null;
          "workflow_id"?: string;
          "workflow_run_id"?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: "team_runs_assignee_ai_lenser_id_fkey";
            columns: ["assignee_ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "team_runs_assignee_team_id_fkey";
            columns: ["assignee_team_id"];
            isOneToOne: false;
            referencedRelation: "teams";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "team_runs_assignment_id_fkey";
            columns: ["assignment_id"];
            isOneToOne: false;
            referencedRelation: "workflow_assignments";
            referencedColumns: ["id"];
          },
        ];
      };
      "teams": {
        Row: {
          "archived_at": string | null;
          "created_at": string;
          "description": string | null;
          "id": string;
          "name": string;
          "owner_lenser_id": string;
          "scratchpad": NonNullable<Json>;
          "status": Database["agents"]["Enums"]["team_status"];
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "archived_at"?: string | null;
          "created_at"?: string;
          "description"?: string | null;
          "id"?: string;
          "name": string;
          "owner_lenser_id": string;
          "scratchpad"?: NonNullable<Json>;
          "status"?: Database["agents"]["Enums"]["team_status"];
          "updated_at"?: string;
        };
        Update: {
          "archived_at"?: string | null;
          "created_at"?: string;
          "description"?: string | null;
          "id"?: string;
          "name"?: string;
          "owner_lenser_id"?: string;
          "scratchpad"?: NonNullable<Json>;
          "status"?: Database["agents"]["Enums"]["team_status"];
          "updated_at"?: string;
        };
        Relationships: [];
      };
      "tier_config_versions": {
        Row: {
          "ai_lenser_id": string | null;
          "config": NonNullable<Json>;
          "created_at": string;
          "id": string;
          "subject_id": string;
          "tier": Database["agents"]["Enums"]["config_tier"];
          "version": number;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id"?: string | null;
          "config": NonNullable<Json>;
          "created_at"?: string;
          "id"?: string;
          "subject_id": string;
          "tier": Database["agents"]["Enums"]["config_tier"];
          "version": number;
        };
        Update: {
          "ai_lenser_id"?: string | null;
          "config"?: NonNullable<Json>;
          "created_at"?: string;
          "id"?: string;
          "subject_id"?: string;
          "tier"?: Database["agents"]["Enums"]["config_tier"];
          "version"?: number;
        };
        Relationships: [
          {
            foreignKeyName: "tier_config_versions_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
        ];
      };
      "tool_invocations": {
        Row: {
          "ai_lenser_id": string;
          "approval_hash": string | null;
          "approved_at": string | null;
          "approved_by": string | null;
          "call_index": number | null;
          "completed_at": string | null;
          "cost_credits": number;
          "created_at": string;
          "error": string | null;
          "id": string;
          "input": NonNullable<Json>;
          "latency_ms": number | null;
          "output": Json | null;
          "rejected_at": string | null;
          "rejected_by": string | null;
          "rejected_reason": string | null;
          "requested_by": string | null;
          "requires_approval": boolean;
          "started_at": string | null;
          "status": Database["agents"]["Enums"]["tool_invocation_status"];
          "step_id": string | null;
          "tool_call_id": string | null;
          "tool_id": string;
          "tool_profile_id": string | null;
          "updated_at": string;
          "workflow_node_result_id": string | null;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "approval_hash"?: string | null;
          "approved_at"?: string | null;
          "approved_by"?: string | null;
          "call_index"?: number | null;
          "completed_at"?: string | null;
          "cost_credits"?: number;
          "created_at"?: string;
          "error"?: string | null;
          "id"?: string;
          "input"?: NonNullable<Json>;
          "latency_ms"?: number | null;
          "output"?: Json | null;
          "rejected_at"?: string | null;
          "rejected_by"?: string | null;
          "rejected_reason"?: string | null;
          "requested_by"?: string | null;
          "requires_approval"?: boolean;
          "started_at"?: string | null;
          "status"?: Database["agents"]["Enums"]["tool_invocation_status"];
          "step_id"?: string | null;
          "tool_call_id"?: string | null;
          "tool_id": string;
          "tool_profile_id"?: string | null;
          "updated_at"?: string;
          "workflow_node_result_id"?: string | null;
        };
        Update: {
          "ai_lenser_id"?: string;
          "approval_hash"?: string | null;
          "approved_at"?: string | null;
          "approved_by"?: string | null;
          "call_index"?: number | null;
          "completed_at"?: string | null;
          "cost_credits"?: number;
          "created_at"?: string;
          "error"?: string | null;
          "id"?: string;
          "input"?: NonNullable<Json>;
          "latency_ms"?: number | null;
          "output"?: Json | null;
          "rejected_at"?: string | null;
          "rejected_by"?: string | null;
          "rejected_reason"?: string | null;
          "requested_by"?: string | null;
          "requires_approval"?: boolean;
          "started_at"?: string | null;
          "status"?: Database["agents"]["Enums"]["tool_invocation_status"];
          "step_id"?: string | null;
          "tool_call_id"?: string | null;
          "tool_id"?: string;
          "tool_profile_id"?: string | null;
          "updated_at"?: string;
          "workflow_node_result_id"?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: "tool_invocations_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "tool_invocations_profile_fk";
            columns: ["tool_profile_id", "ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "tool_profiles";
            referencedColumns: ["id", "ai_lenser_id"];
          },
          {
            foreignKeyName: "tool_invocations_step_id_fkey";
            columns: ["step_id"];
            isOneToOne: false;
            referencedRelation: "agent_run_steps";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "tool_invocations_tool_id_fkey";
            columns: ["tool_id"];
            isOneToOne: false;
            referencedRelation: "tools_registry";
            referencedColumns: ["id"];
          },
        ];
      };
      "tool_profiles": {
        Row: {
          "ai_lenser_id": string;
          "allow_tools": (string)[];
          "created_at": string;
          "deny_tools": (string)[];
          "http_allow_hosts": (string)[];
          "http_allow_private_network": boolean;
          "id": string;
          "is_default": boolean;
          "name": string;
          "provider_overrides": NonNullable<Json>;
          "requires_approval": boolean;
          "tool_groups": (string)[];
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id": string;
          "allow_tools"?: (string)[];
          "created_at"?: string;
          "deny_tools"?: (string)[];
          "http_allow_hosts"?: (string)[];
          "http_allow_private_network"?: boolean;
          "id"?: string;
          "is_default"?: boolean;
          "name": string;
          "provider_overrides"?: NonNullable<Json>;
          "requires_approval"?: boolean;
          "tool_groups"?: (string)[];
          "updated_at"?: string;
        };
        Update: {
          "ai_lenser_id"?: string;
          "allow_tools"?: (string)[];
          "created_at"?: string;
          "deny_tools"?: (string)[];
          "http_allow_hosts"?: (string)[];
          "http_allow_private_network"?: boolean;
          "id"?: string;
          "is_default"?: boolean;
          "name"?: string;
          "provider_overrides"?: NonNullable<Json>;
          "requires_approval"?: boolean;
          "tool_groups"?: (string)[];
          "updated_at"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "tool_profiles_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
        ];
      };
      "tools_registry": {
        Row: {
          "created_at": string;
          "description": string;
          "egress_class": Database["agents"]["Enums"]["tool_egress_class"];
          "enabled": boolean;
          "id": string;
          "input_schema": NonNullable<Json>;
          "key": string;
          "name": string;
          "owner_id": string | null;
          "requires_approval": boolean;
          "settings": NonNullable<Json>;
          "tool_group": string;
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "created_at"?: string;
          "description": string;
          "egress_class": Database["agents"]["Enums"]["tool_egress_class"];
          "enabled"?: boolean;
          "id"?: string;
          "input_schema"?: NonNullable<Json>;
          "key": string;
          "name": string;
          "owner_id"?: string | null;
          "requires_approval"?: boolean;
          "settings"?: NonNullable<Json>;
          "tool_group": string;
          "updated_at"?: string;
        };
        Update: {
          "created_at"?: string;
          "description"?: string;
          "egress_class"?: Database["agents"]["Enums"]["tool_egress_class"];
          "enabled"?: boolean;
          "id"?: string;
          "input_schema"?: NonNullable<Json>;
          "key"?: string;
          "name"?: string;
          "owner_id"?: string | null;
          "requires_approval"?: boolean;
          "settings"?: NonNullable<Json>;
          "tool_group"?: string;
          "updated_at"?: string;
        };
        Relationships: [];
      };
      "worker_wakes": {
        Row: {
          "kind": string;
          "woken_at": string;
        };
        ComputedFields: never;
        Insert: {
          "kind": string;
          "woken_at": string;
        };
        Update: {
          "kind"?: string;
          "woken_at"?: string;
        };
        Relationships: [];
      };
      "workflow_assignments": {
        Row: {
          "approval_policy": NonNullable<Json>;
          "assignee_ai_lenser_id": string | null;
          "assignee_kind": Database["agents"]["Enums"]["assignee_kind"];
          "assignee_team_id": string | null;
          "created_at": string;
          "created_by": string | null;
          "disabled_at": string | null;
          "failure_policy": NonNullable<Json>;
          "id": string;
          "node_bindings": NonNullable<Json>;
          "output_destination": NonNullable<Json>;
          "queue_policy": NonNullable<Json>;
          "retry_policy": NonNullable<Json>;
          "status": Database["agents"]["Enums"]["assignment_status"];
          "updated_at": string;
          "workflow_id": string;
          "fn_assignment_policies": Json | null;
        };
        ComputedFields: "fn_assignment_policies";
        Insert: {
          "approval_policy"?: NonNullable<Json>;
          "assignee_ai_lenser_id"?: string | null;
          "assignee_kind": Database["agents"]["Enums"]["assignee_kind"];
          "assignee_team_id"?: string | null;
          "created_at"?: string;
          "created_by"?: string | null;
          "disabled_at"?: string | null;
          "failure_policy"?: NonNullable<Json>;
          "id"?: string;
          "node_bindings"?: NonNullable<Json>;
          "output_destination"?: NonNullable<Json>;
          "queue_policy"?: NonNullable<Json>;
          "retry_policy"?: NonNullable<Json>;
          "status"?: Database["agents"]["Enums"]["assignment_status"];
          "updated_at"?: string;
          "workflow_id": string;
        };
        Update: {
          "approval_policy"?: NonNullable<Json>;
          "assignee_ai_lenser_id"?: string | null;
          "assignee_kind"?: Database["agents"]["Enums"]["assignee_kind"];
          "assignee_team_id"?: string | null;
          "created_at"?: string;
          "created_by"?: string | null;
          "disabled_at"?: string | null;
          "failure_policy"?: NonNullable<Json>;
          "id"?: string;
          "node_bindings"?: NonNullable<Json>;
          "output_destination"?: NonNullable<Json>;
          "queue_policy"?: NonNullable<Json>;
          "retry_policy"?: NonNullable<Json>;
          "status"?: Database["agents"]["Enums"]["assignment_status"];
          "updated_at"?: string;
          "workflow_id"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "workflow_assignments_assignee_ai_lenser_id_fkey";
            columns: ["assignee_ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_assignments_assignee_team_id_fkey";
            columns: ["assignee_team_id"];
            isOneToOne: false;
            referencedRelation: "teams";
            referencedColumns: ["id"];
          },
        ];
      };
    };
    Views: {
      "approval_requests_v": {
        Row: {
          "assignee_ai_lenser_id": string | null;
          "assignee_kind": Database["agents"]["Enums"]["assignee_kind"] | null;
          "assignee_name": string | null;
          "assignee_team_id": string | null;
          "assignment_id": string | null;
          "escalated_to": (string)[] | null;
          "expires_at": string | null;
          "input_summary": string | null;
          "kind": Database["agents"]["Enums"]["approval_request_kind"] | null;
          "request_id": string | null;
          "requested_at": string | null;
          "requested_by": string | null;
          "requested_by_handle": string | null;
          "team_run_id": string | null;
          "tool_invocation_id": string | null;
          "workflow_id": string | null;
          "workflow_title": string | null;
        };
        ComputedFields: never;
        Relationships: [];
      };
      "memories_v": {
        Row: {
          "ai_lenser_id": string;
          "confidence": number;
          "content": string;
          "created_at": string;
          "created_by": string | null;
          "expires_at": string | null;
          "has_embedding": boolean | null;
          "id": string;
          "is_live": boolean | null;
          "memory_profile_id": string;
          "memory_profile_name": string;
          "metadata": NonNullable<Json>;
          "redacted_at": string | null;
          "redacted_by": string | null;
          "scope": Database["agents"]["Enums"]["memory_scope"];
          "source": Database["agents"]["Enums"]["memory_source"];
        };
        ComputedFields: never;
        Relationships: [
          {
            foreignKeyName: "memories_profile_fk";
            columns: ["memory_profile_id", "ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "memory_profiles";
            referencedColumns: ["id", "ai_lenser_id"];
          },
        ];
      };
      "tool_invocations_v": {
        Row: {
          "ai_lenser_id": string;
          "approved_at": string | null;
          "approved_by": string | null;
          "completed_at": string | null;
          "cost_credits": number;
          "created_at": string;
          "egress_class": Database["agents"]["Enums"]["tool_egress_class"];
          "error": string | null;
          "id": string;
          "input": NonNullable<Json>;
          "output": Json | null;
          "rejected_at": string | null;
          "rejected_by": string | null;
          "rejected_reason": string | null;
          "requested_by": string | null;
          "requires_approval": boolean;
          "started_at": string | null;
          "status": Database["agents"]["Enums"]["tool_invocation_status"];
          "step_id": string | null;
          "step_title": string | null;
          "tool_group": string;
          "tool_id": string;
          "tool_key": string;
          "tool_name": string;
          "tool_profile_id": string | null;
          "tool_profile_name": string | null;
          "updated_at": string;
          "workflow_node_result_id": string | null;
        };
        ComputedFields: never;
        Relationships: [
          {
            foreignKeyName: "tool_invocations_ai_lenser_id_fkey";
            columns: ["ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "ai_lensers";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "tool_invocations_profile_fk";
            columns: ["tool_profile_id", "ai_lenser_id"];
            isOneToOne: false;
            referencedRelation: "tool_profiles";
            referencedColumns: ["id", "ai_lenser_id"];
          },
          {
            foreignKeyName: "tool_invocations_step_id_fkey";
            columns: ["step_id"];
            isOneToOne: false;
            referencedRelation: "agent_run_steps";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "tool_invocations_tool_id_fkey";
            columns: ["tool_id"];
            isOneToOne: false;
            referencedRelation: "tools_registry";
            referencedColumns: ["id"];
          },
        ];
      };
    };
    Functions: {
      "actable_team_ids": { Args: Record<PropertyKey, never>; Returns: string[] };
      "can_manage_ai_lenser": { Args: { "p_ai_lenser_id": string }; Returns: boolean };
      "can_operate_ai_lenser": { Args: { "p_ai_lenser_id": string }; Returns: boolean };
      "editable_team_ids": { Args: Record<PropertyKey, never>; Returns: string[] };
      "fn_admit_team_runs": { Args: { "p_assignment_id": string }; Returns: undefined };
      "fn_agent_has_channel": { Args: { "p_ai_lenser_id": string }; Returns: boolean };
      "fn_agent_may_run_workflow": {
        Args: { "p_ai_lenser_id": string; "p_workflow_id": string };
        Returns: boolean;
      };
      "fn_agent_preamble": {
        Args: { "p_ai_lenser_id": string; "p_personality_profile_id"?: string };
        Returns: string;
      };
      "fn_append_agent_run_event": {
        Args: {
          "p_actor_id"?: string;
          "p_event_type": Database["lenses"]["Enums"]["run_event_type"];
          "p_payload"?: Json;
          "p_step_id"?: string;
          "p_team_run_id": string;
        };
        Returns: number;
      };
      "fn_approval_policy_errors": { Args: { "p_policy": Json }; Returns: (string)[] };
      "fn_assignment_policies": {
        Args: {
          "p_assignment": Omit<
            Database["agents"]["Tables"]["workflow_assignments"]["Row"],
            Database["agents"]["Tables"]["workflow_assignments"]["ComputedFields"]
          >;
        };
        Returns: Json;
      };
      "fn_binding_config_versions": { Args: { "p_binding_id": string }; Returns: Json };
      "fn_caller_assignee_role": {
        Args: { "p_assignee_ai_lenser_id": string; "p_assignee_team_id": string };
        Returns: Database["agents"]["Enums"]["ownership_role"];
      };
      "fn_check_binding_args": {
        Args: {
          "p_access_token_env": string;
          "p_allowed_origins": (string)[];
          "p_app_secret_env": string;
          "p_bot_token_env": string;
          "p_channel": Database["agents"]["Enums"]["channel"];
          "p_debounce_ms": number;
          "p_fallback_text": string;
          "p_loop_guard_max_turns": number;
          "p_loop_guard_window_seconds": number;
          "p_name": string;
          "p_rpc": string;
          "p_signing_secret_env": string;
          "p_verify_token_env": string;
          "p_whatsapp_template": Json;
        };
        Returns: undefined;
      };
      "fn_check_binding_profile": {
        Args: {
          "p_ai_lenser_id": string;
          "p_arg": string;
          "p_kind": unknown;
          "p_profile_id": string;
          "p_rpc": string;
        };
        Returns: undefined;
      };
      "fn_check_channel_event": {
        Args: {
          "p_channel": Database["agents"]["Enums"]["channel"];
          "p_event": Json;
          "p_index": number;
          "p_rpc": string;
        };
        Returns: undefined;
      };
      "fn_check_guardrails": {
        Args: {
          "p_ai_lenser_id": string;
          "p_binding_id": string;
          "p_direction": Database["agents"]["Enums"]["guardrail_direction"];
          "p_team_id": string;
          "p_text": string;
        };
        Returns: Json;
      };
      "fn_check_http_policy_args": {
        Args: { "p_allow_private": boolean; "p_hosts": (string)[]; "p_rpc": string };
        Returns: undefined;
      };
      "fn_check_memory_retrieval_args": {
        Args: { "p_embedding_model_id": string; "p_retrieval_top_k": number; "p_rpc": string };
        Returns: undefined;
      };
      "fn_check_model_profile_args": {
        Args: { "p_model_id": string; "p_params": Json; "p_rpc": string };
        Returns: undefined;
      };
      "fn_check_team_blocking": {
        Args: {
          "p_assignment": Omit<
            Database["agents"]["Tables"]["workflow_assignments"]["Row"],
            Database["agents"]["Tables"]["workflow_assignments"]["ComputedFields"]
          >;
          "p_rpc": string;
        };
        Returns: undefined;
      };
      "fn_check_tool_profile_args": {
        Args: {
          "p_allow_tools": (string)[];
          "p_deny_tools": (string)[];
          "p_provider_overrides": Json;
          "p_rpc": string;
          "p_tool_groups": (string)[];
        };
        Returns: undefined;
      };
      "fn_conversation_history": {
        Args: { "p_conversation_id": string; "p_limit": number };
        Returns: string;
      };
      "fn_create_reply_workflow": {
        Args: { "p_ai_lenser_id": string; "p_channel": Database["agents"]["Enums"]["channel"] };
        Returns: string;
      };
      "fn_decide_team_run": {
        Args: { "p_approve": boolean; "p_reason": string; "p_rpc": string; "p_team_run_id": string };
        Returns: {
          "approval_expires_at": string | null;
          "approval_hash": string;
          "approval_status": Database["agents"]["Enums"]["approval_status"];
          "assignee_ai_lenser_id": string | null;
          "assignee_kind": Database["agents"]["Enums"]["assignee_kind"];
          "assignee_team_id": string | null;
          "assignment_id": string;
          "created_at": string;
          "deadline_seconds": number | null;
          "decided_at": string | null;
          "decided_by": string | null;
          "decision_reason": string | null;
          "escalated_at": string | null;
          "escalated_to": (string)[] | null;
          "finished_at": string | null;
          "id": string;
          "input": NonNullable<Json>;
          "lenser_id": string;
          "policies": NonNullable<Json>;
          "queue_position": number;
          "queue_state": Database["agents"]["Enums"]["team_run_queue_state"];
          "scratchpad": NonNullable<Json>;
          "started_at": string | null;
          "status": Database["agents"]["Enums"]["team_run_status"];
          "status_reason": string | null;
          "updated_at": string;
          "watched_until": string | null;
          "workflow_id": string;
          "workflow_run_id": string | null;
        };
        SetofOptions: {
          from: "*";
          to: "team_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_decide_tool_call": {
        Args: {
          "p_call": Json;
          "p_over_limit": boolean;
          "p_result": Omit<
            Database["lenses"]["Tables"]["workflow_node_results"]["Row"],
            Database["lenses"]["Tables"]["workflow_node_results"]["ComputedFields"]
          >;
          "p_turn": Omit<
            Database["agents"]["Tables"]["agent_turns"]["Row"],
            Database["agents"]["Tables"]["agent_turns"]["ComputedFields"]
          >;
        };
        Returns: Json;
      };
      "fn_deliver_output_channel": {
        Args: {
          "p_event": Omit<
            Database["agents"]["Tables"]["events"]["Row"],
            Database["agents"]["Tables"]["events"]["ComputedFields"]
          >;
        };
        Returns: Json;
      };
      "fn_deliver_output_memory": {
        Args: {
          "p_event": Omit<
            Database["agents"]["Tables"]["events"]["Row"],
            Database["agents"]["Tables"]["events"]["ComputedFields"]
          >;
        };
        Returns: Json;
      };
      "fn_deliver_output_to_channel": {
        Args: { "p_delivery_key": string; "p_destination": Json; "p_run_id": string };
        Returns: string;
      };
      "fn_delivery_backoff": {
        Args: {
          "p_attempts": number;
          "p_consumer": Omit<
            Database["agents"]["Tables"]["event_consumers"]["Row"],
            Database["agents"]["Tables"]["event_consumers"]["ComputedFields"]
          >;
        };
        Returns: string;
      };
      "fn_emit_event": {
        Args: {
          "p_actor_id"?: string;
          "p_contact_id"?: string;
          "p_event_type": Database["lenses"]["Enums"]["run_event_type"];
          "p_module": Database["agents"]["Enums"]["event_module"];
          "p_payload"?: Json;
          "p_scope_id": string;
          "p_subject_id"?: string;
          "p_subject_kind"?: Database["agents"]["Enums"]["event_subject_kind"];
        };
        Returns: number;
      };
      "fn_emit_message_events": { Args: { "p_events": Json }; Returns: undefined };
      "fn_end_tool_call": {
        Args: {
          "p_cost_credits": number;
          "p_error": string;
          "p_invocation": Omit<
            Database["agents"]["Tables"]["tool_invocations"]["Row"],
            Database["agents"]["Tables"]["tool_invocations"]["ComputedFields"]
          >;
          "p_latency_ms": number;
          "p_output": Json;
          "p_result": Omit<
            Database["lenses"]["Tables"]["workflow_node_results"]["Row"],
            Database["lenses"]["Tables"]["workflow_node_results"]["ComputedFields"]
          >;
          "p_status": Database["agents"]["Enums"]["tool_invocation_status"];
          "p_turn_no": number;
        };
        Returns: {
          "ai_lenser_id": string;
          "approval_hash": string | null;
          "approved_at": string | null;
          "approved_by": string | null;
          "call_index": number | null;
          "completed_at": string | null;
          "cost_credits": number;
          "created_at": string;
          "error": string | null;
          "id": string;
          "input": NonNullable<Json>;
          "latency_ms": number | null;
          "output": Json | null;
          "rejected_at": string | null;
          "rejected_by": string | null;
          "rejected_reason": string | null;
          "requested_by": string | null;
          "requires_approval": boolean;
          "started_at": string | null;
          "status": Database["agents"]["Enums"]["tool_invocation_status"];
          "step_id": string | null;
          "tool_call_id": string | null;
          "tool_id": string;
          "tool_profile_id": string | null;
          "updated_at": string;
          "workflow_node_result_id": string | null;
        };
        SetofOptions: {
          from: "*";
          to: "tool_invocations";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_enqueue_conversation_turn": {
        Args: { "p_conversation_id": string; "p_seq": number };
        Returns: string;
      };
      "fn_event_delivery_context": {
        Args: {
          "p_consumer": string;
          "p_event": Omit<
            Database["agents"]["Tables"]["events"]["Row"],
            Database["agents"]["Tables"]["events"]["ComputedFields"]
          >;
        };
        Returns: Json;
      };
      "fn_expire_team_run_approvals": { Args: { "p_limit"?: number }; Returns: number };
      "fn_failure_policy_errors": { Args: { "p_policy": Json }; Returns: (string)[] };
      "fn_guardrail_config_errors": {
        Args: { "p_config": Json; "p_kind": Database["agents"]["Enums"]["guardrail_kind"] };
        Returns: string;
      };
      "fn_guardrail_iban_valid": { Args: { "p_iban": string }; Returns: boolean };
      "fn_guardrail_judge_model": { Args: { "p_ai_lenser_id": string; "p_config": Json }; Returns: Json };
      "fn_guardrail_judgement_error": { Args: { "p_final": Json; "p_stored": Json }; Returns: string };
      "fn_guardrail_luhn_valid": { Args: { "p_digits": string }; Returns: boolean };
      "fn_guardrail_matches": {
        Args: {
          "p_config": Json;
          "p_kind": Database["agents"]["Enums"]["guardrail_kind"];
          "p_limit"?: number;
          "p_text": string;
        };
        Returns: Json;
      };
      "fn_guardrail_pii_matches": {
        Args: { "p_kinds": (string)[]; "p_limit"?: number; "p_text": string };
        Returns: Json;
      };
      "fn_guardrail_regex_error": { Args: { "p_flags": string; "p_pattern": string }; Returns: string };
      "fn_guardrail_rewrite": {
        Args: { "p_config": Json; "p_kind": Database["agents"]["Enums"]["guardrail_kind"]; "p_text": string };
        Returns: string;
      };
      "fn_guardrail_terms_pattern": { Args: { "p_config": Json }; Returns: string };
      "fn_guardrail_verdict_of": { Args: { "p_hits": Json }; Returns: string };
      "fn_host_patterns_valid": { Args: { "p_hosts": (string)[] }; Returns: boolean };
      "fn_is_iso_timestamp": { Args: { "p_value": Json }; Returns: boolean };
      "fn_journal_append": {
        Args: {
          "p_content": string;
          "p_invocation_id"?: string;
          "p_is_error"?: boolean;
          "p_result_id": string;
          "p_role": string;
          "p_tool_call_id"?: string;
          "p_tool_calls"?: Json;
          "p_tool_name"?: string;
          "p_turn_no": number;
        };
        Returns: number;
      };
      "fn_json_is_guid": { Args: { "p_value": Json }; Returns: boolean };
      "fn_json_number": { Args: { "p_value": Json }; Returns: number };
      "fn_json_unknown_keys": { Args: { "p_allowed": (string)[]; "p_value": Json }; Returns: (string)[] };
      "fn_leased_delivery": {
        Args: { "p_delivery_id": string; "p_fn": string; "p_lease_token": string };
        Returns: {
          "attempts": number;
          "consumer": string;
          "created_at": string;
          "event_id": number;
          "id": string;
          "last_error": string | null;
          "lease_expirations": number;
          "lease_expires_at": string | null;
          "lease_owner": string | null;
          "lease_token": string | null;
          "next_attempt_at": string;
          "processed_at": string | null;
          "result": Json | null;
          "scope_id": string;
          "state": Database["agents"]["Enums"]["delivery_state"];
          "updated_at": string;
        };
        SetofOptions: {
          from: "*";
          to: "event_deliveries";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_leased_send": {
        Args: { "p_lease_token": string; "p_message_id": string; "p_rpc": string };
        Returns: {
          "ai_lenser_id": string;
          "attempts": number;
          "binding_id": string;
          "conversation_id": string;
          "created_at": string;
          "delivery_key": string | null;
          "done_at": string | null;
          "held_for_judgement": boolean;
          "last_attempt_at": string | null;
          "last_error": Json | null;
          "lease_expires_at": string | null;
          "lease_owner": string | null;
          "lease_token": string | null;
          "message_id": string;
          "next_attempt_at": string;
          "origin": NonNullable<Json>;
          "sent_as": Database["agents"]["Enums"]["send_mode"] | null;
          "turn_id": string | null;
          "uncertain_since": string | null;
        };
        SetofOptions: {
          from: "*";
          to: "message_sends";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_leased_turn": {
        Args: {
          "p_fn": string;
          "p_result": Omit<
            Database["lenses"]["Tables"]["workflow_node_results"]["Row"],
            Database["lenses"]["Tables"]["workflow_node_results"]["ComputedFields"]
          >;
        };
        Returns: {
          "ai_lenser_id": string;
          "memory_ids": (string)[];
          "memory_profile_id": string | null;
          "node_result_id": string;
          "personality_profile_id": string | null;
          "prompt_hash": string;
          "started_at": string;
          "tool_profile_id": string | null;
          "turn_no": number;
          "updated_at": string;
        };
        SetofOptions: {
          from: "*";
          to: "agent_turns";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_may_decide_team_run": {
        Args: {
          "p_team_run": Omit<
            Database["agents"]["Tables"]["team_runs"]["Row"],
            Database["agents"]["Tables"]["team_runs"]["ComputedFields"]
          >;
        };
        Returns: boolean;
      };
      "fn_message_status_moves": {
        Args: {
          "p_from": Database["agents"]["Enums"]["message_status"];
          "p_to": Database["agents"]["Enums"]["message_status"];
        };
        Returns: boolean;
      };
      "fn_message_status_rank": {
        Args: { "p_status": Database["agents"]["Enums"]["message_status"] };
        Returns: number;
      };
      "fn_model_params_errors": { Args: { "p_params": Json }; Returns: (string)[] };
      "fn_node_members": {
        Args: {
          "p_assignment": Omit<
            Database["agents"]["Tables"]["workflow_assignments"]["Row"],
            Database["agents"]["Tables"]["workflow_assignments"]["ComputedFields"]
          >;
          "p_rpc": string;
        };
        Returns: {
          "ai_lenser_id": string;
          "lane": number;
          "member_id": string;
          "node_id": string;
          "node_key": string;
          "node_title": string;
          "source": Database["agents"]["Enums"]["step_member_source"];
          "workflow_order": number;
        }[];
      };
      "fn_output_destination_errors": { Args: { "p_destination": Json }; Returns: (string)[] };
      "fn_park_task": {
        Args: { "p_result_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_node_results"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_node_results";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_process_sql_delivery": {
        Args: { "p_delivery_id": string };
        Returns: Database["agents"]["Enums"]["delivery_state"];
      };
      "fn_profile_clear_default": {
        Args: { "p_ai_lenser_id": string; "p_keep_id": string; "p_kind": unknown };
        Returns: undefined;
      };
      "fn_profile_kind": { Args: { "p_type": unknown }; Returns: string };
      "fn_queue_conversation_turn": {
        Args: { "p_conversation_id": string; "p_seq": number };
        Returns: string;
      };
      "fn_queue_policy_errors": { Args: { "p_policy": Json }; Returns: (string)[] };
      "fn_record_guardrail_verdict": {
        Args: {
          "p_context"?: Json;
          "p_conversation_id"?: string;
          "p_message_id"?: string;
          "p_node_result_id"?: string;
          "p_verdict": Json;
        };
        Returns: number;
      };
      "fn_remember": {
        Args: {
          "p_confidence"?: number;
          "p_content": string;
          "p_embedding"?: string;
          "p_result_id": string;
          "p_source": Database["agents"]["Enums"]["memory_source"];
        };
        Returns: {
          "ai_lenser_id": string;
          "confidence": number;
          "content": string;
          "created_at": string;
          "created_by": string | null;
          "embedding": string | null;
          "embedding_model_id": string | null;
          "expires_at": string | null;
          "id": string;
          "memory_profile_id": string;
          "metadata": NonNullable<Json>;
          "redacted_at": string | null;
          "redacted_by": string | null;
          "scope": Database["agents"]["Enums"]["memory_scope"];
          "source": Database["agents"]["Enums"]["memory_source"];
        };
        SetofOptions: {
          from: "*";
          to: "memories";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_reply_outbound": {
        Args: { "p_conversation_id": string; "p_origin"?: Json; "p_text": string; "p_turn_id"?: string };
        Returns: string;
      };
      "fn_request_team_run": {
        Args: {
          "p_assignment": Omit<
            Database["agents"]["Tables"]["workflow_assignments"]["Row"],
            Database["agents"]["Tables"]["workflow_assignments"]["ComputedFields"]
          >;
          "p_deadline_seconds": number;
          "p_input": Json;
          "p_lenser_id": string;
          "p_rpc": string;
        };
        Returns: {
          "approval_expires_at": string | null;
          "approval_hash": string;
          "approval_status": Database["agents"]["Enums"]["approval_status"];
          "assignee_ai_lenser_id": string | null;
          "assignee_kind": Database["agents"]["Enums"]["assignee_kind"];
          "assignee_team_id": string | null;
          "assignment_id": string;
          "created_at": string;
          "deadline_seconds": number | null;
          "decided_at": string | null;
          "decided_by": string | null;
          "decision_reason": string | null;
          "escalated_at": string | null;
          "escalated_to": (string)[] | null;
          "finished_at": string | null;
          "id": string;
          "input": NonNullable<Json>;
          "lenser_id": string;
          "policies": NonNullable<Json>;
          "queue_position": number;
          "queue_state": Database["agents"]["Enums"]["team_run_queue_state"];
          "scratchpad": NonNullable<Json>;
          "started_at": string | null;
          "status": Database["agents"]["Enums"]["team_run_status"];
          "status_reason": string | null;
          "updated_at": string;
          "watched_until": string | null;
          "workflow_id": string;
          "workflow_run_id": string | null;
        };
        SetofOptions: {
          from: "*";
          to: "team_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_retrieve_memories": {
        Args: {
          "p_ai_lenser_id": string;
          "p_embedding_model_id": string;
          "p_limit": number;
          "p_member_id": string;
          "p_memory_profile_id": string;
          "p_query": string;
          "p_run_id": string;
          "p_team_id": string;
          "p_workflow_id": string;
        };
        Returns: {
          "ai_lenser_id": string;
          "content": string;
          "memory_id": string;
          "scope": Database["agents"]["Enums"]["memory_scope"];
          "similarity": number;
          "source": Database["agents"]["Enums"]["memory_source"];
        }[];
      };
      "fn_retry_policy_errors": { Args: { "p_policy": Json }; Returns: (string)[] };
      "fn_review_completion": {
        Args: {
          "p_contract": Json;
          "p_output": Json;
          "p_result": Omit<
            Database["lenses"]["Tables"]["workflow_node_results"]["Row"],
            Database["lenses"]["Tables"]["workflow_node_results"]["ComputedFields"]
          >;
          "p_text": string;
        };
        Returns: Json;
      };
      "fn_review_contract": { Args: Record<PropertyKey, never>; Returns: Json };
      "fn_review_prompt": {
        Args: { "p_candidate": Json; "p_node_key": string; "p_task_prompt": string };
        Returns: string;
      };
      "fn_rpc_assignment_policies": {
        Args: {
          "p_approval_policy": Json;
          "p_assignee_ai_lenser_id": string;
          "p_assignee_team_id": string;
          "p_failure_policy": Json;
          "p_output_destination": Json;
          "p_queue_policy": Json;
          "p_retry_policy": Json;
          "p_rpc": string;
        };
        Returns: undefined;
      };
      "fn_rpc_binding": {
        Args: { "p_binding_id": string; "p_manage": boolean; "p_rpc": string };
        Returns: {
          "access_token_env": string | null;
          "ai_lenser_id": string;
          "allowed_origins": (string)[];
          "app_secret_env": string | null;
          "bot_token_env": string | null;
          "channel": Database["agents"]["Enums"]["channel"];
          "created_at": string;
          "created_by": string | null;
          "debounce_ms": number;
          "fallback_text": string;
          "id": string;
          "loop_guard_max_turns": number;
          "loop_guard_window_seconds": number;
          "memory_profile_id": string | null;
          "model_profile_id": string | null;
          "name": string;
          "personality_profile_id": string | null;
          "reply_workflow_id": string | null;
          "routing_key": string;
          "send_rate_per_second": number;
          "signing_secret_env": string | null;
          "status": Database["agents"]["Enums"]["binding_status"];
          "tool_profile_id": string | null;
          "updated_at": string;
          "verify_token_env": string | null;
          "version": number;
          "whatsapp_template": Json | null;
        };
        SetofOptions: {
          from: "*";
          to: "channel_bindings";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_rpc_capabilities": {
        Args: { "p_capabilities": (Database["lenses"]["Enums"]["instruction_category"])[]; "p_rpc": string };
        Returns: undefined;
      };
      "fn_rpc_contact": {
        Args: { "p_arg": string; "p_contact_id": string; "p_rpc": string };
        Returns: {
          "ai_lenser_id": string;
          "created_at": string;
          "display_name": string | null;
          "id": string;
          "merged_into_id": string | null;
          "metadata": NonNullable<Json>;
          "profile_id": string | null;
          "resolved": boolean;
          "resolved_at": string | null;
          "updated_at": string;
        };
        SetofOptions: {
          from: "*";
          to: "contacts";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_rpc_delete_profile": {
        Args: { "p_kind": unknown; "p_profile_id": string; "p_rpc": string };
        Returns: unknown;
      };
      "fn_rpc_editable_assignment": {
        Args: { "p_assignment_id": string; "p_rpc": string };
        Returns: {
          "approval_policy": NonNullable<Json>;
          "assignee_ai_lenser_id": string | null;
          "assignee_kind": Database["agents"]["Enums"]["assignee_kind"];
          "assignee_team_id": string | null;
          "created_at": string;
          "created_by": string | null;
          "disabled_at": string | null;
          "failure_policy": NonNullable<Json>;
          "id": string;
          "node_bindings": NonNullable<Json>;
          "output_destination": NonNullable<Json>;
          "queue_policy": NonNullable<Json>;
          "retry_policy": NonNullable<Json>;
          "status": Database["agents"]["Enums"]["assignment_status"];
          "updated_at": string;
          "workflow_id": string;
        };
        SetofOptions: {
          from: "*";
          to: "workflow_assignments";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_rpc_editable_guardrail_rule": {
        Args: { "p_rpc": string; "p_rule_id": string };
        Returns: {
          "action": Database["agents"]["Enums"]["guardrail_action"];
          "ai_lenser_id": string | null;
          "binding_id": string | null;
          "config": NonNullable<Json>;
          "created_at": string;
          "created_by": string | null;
          "direction": Database["agents"]["Enums"]["guardrail_direction"];
          "enabled": boolean;
          "id": string;
          "kind": Database["agents"]["Enums"]["guardrail_kind"];
          "name": string;
          "seq": number;
          "severity": Database["agents"]["Enums"]["guardrail_severity"];
          "team_id": string | null;
          "tier": Database["agents"]["Enums"]["guardrail_tier"];
          "updated_at": string;
          "version": number;
        };
        SetofOptions: {
          from: "*";
          to: "guardrail_rules";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_rpc_editable_member": {
        Args: { "p_member_id": string; "p_rpc": string };
        Returns: {
          "agent_id": string;
          "capabilities": (Database["lenses"]["Enums"]["instruction_category"])[];
          "created_at": string;
          "id": string;
          "lane": number;
          "memory_profile_id": string | null;
          "model_profile_id": string | null;
          "personality_profile_id": string | null;
          "responsibility": string | null;
          "role": Database["agents"]["Enums"]["team_member_role"];
          "team_id": string;
          "tool_profile_id": string | null;
          "updated_at": string;
        };
        SetofOptions: {
          from: "*";
          to: "team_members";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_rpc_editable_team": {
        Args: { "p_rpc": string; "p_team_id": string };
        Returns: {
          "archived_at": string | null;
          "created_at": string;
          "description": string | null;
          "id": string;
          "name": string;
          "owner_lenser_id": string;
          "scratchpad": NonNullable<Json>;
          "status": Database["agents"]["Enums"]["team_status"];
          "updated_at": string;
        };
        SetofOptions: {
          from: "*";
          to: "teams";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_rpc_guardrail_config": {
        Args: { "p_config": Json; "p_kind": Database["agents"]["Enums"]["guardrail_kind"]; "p_rpc": string };
        Returns: undefined;
      };
      "fn_rpc_list_profiles": {
        Args: {
          "p_ai_lenser_id": string;
          "p_kind": unknown;
          "p_limit": number;
          "p_offset": number;
          "p_rpc": string;
        };
        Returns: unknown[];
      };
      "fn_rpc_member_profiles": {
        Args: {
          "p_agent_id": string;
          "p_memory_profile_id": string;
          "p_model_profile_id": string;
          "p_personality_profile_id": string;
          "p_rpc": string;
          "p_tool_profile_id": string;
        };
        Returns: undefined;
      };
      "fn_rpc_memory_profile": {
        Args: { "p_memory_profile_id": string; "p_rpc": string; "p_write": boolean };
        Returns: {
          "ai_lenser_id": string;
          "created_at": string;
          "embedding_model_id": string | null;
          "id": string;
          "is_default": boolean;
          "isolation_mode": Database["agents"]["Enums"]["memory_isolation_mode"];
          "name": string;
          "reset_policy": Database["agents"]["Enums"]["memory_reset_policy"];
          "retention_days": number | null;
          "retrieval_top_k": number;
          "scope_type": Database["agents"]["Enums"]["memory_scope"];
          "summary_strategy": Database["agents"]["Enums"]["memory_summary_strategy"];
          "updated_at": string;
          "visibility": Database["agents"]["Enums"]["memory_visibility"];
        };
        SetofOptions: {
          from: "*";
          to: "memory_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_rpc_node_bindings": {
        Args: {
          "p_assignee_kind": Database["agents"]["Enums"]["assignee_kind"];
          "p_node_bindings": Json;
          "p_rpc": string;
        };
        Returns: undefined;
      };
      "fn_rpc_not_null": {
        Args: { "p_arg": string; "p_rpc": string; "p_value": unknown };
        Returns: undefined;
      };
      "fn_rpc_profile": {
        Args: { "p_kind": unknown; "p_profile_id": string; "p_rpc": string };
        Returns: unknown;
      };
      "fn_rpc_profile_name_free": {
        Args: {
          "p_ai_lenser_id": string;
          "p_kind": unknown;
          "p_name": string;
          "p_profile_id": string;
          "p_rpc": string;
        };
        Returns: undefined;
      };
      "fn_rpc_require_manage": { Args: { "p_ai_lenser_id": string; "p_rpc": string }; Returns: undefined };
      "fn_rpc_require_operate": { Args: { "p_ai_lenser_id": string; "p_rpc": string }; Returns: undefined };
      "fn_rpc_scratchpad": { Args: { "p_rpc": string; "p_scratchpad": Json }; Returns: undefined };
      "fn_rpc_set_default_profile": {
        Args: { "p_kind": unknown; "p_profile_id": string; "p_rpc": string };
        Returns: unknown;
      };
      "fn_rpc_text": {
        Args: { "p_arg": string; "p_max": number; "p_rpc": string; "p_value": string };
        Returns: undefined;
      };
      "fn_rpc_tool_invocation": {
        Args: { "p_invocation_id": string; "p_rpc": string };
        Returns: {
          "ai_lenser_id": string;
          "approval_hash": string | null;
          "approved_at": string | null;
          "approved_by": string | null;
          "call_index": number | null;
          "completed_at": string | null;
          "cost_credits": number;
          "created_at": string;
          "error": string | null;
          "id": string;
          "input": NonNullable<Json>;
          "latency_ms": number | null;
          "output": Json | null;
          "rejected_at": string | null;
          "rejected_by": string | null;
          "rejected_reason": string | null;
          "requested_by": string | null;
          "requires_approval": boolean;
          "started_at": string | null;
          "status": Database["agents"]["Enums"]["tool_invocation_status"];
          "step_id": string | null;
          "tool_call_id": string | null;
          "tool_id": string;
          "tool_profile_id": string | null;
          "updated_at": string;
          "workflow_node_result_id": string | null;
        };
        SetofOptions: {
          from: "*";
          to: "tool_invocations";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_run_reply_text": { Args: { "p_output": Json }; Returns: string };
      "fn_send_message_tool": {
        Args: { "p_ai_lenser_id": string; "p_input": Json; "p_origin"?: Json };
        Returns: Json;
      };
      "fn_settle_delivery": {
        Args: { "p_delivery_id": string; "p_error": string; "p_result": Json; "p_retryable": boolean };
        Returns: {
          "attempts": number;
          "consumer": string;
          "created_at": string;
          "event_id": number;
          "id": string;
          "last_error": string | null;
          "lease_expirations": number;
          "lease_expires_at": string | null;
          "lease_owner": string | null;
          "lease_token": string | null;
          "next_attempt_at": string;
          "processed_at": string | null;
          "result": Json | null;
          "scope_id": string;
          "state": Database["agents"]["Enums"]["delivery_state"];
          "updated_at": string;
        };
        SetofOptions: {
          from: "*";
          to: "event_deliveries";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_settle_guardrail_judgement": {
        Args: {
          "p_judgement": Omit<
            Database["agents"]["Tables"]["guardrail_judgements"]["Row"],
            Database["agents"]["Tables"]["guardrail_judgements"]["ComputedFields"]
          >;
          "p_verdict": Json;
        };
        Returns: Json;
      };
      "fn_start_team_run": {
        Args: {
          "p_team_run": Omit<
            Database["agents"]["Tables"]["team_runs"]["Row"],
            Database["agents"]["Tables"]["team_runs"]["ComputedFields"]
          >;
        };
        Returns: undefined;
      };
      "fn_step_may_start": {
        Args: { "p_ready"?: (string)[]; "p_result_id": string; "p_taken"?: (string)[] };
        Returns: boolean;
      };
      "fn_step_model": {
        Args: { "p_kind": Database["agents"]["Enums"]["agent_run_step_kind"]; "p_result_id": string };
        Returns: Record<string, unknown>;
      };
      "fn_step_status": {
        Args: { "p_status": Database["lenses"]["Enums"]["node_result_status"] };
        Returns: Database["agents"]["Enums"]["agent_run_step_status"];
      };
      "fn_team_run_approval_hash": {
        Args: { "p_input": Json; "p_policies": Json; "p_workflow_id": string };
        Returns: string;
      };
      "fn_tier_config": { Args: { "p_row": Json }; Returns: Json };
      "fn_tool_access": {
        Args: { "p_tool_id": string; "p_tool_profile_id": string };
        Returns: {
          "allowed": boolean;
          "reason": string;
          "requires_approval": boolean;
        }[];
      };
      "fn_tool_call_hash": { Args: { "p_input": Json; "p_tool_key": string }; Returns: string };
      "fn_tool_provider_overrides_errors": { Args: { "p_overrides": Json }; Returns: (string)[] };
      "fn_tool_usable": { Args: { "p_ai_lenser_id": string; "p_tool_owner_id": string }; Returns: boolean };
      "fn_turn_context": {
        Args: {
          "p_ai_lenser_id": string;
          "p_member_id": string;
          "p_prompt": string;
          "p_result_id": string;
          "p_run_id": string;
          "p_team_id": string;
          "p_workflow_id": string;
        };
        Returns: Json;
      };
      "fn_turn_memories": {
        Args: {
          "p_embedding_model_id": string;
          "p_limit": number;
          "p_query": string;
          "p_result": Omit<
            Database["lenses"]["Tables"]["workflow_node_results"]["Row"],
            Database["lenses"]["Tables"]["workflow_node_results"]["ComputedFields"]
          >;
          "p_turn": Omit<
            Database["agents"]["Tables"]["agent_turns"]["Row"],
            Database["agents"]["Tables"]["agent_turns"]["ComputedFields"]
          >;
        };
        Returns: {
          "ai_lenser_id": string;
          "content": string;
          "memory_id": string;
          "scope": Database["agents"]["Enums"]["memory_scope"];
          "similarity": number;
          "source": Database["agents"]["Enums"]["memory_source"];
        }[];
      };
      "fn_wake_worker": { Args: { "p_kind": string }; Returns: string };
      "fn_workflow_order": {
        Args: { "p_workflow_id": string };
        Returns: {
          "node_id": string;
          "workflow_order": number;
        }[];
      };
    };
    Enums: {
      "agent_run_step_kind": "perform" | "review";
      "agent_run_step_status": "queued" | "running" | "completed" | "failed" | "blocked" | "skipped";
      "approval_request_kind": "team_run" | "tool_invocation";
      "approval_status": "pending" | "approved" | "rejected" | "not_required";
      "assignee_kind": "agent" | "team";
      "assignment_status": "active" | "disabled";
      "autonomy_level": "manual" | "supervised" | "semi_autonomous" | "autonomous";
      "binding_status": "active" | "archived";
      "channel": "whatsapp" | "slack" | "web";
      "communication_style": "concise" | "detailed" | "structured" | "conversational";
      "config_tier": "binding" | "personality_profile" | "memory_profile" | "tool_profile" | "model_profile";
      "conversation_state": "active" | "paused" | "closed";
      "conversation_turn_status": "queued" | "running" | "done" | "failed" | "cancelled" | "paused";
      "decision_style": "cautious" | "balanced" | "decisive" | "consensus";
      "delivery_state": "pending" | "processing" | "processed" | "failed";
      "escalation_behavior": "never" | "on_uncertainty" | "on_risk" | "always";
      "event_handler_kind": "sql" | "worker";
      "event_module": "lenses" | "agents" | "channels" | "contacts" | "guardrails" | "budgets";
      "event_subject_kind":
        | "workflow_run"
        | "team_run"
        | "message"
        | "conversation"
        | "contact"
        | "guardrail_violation"
        | "event_delivery";
      "expertise_level": "novice" | "intermediate" | "expert" | "specialist";
      "guardrail_action": "block" | "rewrite" | "log";
      "guardrail_direction": "input" | "output" | "both";
      "guardrail_judgement_status": "pending" | "judged";
      "guardrail_kind": "blocked_terms" | "regex" | "max_length" | "pii" | "model_judge";
      "guardrail_pii_kind": "email" | "phone" | "credit_card" | "iban";
      "guardrail_severity": "low" | "medium" | "high" | "critical";
      "guardrail_tier": "agent" | "team" | "binding";
      "memory_isolation_mode": "isolated" | "team_shared";
      "memory_reset_policy": "never" | "per_run" | "per_conversation" | "daily" | "weekly";
      "memory_scope": "agent" | "team" | "workflow" | "run" | "conversation" | "contact";
      "memory_source": "manual" | "conversation" | "tool" | "workflow" | "reflection" | "import";
      "memory_summary_strategy": "none" | "rolling" | "periodic" | "on_threshold";
      "memory_visibility": "owners" | "operators";
      "message_direction": "inbound" | "outbound";
      "message_status": "queued" | "sent" | "delivered" | "read" | "failed";
      "ownership_permission": "run" | "edit" | "publish" | "manage_tools" | "manage_memory" | "view_runs";
      "ownership_role": "owner" | "co_owner" | "operator";
      "personality_tone": "neutral" | "friendly" | "formal" | "playful" | "direct" | "empathetic";
      "policy_decision": "allow" | "deny" | "require_approval";
      "policy_rule":
        | "tool_profile_allows"
        | "tool_profile_denies"
        | "not_in_tool_profile"
        | "unknown_tool"
        | "tool_disabled"
        | "approval_required"
        | "iteration_limit"
        | "invalid_arguments";
      "risk_tolerance": "low" | "medium" | "high";
      "runtime_pref": "cloud" | "local" | "hybrid";
      "send_mode": "text" | "template" | "stream";
      "step_member_source":
        | "assignee"
        | "binding"
        | "capability"
        | "lead"
        | "handoff"
        | "delegate"
        | "reviewer";
      "team_edge_type": "delegates" | "reviews" | "reports_to" | "shares_context" | "handoff";
      "team_member_role": "lead" | "member" | "reviewer" | "observer";
      "team_run_queue_state": "waiting" | "admitted" | "skipped";
      "team_run_status": "queued" | "running" | "completed" | "failed" | "cancelled" | "blocked";
      "team_status": "active" | "paused" | "archived";
      "tool_egress_class": "none" | "internal" | "external_read" | "external_write";
      "tool_invocation_status":
        | "requested"
        | "awaiting_approval"
        | "approved"
        | "rejected"
        | "running"
        | "succeeded"
        | "failed";
    };
    CompositeTypes: {
      [_ in never]: never;
    };
  };
  "ai": {
    Tables: {
      "budget_alerts": {
        Row: {
          "budget_id": string;
          "created_at": string;
          "limit_credits": number;
          "node_result_id": string | null;
          "period_start": string;
          "run_id": string | null;
          "spent_credits": number;
          "threshold_percent": number;
        };
        ComputedFields: never;
        Insert: {
          "budget_id": string;
          "created_at"?: string;
          "limit_credits": number;
          "node_result_id"?: string | null;
          "period_start": string;
          "run_id"?: string | null;
          "spent_credits": number;
          "threshold_percent": number;
        };
        Update: {
          "budget_id"?: string;
          "created_at"?: string;
          "limit_credits"?: number;
          "node_result_id"?: string | null;
          "period_start"?: string;
          "run_id"?: string | null;
          "spent_credits"?: number;
          "threshold_percent"?: number;
        };
        Relationships: [
          {
            foreignKeyName: "budget_alerts_budget_id_fkey";
            columns: ["budget_id"];
            isOneToOne: false;
            referencedRelation: "budgets";
            referencedColumns: ["id"];
          },
        ];
      };
      "budget_periods": {
        Row: {
          "budget_id": string;
          "created_at": string;
          "enforcement": Database["ai"]["Enums"]["budget_enforcement"];
          "limit_credits": number;
          "overrun_credits": number;
          "period_end": string;
          "period_start": string;
          "reserved_credits": number;
          "spent_credits": number;
        };
        ComputedFields: never;
        Insert: {
          "budget_id": string;
          "created_at"?: string;
          "enforcement": Database["ai"]["Enums"]["budget_enforcement"];
          "limit_credits": number;
          "overrun_credits"?: number;
          "period_end": string;
          "period_start": string;
          "reserved_credits"?: number;
          "spent_credits"?: number;
        };
        Update: {
          "budget_id"?: string;
          "created_at"?: string;
          "enforcement"?: Database["ai"]["Enums"]["budget_enforcement"];
          "limit_credits"?: number;
          "overrun_credits"?: number;
          "period_end"?: string;
          "period_start"?: string;
          "reserved_credits"?: number;
          "spent_credits"?: number;
        };
        Relationships: [
          {
            foreignKeyName: "budget_periods_budget_id_fkey";
            columns: ["budget_id"];
            isOneToOne: false;
            referencedRelation: "budgets";
            referencedColumns: ["id"];
          },
        ];
      };
      "budget_reservations": {
        Row: {
          "actual_credits": number | null;
          "amount_credits": number;
          "attempt": number;
          "budget_ids": (string)[];
          "created_at": string;
          "ended_at": string | null;
          "node_result_id": string;
          "period_starts": (string)[];
          "run_id": string;
          "status": Database["ai"]["Enums"]["budget_reservation_status"];
          "unpriced": boolean;
        };
        ComputedFields: never;
        Insert: {
          "actual_credits"?: number | null;
          "amount_credits": number;
          "attempt": number;
          "budget_ids": (string)[];
          "created_at"?: string;
          "ended_at"?: string | null;
          "node_result_id": string;
          "period_starts": (string)[];
          "run_id": string;
          "status"?: Database["ai"]["Enums"]["budget_reservation_status"];
          "unpriced"?: boolean;
        };
        Update: {
          "actual_credits"?: number | null;
          "amount_credits"?: number;
          "attempt"?: number;
          "budget_ids"?: (string)[];
          "created_at"?: string;
          "ended_at"?: string | null;
          "node_result_id"?: string;
          "period_starts"?: (string)[];
          "run_id"?: string;
          "status"?: Database["ai"]["Enums"]["budget_reservation_status"];
          "unpriced"?: boolean;
        };
        Relationships: [];
      };
      "budgets": {
        Row: {
          "ai_lenser_id": string | null;
          "amount_credits": number;
          "archived_at": string | null;
          "created_at": string;
          "created_by": string | null;
          "enforcement": Database["ai"]["Enums"]["budget_enforcement"];
          "id": string;
          "lenser_id": string | null;
          "on_exceed": Database["ai"]["Enums"]["budget_on_exceed"] | null;
          "period": Database["ai"]["Enums"]["budget_period"];
          "scope": Database["ai"]["Enums"]["budget_scope"];
          "updated_at": string;
          "workflow_id": string | null;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id"?: string | null;
          "amount_credits": number;
          "archived_at"?: string | null;
          "created_at"?: string;
          "created_by"?: string | null;
          "enforcement": Database["ai"]["Enums"]["budget_enforcement"];
          "id"?: string;
          "lenser_id"?: string | null;
          "on_exceed"?: Database["ai"]["Enums"]["budget_on_exceed"] | null;
          "period": Database["ai"]["Enums"]["budget_period"];
          "scope": Database["ai"]["Enums"]["budget_scope"];
          "updated_at"?: string;
          "workflow_id"?: string | null;
        };
        Update: {
          "ai_lenser_id"?: string | null;
          "amount_credits"?: number;
          "archived_at"?: string | null;
          "created_at"?: string;
          "created_by"?: string | null;
          "enforcement"?: Database["ai"]["Enums"]["budget_enforcement"];
          "id"?: string;
          "lenser_id"?: string | null;
          "on_exceed"?: Database["ai"]["Enums"]["budget_on_exceed"] | null;
          "period"?: Database["ai"]["Enums"]["budget_period"];
          "scope"?: Database["ai"]["Enums"]["budget_scope"];
          "updated_at"?: string;
          "workflow_id"?: string | null;
        };
        Relationships: [];
      };
      "llm_calls": {
        Row: {
          "ai_lenser_id": string | null;
          "attempt": number | null;
          "cache_write_tokens": number;
          "cached_tokens": number;
          "cost_credits": number | null;
          "created_at": string;
          "error_kind": Database["lenses"]["Enums"]["task_error_kind"] | null;
          "id": string;
          "input_tokens": number;
          "latency_ms": number;
          "metadata": NonNullable<Json>;
          "model_id": string | null;
          "model_key": string;
          "node_result_id": string | null;
          "output_tokens": number;
          "price_effective_from": string | null;
          "provider_id": string | null;
          "provider_key": string;
          "reasoning_tokens": number;
          "run_id": string | null;
          "status": Database["ai"]["Enums"]["llm_call_status"];
          "ttft_ms": number | null;
          "unpriced": boolean;
          "workflow_id": string | null;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id"?: string | null;
          "attempt"?: number | null;
          "cache_write_tokens"?: number;
          "cached_tokens"?: number;
          "cost_credits"?: number | null;
          "created_at"?: string;
          "error_kind"?: Database["lenses"]["Enums"]["task_error_kind"] | null;
          "id"?: string;
          "input_tokens"?: number;
          "latency_ms": number;
          "metadata"?: NonNullable<Json>;
          "model_id"?: string | null;
          "model_key": string;
          "node_result_id"?: string | null;
          "output_tokens"?: number;
          "price_effective_from"?: string | null;
          "provider_id"?: string | null;
          "provider_key": string;
          "reasoning_tokens"?: number;
          "run_id"?: string | null;
          "status": Database["ai"]["Enums"]["llm_call_status"];
          "ttft_ms"?: number | null;
          "unpriced"?: boolean;
          "workflow_id"?: string | null;
        };
        Update: {
          "ai_lenser_id"?: string | null;
          "attempt"?: number | null;
          "cache_write_tokens"?: number;
          "cached_tokens"?: number;
          "cost_credits"?: number | null;
          "created_at"?: string;
          "error_kind"?: Database["lenses"]["Enums"]["task_error_kind"] | null;
          "id"?: string;
          "input_tokens"?: number;
          "latency_ms"?: number;
          "metadata"?: NonNullable<Json>;
          "model_id"?: string | null;
          "model_key"?: string;
          "node_result_id"?: string | null;
          "output_tokens"?: number;
          "price_effective_from"?: string | null;
          "provider_id"?: string | null;
          "provider_key"?: string;
          "reasoning_tokens"?: number;
          "run_id"?: string | null;
          "status"?: Database["ai"]["Enums"]["llm_call_status"];
          "ttft_ms"?: number | null;
          "unpriced"?: boolean;
          "workflow_id"?: string | null;
        };
        Relationships: [];
      };
      "model_prices": {
        Row: {
          "cache_write_per_mtok": number;
          "cached_input_per_mtok": number;
          "created_at": string;
          "effective_from": string;
          "input_per_mtok": number;
          "model_id": string;
          "output_per_mtok": number;
          "reasoning_per_mtok": number;
        };
        ComputedFields: never;
        Insert: {
          "cache_write_per_mtok": number;
          "cached_input_per_mtok": number;
          "created_at"?: string;
          "effective_from": string;
          "input_per_mtok": number;
          "model_id": string;
          "output_per_mtok": number;
          "reasoning_per_mtok": number;
        };
        Update: {
          "cache_write_per_mtok"?: number;
          "cached_input_per_mtok"?: number;
          "created_at"?: string;
          "effective_from"?: string;
          "input_per_mtok"?: number;
          "model_id"?: string;
          "output_per_mtok"?: number;
          "reasoning_per_mtok"?: number;
        };
        Relationships: [
          {
            foreignKeyName: "model_prices_model_id_fkey";
            columns: ["model_id"];
            isOneToOne: false;
            referencedRelation: "models";
            referencedColumns: ["id"];
          },
        ];
      };
      "models": {
        Row: {
          "cached_input_price_per_mtok": number | null;
          "capability_tags": (Database["ai"]["Enums"]["model_capability"])[];
          "context_window": number;
          "created_at": string;
          "description": string | null;
          "display_name": string;
          "id": string;
          "input_modalities": (Database["ai"]["Enums"]["modality"])[];
          "input_price_per_mtok": number | null;
          "is_default": boolean;
          "max_output_tokens": number | null;
          "metadata": NonNullable<Json>;
          "model_key": string;
          "output_modalities": (Database["ai"]["Enums"]["modality"])[];
          "output_price_per_mtok": number | null;
          "provider_id": string;
          "status": Database["ai"]["Enums"]["model_status"];
          "summary": string;
          "support_level": Database["ai"]["Enums"]["support_level"];
          "updated_at": string;
          "use_cases": (string)[];
        };
        ComputedFields: never;
        Insert: {
          "cached_input_price_per_mtok"?: number | null;
          "capability_tags"?: (Database["ai"]["Enums"]["model_capability"])[];
          "context_window": number;
          "created_at"?: string;
          "description"?: string | null;
          "display_name": string;
          "id"?: string;
          "input_modalities"?: (Database["ai"]["Enums"]["modality"])[];
          "input_price_per_mtok"?: number | null;
          "is_default"?: boolean;
          "max_output_tokens"?: number | null;
          "metadata"?: NonNullable<Json>;
          "model_key": string;
          "output_modalities"?: (Database["ai"]["Enums"]["modality"])[];
          "output_price_per_mtok"?: number | null;
          "provider_id": string;
          "status"?: Database["ai"]["Enums"]["model_status"];
          "summary": string;
          "support_level": Database["ai"]["Enums"]["support_level"];
          "updated_at"?: string;
          "use_cases"?: (string)[];
        };
        Update: {
          "cached_input_price_per_mtok"?: number | null;
          "capability_tags"?: (Database["ai"]["Enums"]["model_capability"])[];
          "context_window"?: number;
          "created_at"?: string;
          "description"?: string | null;
          "display_name"?: string;
          "id"?: string;
          "input_modalities"?: (Database["ai"]["Enums"]["modality"])[];
          "input_price_per_mtok"?: number | null;
          "is_default"?: boolean;
          "max_output_tokens"?: number | null;
          "metadata"?: NonNullable<Json>;
          "model_key"?: string;
          "output_modalities"?: (Database["ai"]["Enums"]["modality"])[];
          "output_price_per_mtok"?: number | null;
          "provider_id"?: string;
          "status"?: Database["ai"]["Enums"]["model_status"];
          "summary"?: string;
          "support_level"?: Database["ai"]["Enums"]["support_level"];
          "updated_at"?: string;
          "use_cases"?: (string)[];
        };
        Relationships: [
          {
            foreignKeyName: "models_provider_id_fkey";
            columns: ["provider_id"];
            isOneToOne: false;
            referencedRelation: "providers";
            referencedColumns: ["id"];
          },
        ];
      };
      "providers": {
        Row: {
          "adapter": Database["ai"]["Enums"]["provider_adapter"];
          "api_key_env": string | null;
          "base_url": string | null;
          "created_at": string;
          "display_name": string;
          "id": string;
          "key": string;
          "metadata": NonNullable<Json>;
          "support_level": Database["ai"]["Enums"]["support_level"];
          "updated_at": string;
          "website_url": string | null;
        };
        ComputedFields: never;
        Insert: {
          "adapter": Database["ai"]["Enums"]["provider_adapter"];
          "api_key_env"?: string | null;
          "base_url"?: string | null;
          "created_at"?: string;
          "display_name": string;
          "id"?: string;
          "key": string;
          "metadata"?: NonNullable<Json>;
          "support_level": Database["ai"]["Enums"]["support_level"];
          "updated_at"?: string;
          "website_url"?: string | null;
        };
        Update: {
          "adapter"?: Database["ai"]["Enums"]["provider_adapter"];
          "api_key_env"?: string | null;
          "base_url"?: string | null;
          "created_at"?: string;
          "display_name"?: string;
          "id"?: string;
          "key"?: string;
          "metadata"?: NonNullable<Json>;
          "support_level"?: Database["ai"]["Enums"]["support_level"];
          "updated_at"?: string;
          "website_url"?: string | null;
        };
        Relationships: [];
      };
    };
    Views: {
      [_ in never]: never;
    };
    Functions: {
      "fn_apply_budget_periods": {
        Args: {
          "p_claim_attempts": (number)[];
          "p_claim_ids": (string)[];
          "p_settle_attempts": (number)[];
          "p_settle_called": (boolean)[];
          "p_settle_costs": (number)[];
          "p_settle_ids": (string)[];
        };
        Returns: undefined;
      };
      "fn_budget_estimates": {
        Args: {
          "p_at": string;
          "p_calls": (number)[];
          "p_chars": (number)[];
          "p_model_ids": (string)[];
          "p_params": (Json)[];
        };
        Returns: {
          "estimate": number;
          "ord": number;
        }[];
      };
      "fn_budget_period_bounds": {
        Args: { "p_at": string; "p_period": Database["ai"]["Enums"]["budget_period"] };
        Returns: Record<string, unknown>;
      };
      "fn_call_cost": {
        Args: {
          "p_at": string;
          "p_cache_write_tokens"?: number;
          "p_cached_tokens"?: number;
          "p_input_tokens": number;
          "p_model_id": string;
          "p_output_tokens": number;
          "p_reasoning_tokens"?: number;
        };
        Returns: Record<string, unknown>;
      };
      "fn_check_budget_args": {
        Args: {
          "p_amount_credits": number;
          "p_enforcement": Database["ai"]["Enums"]["budget_enforcement"];
          "p_is_update"?: boolean;
          "p_on_exceed": Database["ai"]["Enums"]["budget_on_exceed"];
          "p_period": Database["ai"]["Enums"]["budget_period"];
          "p_rpc": string;
        };
        Returns: undefined;
      };
      "fn_local_embedding": { Args: { "p_text": string }; Returns: string };
      "fn_local_embedding_model_id": { Args: Record<PropertyKey, never>; Returns: string };
      "fn_may_manage_budget": {
        Args: {
          "p_ai_lenser_id": string;
          "p_lenser_id": string;
          "p_scope": Database["ai"]["Enums"]["budget_scope"];
          "p_workflow_id": string;
        };
        Returns: boolean;
      };
      "fn_may_manage_workflow_budget": { Args: { "p_workflow_id": string }; Returns: boolean };
      "fn_model_price": {
        Args: { "p_at": string; "p_model_id": string };
        Returns: {
          "cache_write_per_mtok": number;
          "cached_input_per_mtok": number;
          "created_at": string;
          "effective_from": string;
          "input_per_mtok": number;
          "model_id": string;
          "output_per_mtok": number;
          "reasoning_per_mtok": number;
        }[];
        SetofOptions: {
          from: "*";
          to: "model_prices";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "fn_price_cost": {
        Args: {
          "p_cache_write_tokens": number;
          "p_cached_tokens": number;
          "p_input_tokens": number;
          "p_output_tokens": number;
          "p_price": Omit<
            Database["ai"]["Tables"]["model_prices"]["Row"],
            Database["ai"]["Tables"]["model_prices"]["ComputedFields"]
          >;
          "p_reasoning_tokens": number;
        };
        Returns: number;
      };
      "fn_reserve_budgets": {
        Args: {
          "p_ai_lenser_ids": (string)[];
          "p_attempts": (number)[];
          "p_calls"?: (number)[];
          "p_chars": (number)[];
          "p_lenser_ids": (string)[];
          "p_lock"?: boolean;
          "p_lock_budget_ids"?: (string)[];
          "p_lock_period_starts"?: (string)[];
          "p_model_ids": (string)[];
          "p_params": (Json)[];
          "p_result_ids": (string)[];
          "p_run_ids": (string)[];
          "p_workflow_ids": (string)[];
        };
        Returns: Json;
      };
      "fn_rpc_budget": {
        Args: { "p_budget_id": string; "p_manage": boolean; "p_rpc": string };
        Returns: {
          "ai_lenser_id": string | null;
          "amount_credits": number;
          "archived_at": string | null;
          "created_at": string;
          "created_by": string | null;
          "enforcement": Database["ai"]["Enums"]["budget_enforcement"];
          "id": string;
          "lenser_id": string | null;
          "on_exceed": Database["ai"]["Enums"]["budget_on_exceed"] | null;
          "period": Database["ai"]["Enums"]["budget_period"];
          "scope": Database["ai"]["Enums"]["budget_scope"];
          "updated_at": string;
          "workflow_id": string | null;
        };
        SetofOptions: {
          from: "*";
          to: "budgets";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_settle_budget_reservations": {
        Args: {
          "p_attempts": (number)[];
          "p_called": (boolean)[];
          "p_costs": (number)[];
          "p_result_ids": (string)[];
        };
        Returns: undefined;
      };
    };
    Enums: {
      "budget_enforcement": "hard" | "soft";
      "budget_on_exceed": "wait" | "fail";
      "budget_period": "day" | "week" | "month" | "none";
      "budget_reservation_status": "held" | "settled" | "released";
      "budget_scope": "ai_lenser" | "workflow" | "lenser";
      "llm_call_status": "succeeded" | "failed";
      "modality": "text" | "image" | "audio" | "video" | "pdf" | "embedding";
      "model_capability":
        | "chat"
        | "reasoning"
        | "tool_use"
        | "json_output"
        | "vision"
        | "embedding"
        | "long_context"
        | "code"
        | "streaming"
        | "prompt_caching";
      "model_status": "active" | "preview" | "deprecated" | "retired";
      "provider_adapter": "local" | "openai_compatible" | "anthropic" | "google";
      "support_level": "runnable" | "byok_only" | "catalog_only" | "deprecated";
    };
    CompositeTypes: {
      [_ in never]: never;
    };
  };
  "lensers": {
    Tables: {
      "profiles": {
        Row: {
          "avatar_url": string | null;
          "banner_url": string | null;
          "created_at": string;
          "display_name": string;
          "handle": string;
          "id": string;
          "status": Database["lensers"]["Enums"]["profile_status"];
          "type": Database["lensers"]["Enums"]["lenser_type"];
          "updated_at": string;
          "user_id": string | null;
          "visibility": Database["lensers"]["Enums"]["profile_visibility"];
        };
        ComputedFields: never;
        Insert: {
          "avatar_url"?: string | null;
          "banner_url"?: string | null;
          "created_at"?: string;
          "display_name": string;
          "handle": string;
          "id"?: string;
          "status"?: Database["lensers"]["Enums"]["profile_status"];
          "type": Database["lensers"]["Enums"]["lenser_type"];
          "updated_at"?: string;
          "user_id"?: string | null;
          "visibility"?: Database["lensers"]["Enums"]["profile_visibility"];
        };
        Update: {
          "avatar_url"?: string | null;
          "banner_url"?: string | null;
          "created_at"?: string;
          "display_name"?: string;
          "handle"?: string;
          "id"?: string;
          "status"?: Database["lensers"]["Enums"]["profile_status"];
          "type"?: Database["lensers"]["Enums"]["lenser_type"];
          "updated_at"?: string;
          "user_id"?: string | null;
          "visibility"?: Database["lensers"]["Enums"]["profile_visibility"];
        };
        Relationships: [];
      };
    };
    Views: {
      [_ in never]: never;
    };
    Functions: {
      "actable_profile_ids": { Args: Record<PropertyKey, never>; Returns: string[] };
      "current_profile_id": { Args: Record<PropertyKey, never>; Returns: string };
      "editable_profile_ids": { Args: Record<PropertyKey, never>; Returns: string[] };
      "fn_available_handle": { Args: { "p_base": string; "p_wish": string }; Returns: string };
      "fn_limit_json": {
        Args: {
          "p_arg": string;
          "p_max_bytes": number;
          "p_max_depth": number;
          "p_rpc": string;
          "p_value": Json;
        };
        Returns: undefined;
      };
      "fn_limit_text": {
        Args: { "p_arg": string; "p_max_chars": number; "p_rpc": string; "p_value": string };
        Returns: undefined;
      };
      "fn_limit_texts": {
        Args: {
          "p_arg": string;
          "p_max_chars": number;
          "p_max_elements": number;
          "p_rpc": string;
          "p_value": (string)[];
        };
        Returns: undefined;
      };
      "fn_may_act_as": { Args: { "p_as": string; "p_lenser": string }; Returns: boolean };
      "fn_one_line": { Args: { "p_value": string }; Returns: string };
      "fn_rpc_page": {
        Args: { "p_limit": number; "p_max"?: number; "p_offset": number; "p_rpc": string };
        Returns: undefined;
      };
    };
    Enums: {
      "lenser_type": "human" | "ai";
      "profile_status": "active" | "suspended" | "deactivated" | "pending_deletion" | "deleted";
      "profile_visibility": "public" | "private" | "unlisted";
    };
    CompositeTypes: {
      [_ in never]: never;
    };
  };
  "lenses": {
    Tables: {
      "lenses": {
        Row: {
          "archived_at": string | null;
          "content": string | null;
          "created_at": string;
          "created_by": string | null;
          "description": string | null;
          "id": string;
          "lenser_id": string;
          "params": NonNullable<Json>;
          "published_at": string | null;
          "status": Database["lenses"]["Enums"]["lens_status"];
          "tags": (string)[];
          "title": string;
          "updated_at": string;
          "visibility": Database["lenses"]["Enums"]["visibility"];
        };
        ComputedFields: never;
        Insert: {
          "archived_at"?: string | null;
          "content"?: string | null;
          "created_at"?: string;
          "created_by"?: string | null;
          "description"?: string | null;
          "id"?: string;
          "lenser_id": string;
          "params"?: NonNullable<Json>;
          "published_at"?: string | null;
          "status"?: Database["lenses"]["Enums"]["lens_status"];
          "tags"?: (string)[];
          "title": string;
          "updated_at"?: string;
          "visibility"?: Database["lenses"]["Enums"]["visibility"];
        };
        Update: {
          "archived_at"?: string | null;
          "content"?: string | null;
          "created_at"?: string;
          "created_by"?: string | null;
          "description"?: string | null;
          "id"?: string;
          "lenser_id"?: string;
          "params"?: NonNullable<Json>;
          "published_at"?: string | null;
          "status"?: Database["lenses"]["Enums"]["lens_status"];
          "tags"?: (string)[];
          "title"?: string;
          "updated_at"?: string;
          "visibility"?: Database["lenses"]["Enums"]["visibility"];
        };
        Relationships: [];
      };
      "retention_purges": {
        Row: {
          "finished_at": string | null;
          "id": number;
          "kept_for_ledger": number | null;
          "lenser_id": string | null;
          "mode": string;
          "older_than": string | null;
          "purged_by": string;
          "started_at": string;
          "team_runs": number | null;
          "transaction_id": unknown;
          "workflow_runs": number | null;
        };
        ComputedFields: never;
        Insert: {
          "finished_at"?: string | null;
          "id"?: never;
          "kept_for_ledger"?: number | null;
          "lenser_id"?: string | null;
          "mode": string;
          "older_than"?: string | null;
          "purged_by"?: string;
          "started_at"?: string;
          "team_runs"?: number | null;
          "transaction_id": unknown;
          "workflow_runs"?: number | null;
        };
        Update: {
          "finished_at"?: string | null;
          "id"?: never;
          "kept_for_ledger"?: number | null;
          "lenser_id"?: string | null;
          "mode"?: string;
          "older_than"?: string | null;
          "purged_by"?: string;
          "started_at"?: string;
          "team_runs"?: number | null;
          "transaction_id"?: unknown;
          "workflow_runs"?: number | null;
        };
        Relationships: [];
      };
      "tools": {
        Row: {
          "category": Database["lenses"]["Enums"]["tool_category"];
          "created_at": string;
          "default_config": NonNullable<Json>;
          "description": string;
          "id": string;
          "key": string;
          "name": string;
          "type": Database["lenses"]["Enums"]["param_type"];
          "updated_at": string;
        };
        ComputedFields: never;
        Insert: {
          "category": Database["lenses"]["Enums"]["tool_category"];
          "created_at"?: string;
          "default_config"?: NonNullable<Json>;
          "description": string;
          "id"?: string;
          "key": string;
          "name": string;
          "type": Database["lenses"]["Enums"]["param_type"];
          "updated_at"?: string;
        };
        Update: {
          "category"?: Database["lenses"]["Enums"]["tool_category"];
          "created_at"?: string;
          "default_config"?: NonNullable<Json>;
          "description"?: string;
          "id"?: string;
          "key"?: string;
          "name"?: string;
          "type"?: Database["lenses"]["Enums"]["param_type"];
          "updated_at"?: string;
        };
        Relationships: [];
      };
      "version_parameters": {
        Row: {
          "config": NonNullable<Json>;
          "created_at": string;
          "default_value": Json | null;
          "display_name": string;
          "id": string;
          "label": string;
          "param_type": Database["lenses"]["Enums"]["param_type"];
          "required": boolean;
          "sort_order": number;
          "tool_id": string;
          "updated_at": string;
          "version_id": string;
        };
        ComputedFields: never;
        Insert: {
          "config"?: NonNullable<Json>;
          "created_at"?: string;
          "default_value"?: Json | null;
          "display_name": string;
          "id"?: string;
          "label": string;
          "param_type": Database["lenses"]["Enums"]["param_type"];
          "required"?: boolean;
          "sort_order"?: number;
          "tool_id": string;
          "updated_at"?: string;
          "version_id": string;
        };
        Update: {
          "config"?: NonNullable<Json>;
          "created_at"?: string;
          "default_value"?: Json | null;
          "display_name"?: string;
          "id"?: string;
          "label"?: string;
          "param_type"?: Database["lenses"]["Enums"]["param_type"];
          "required"?: boolean;
          "sort_order"?: number;
          "tool_id"?: string;
          "updated_at"?: string;
          "version_id"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "version_parameters_tool_fk";
            columns: ["tool_id", "param_type"];
            isOneToOne: false;
            referencedRelation: "tools";
            referencedColumns: ["id", "type"];
          },
          {
            foreignKeyName: "version_parameters_version_id_fkey";
            columns: ["version_id"];
            isOneToOne: false;
            referencedRelation: "versions";
            referencedColumns: ["id"];
          },
        ];
      };
      "versions": {
        Row: {
          "archived_at": string | null;
          "created_at": string;
          "created_by": string | null;
          "id": string;
          "input_contract": Json | null;
          "instruction_category": Database["lenses"]["Enums"]["instruction_category"];
          "lens_id": string;
          "output_contract": Json | null;
          "published_at": string | null;
          "status": Database["lenses"]["Enums"]["lens_status"];
          "template_body": string;
          "updated_at": string;
          "version_number": number;
        };
        ComputedFields: never;
        Insert: {
          "archived_at"?: string | null;
          "created_at"?: string;
          "created_by"?: string | null;
          "id"?: string;
          "input_contract"?: Json | null;
          "instruction_category"?: Database["lenses"]["Enums"]["instruction_category"];
          "lens_id": string;
          "output_contract"?: Json | null;
          "published_at"?: string | null;
          "status"?: Database["lenses"]["Enums"]["lens_status"];
          "template_body": string;
          "updated_at"?: string;
          "version_number": number;
        };
        Update: {
          "archived_at"?: string | null;
          "created_at"?: string;
          "created_by"?: string | null;
          "id"?: string;
          "input_contract"?: Json | null;
          "instruction_category"?: Database["lenses"]["Enums"]["instruction_category"];
          "lens_id"?: string;
          "output_contract"?: Json | null;
          "published_at"?: string | null;
          "status"?: Database["lenses"]["Enums"]["lens_status"];
          "template_body"?: string;
          "updated_at"?: string;
          "version_number"?: number;
        };
        Relationships: [
          {
            foreignKeyName: "versions_lens_id_fkey";
            columns: ["lens_id"];
            isOneToOne: false;
            referencedRelation: "lenses";
            referencedColumns: ["id"];
          },
        ];
      };
      "workflow_edges": {
        Row: {
          "condition": unknown;
          "created_at": string;
          "id": string;
          "merge_strategy": Database["lenses"]["Enums"]["merge_strategy"];
          "source_node_id": string;
          "source_output_path": string | null;
          "target_input_path": string | null;
          "target_node_id": string;
          "updated_at": string;
          "workflow_id": string;
        };
        ComputedFields: never;
        Insert: {
          "condition"?: unknown;
          "created_at"?: string;
          "id"?: string;
          "merge_strategy"?: Database["lenses"]["Enums"]["merge_strategy"];
          "source_node_id": string;
          "source_output_path"?: string | null;
          "target_input_path"?: string | null;
          "target_node_id": string;
          "updated_at"?: string;
          "workflow_id": string;
        };
        Update: {
          "condition"?: unknown;
          "created_at"?: string;
          "id"?: string;
          "merge_strategy"?: Database["lenses"]["Enums"]["merge_strategy"];
          "source_node_id"?: string;
          "source_output_path"?: string | null;
          "target_input_path"?: string | null;
          "target_node_id"?: string;
          "updated_at"?: string;
          "workflow_id"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "workflow_edges_source_node_id_fkey";
            columns: ["source_node_id"];
            isOneToOne: false;
            referencedRelation: "workflow_nodes";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_edges_source_node_id_fkey";
            columns: ["source_node_id"];
            isOneToOne: false;
            referencedRelation: "workflow_nodes_v";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_edges_target_node_id_fkey";
            columns: ["target_node_id"];
            isOneToOne: false;
            referencedRelation: "workflow_nodes";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_edges_target_node_id_fkey";
            columns: ["target_node_id"];
            isOneToOne: false;
            referencedRelation: "workflow_nodes_v";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_edges_workflow_id_fkey";
            columns: ["workflow_id"];
            isOneToOne: false;
            referencedRelation: "workflows";
            referencedColumns: ["id"];
          },
        ];
      };
      "workflow_node_plans": {
        Row: {
          "created_at": string;
          "human_prompt": string | null;
          "input_contract": Json | null;
          "kind": Database["lenses"]["Enums"]["workflow_node_kind"];
          "model_id": string | null;
          "node_id": string;
          "node_key": string;
          "output_contract": Json | null;
          "param_labels": (string)[];
          "parameter_defs": NonNullable<Json>;
          "params": NonNullable<Json>;
          "predecessor_count": number;
          "successor_ids": (string)[];
          "template_body": string | null;
          "workflow_id": string;
        };
        ComputedFields: never;
        Insert: {
          "created_at"?: string;
          "human_prompt"?: string | null;
          "input_contract"?: Json | null;
          "kind": Database["lenses"]["Enums"]["workflow_node_kind"];
          "model_id"?: string | null;
          "node_id": string;
          "node_key": string;
          "output_contract"?: Json | null;
          "param_labels"?: (string)[];
          "parameter_defs"?: NonNullable<Json>;
          "params"?: NonNullable<Json>;
          "predecessor_count"?: number;
          "successor_ids"?: (string)[];
          "template_body"?: string | null;
          "workflow_id": string;
        };
        Update: {
          "created_at"?: string;
          "human_prompt"?: string | null;
          "input_contract"?: Json | null;
          "kind"?: Database["lenses"]["Enums"]["workflow_node_kind"];
          "model_id"?: string | null;
          "node_id"?: string;
          "node_key"?: string;
          "output_contract"?: Json | null;
          "param_labels"?: (string)[];
          "parameter_defs"?: NonNullable<Json>;
          "params"?: NonNullable<Json>;
          "predecessor_count"?: number;
          "successor_ids"?: (string)[];
          "template_body"?: string | null;
          "workflow_id"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "workflow_node_plans_node_id_fkey";
            columns: ["node_id"];
            isOneToOne: true;
            referencedRelation: "workflow_nodes";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_node_plans_node_id_fkey";
            columns: ["node_id"];
            isOneToOne: true;
            referencedRelation: "workflow_nodes_v";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_node_plans_workflow_id_fkey";
            columns: ["workflow_id"];
            isOneToOne: false;
            referencedRelation: "workflows";
            referencedColumns: ["id"];
          },
        ];
      };
      "workflow_node_results": {
        Row: {
          "ai_lenser_id": string | null;
          "attempt_count": number;
          "budget_held": boolean;
          "cached_tokens": number;
          "cost_credits": number;
          "duration_ms": number | null;
          "error_kind": Database["lenses"]["Enums"]["task_error_kind"] | null;
          "error_message": string | null;
          "finished_at": string | null;
          "id": string;
          "input_data": Json | null;
          "input_tokens": number;
          "lease_expires_at": string | null;
          "lease_owner": string | null;
          "lease_token": string | null;
          "max_retries": number;
          "mirrored_by_step": boolean;
          "model_id": string | null;
          "next_attempt_at": string | null;
          "node_id": string;
          "node_key": string;
          "output_data": Json | null;
          "output_tokens": number;
          "queued_at": string | null;
          "retry_count": number;
          "reused_from_result_id": string | null;
          "run_id": string;
          "started_at": string | null;
          "status": Database["lenses"]["Enums"]["node_result_status"];
          "timeout_at": string | null;
          "timeout_ms": number | null;
          "ttfb_ms": number | null;
          "updated_at": string;
          "waiting_reason": Database["lenses"]["Enums"]["waiting_reason"] | null;
        };
        ComputedFields: never;
        Insert: {
          "ai_lenser_id"?: string | null;
          "attempt_count"?: number;
          "budget_held"?: boolean;
          "cached_tokens"?: number;
          "cost_credits"?: number;
          "duration_ms"?: number | null;
          "error_kind"?: Database["lenses"]["Enums"]["task_error_kind"] | null;
          "error_message"?: string | null;
          "finished_at"?: string | null;
          "id"?: string;
          "input_data"?: Json | null;
          "input_tokens"?: number;
          "lease_expires_at"?: string | null;
          "lease_owner"?: string | null;
          "lease_token"?: string | null;
          "max_retries": number;
          "mirrored_by_step"?: boolean;
          "model_id"?: string | null;
          "next_attempt_at"?: string | null;
          "node_id": string;
          "node_key": string;
          "output_data"?: Json | null;
          "output_tokens"?: number;
          "queued_at"?: string | null;
          "retry_count"?: number;
          "reused_from_result_id"?: string | null;
          "run_id": string;
          "started_at"?: string | null;
          "status": Database["lenses"]["Enums"]["node_result_status"];
          "timeout_at"?: string | null;
          "timeout_ms"?: number | null;
          "ttfb_ms"?: number | null;
          "updated_at"?: string;
          "waiting_reason"?: Database["lenses"]["Enums"]["waiting_reason"] | null;
        };
        Update: {
          "ai_lenser_id"?: string | null;
          "attempt_count"?: number;
          "budget_held"?: boolean;
          "cached_tokens"?: number;
          "cost_credits"?: number;
          "duration_ms"?: number | null;
          "error_kind"?: Database["lenses"]["Enums"]["task_error_kind"] | null;
          "error_message"?: string | null;
          "finished_at"?: string | null;
          "id"?: string;
          "input_data"?: Json | null;
          "input_tokens"?: number;
          "lease_expires_at"?: string | null;
          "lease_owner"?: string | null;
          "lease_token"?: string | null;
          "max_retries"?: number;
          "mirrored_by_step"?: boolean;
          "model_id"?: string | null;
          "next_attempt_at"?: string | null;
          "node_id"?: string;
          "node_key"?: string;
          "output_data"?: Json | null;
          "output_tokens"?: number;
          "queued_at"?: string | null;
          "retry_count"?: number;
          "reused_from_result_id"?: string | null;
          "run_id"?: string;
          "started_at"?: string | null;
          "status"?: Database["lenses"]["Enums"]["node_result_status"];
          "timeout_at"?: string | null;
          "timeout_ms"?: number | null;
          "ttfb_ms"?: number | null;
          "updated_at"?: string;
          "waiting_reason"?: Database["lenses"]["Enums"]["waiting_reason"] | null;
        };
        Relationships: [
          {
            foreignKeyName: "workflow_node_results_node_id_fkey";
            columns: ["node_id"];
            isOneToOne: false;
            referencedRelation: "workflow_nodes";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_node_results_node_id_fkey";
            columns: ["node_id"];
            isOneToOne: false;
            referencedRelation: "workflow_nodes_v";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_node_results_reused_from_result_id_fkey";
            columns: ["reused_from_result_id"];
            isOneToOne: false;
            referencedRelation: "workflow_node_results";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_node_results_run_id_fkey";
            columns: ["run_id"];
            isOneToOne: false;
            referencedRelation: "workflow_runs";
            referencedColumns: ["id"];
          },
        ];
      };
      "workflow_nodes": {
        Row: {
          "config": NonNullable<Json>;
          "created_at": string;
          "id": string;
          "inline_override": Json | null;
          "key": string;
          "kind": Database["lenses"]["Enums"]["workflow_node_kind"];
          "lens_version_id": string | null;
          "title": string | null;
          "updated_at": string;
          "workflow_id": string;
        };
        ComputedFields: never;
        Insert: {
          "config"?: NonNullable<Json>;
          "created_at"?: string;
          "id"?: string;
          "inline_override"?: Json | null;
          "key": string;
          "kind"?: Database["lenses"]["Enums"]["workflow_node_kind"];
          "lens_version_id"?: string | null;
          "title"?: string | null;
          "updated_at"?: string;
          "workflow_id": string;
        };
        Update: {
          "config"?: NonNullable<Json>;
          "created_at"?: string;
          "id"?: string;
          "inline_override"?: Json | null;
          "key"?: string;
          "kind"?: Database["lenses"]["Enums"]["workflow_node_kind"];
          "lens_version_id"?: string | null;
          "title"?: string | null;
          "updated_at"?: string;
          "workflow_id"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "workflow_nodes_lens_version_id_fkey";
            columns: ["lens_version_id"];
            isOneToOne: false;
            referencedRelation: "versions";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_nodes_workflow_id_fkey";
            columns: ["workflow_id"];
            isOneToOne: false;
            referencedRelation: "workflows";
            referencedColumns: ["id"];
          },
        ];
      };
      "workflow_run_events": {
        Row: {
          "actor_id": string | null;
          "event_id": number;
          "event_type": Database["lenses"]["Enums"]["run_event_type"];
          "node_id": string | null;
          "occurred_at": string;
          "payload": NonNullable<Json>;
          "run_id": string;
        };
        ComputedFields: never;
        Insert: {
          "actor_id"?: string | null;
          "event_id": number;
          "event_type": Database["lenses"]["Enums"]["run_event_type"];
          "node_id"?: string | null;
          "occurred_at"?: string;
          "payload"?: NonNullable<Json>;
          "run_id": string;
        };
        Update: {
          "actor_id"?: string | null;
          "event_id"?: number;
          "event_type"?: Database["lenses"]["Enums"]["run_event_type"];
          "node_id"?: string | null;
          "occurred_at"?: string;
          "payload"?: NonNullable<Json>;
          "run_id"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "workflow_run_events_run_id_fkey";
            columns: ["run_id"];
            isOneToOne: false;
            referencedRelation: "workflow_runs";
            referencedColumns: ["id"];
          },
        ];
      };
      "workflow_run_provenance": {
        Row: {
          "created_at": string;
          "edge_id": string | null;
          "id": number;
          "run_id": string;
          "source_node_id": string;
          "source_output_path": string;
          "target_input_path": string;
          "target_node_id": string;
        };
        ComputedFields: never;
        Insert: {
          "created_at"?: string;
          "edge_id"?: string | null;
          "id"?: never;
          "run_id": string;
          "source_node_id": string;
          "source_output_path": string;
          "target_input_path": string;
          "target_node_id": string;
        };
        Update: {
          "created_at"?: string;
          "edge_id"?: string | null;
          "id"?: never;
          "run_id"?: string;
          "source_node_id"?: string;
          "source_output_path"?: string;
          "target_input_path"?: string;
          "target_node_id"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "workflow_run_provenance_run_id_fkey";
            columns: ["run_id"];
            isOneToOne: false;
            referencedRelation: "workflow_runs";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_run_provenance_source_is_own_result";
            columns: ["run_id", "source_node_id"];
            isOneToOne: false;
            referencedRelation: "workflow_node_results";
            referencedColumns: ["run_id", "node_id"];
          },
          {
            foreignKeyName: "workflow_run_provenance_target_is_own_result";
            columns: ["run_id", "target_node_id"];
            isOneToOne: false;
            referencedRelation: "workflow_node_results";
            referencedColumns: ["run_id", "node_id"];
          },
        ];
      };
      "workflow_runs": {
        Row: {
          "active_node_id": string | null;
          "created_at": string;
          "deadline_at": string | null;
          "error_message": string | null;
          "failure_mode": Database["lenses"]["Enums"]["failure_mode"];
          "finished_at": string | null;
          "id": string;
          "input": NonNullable<Json>;
          "lenser_id": string;
          "max_retries": number;
          "output": Json | null;
          "parent_invocation_id": string | null;
          "recovered_from_node_id": string | null;
          "recovered_from_run_id": string | null;
          "started_at": string | null;
          "started_by": string | null;
          "status": Database["lenses"]["Enums"]["workflow_run_status"];
          "total_cached_tokens": number;
          "total_cost_credits": number;
          "total_input_tokens": number;
          "total_output_tokens": number;
          "updated_at": string;
          "watched_until": string | null;
          "workflow_id": string;
          "fn_caller_may_act_on_run": boolean | null;
        };
        ComputedFields: "fn_caller_may_act_on_run";
        Insert: {
          "active_node_id"?: string | null;
          "created_at"?: string;
          "deadline_at"?: string | null;
          "error_message"?: string | null;
          "failure_mode"?: Database["lenses"]["Enums"]["failure_mode"];
          "finished_at"?: string | null;
          "id"?: string;
          "input"?: NonNullable<Json>;
          "lenser_id": string;
          "max_retries"?: number;
          "output"?: Json | null;
          "parent_invocation_id"?: string | null;
          "recovered_from_node_id"?: string | null;
          "recovered_from_run_id"?: string | null;
          "started_at"?: string | null;
          "started_by"?: string | null;
          "status"?: Database["lenses"]["Enums"]["workflow_run_status"];
          "total_cached_tokens"?: number;
          "total_cost_credits"?: number;
          "total_input_tokens"?: number;
          "total_output_tokens"?: number;
          "updated_at"?: string;
          "watched_until"?: string | null;
          "workflow_id": string;
        };
        Update: {
          "active_node_id"?: string | null;
          "created_at"?: string;
          "deadline_at"?: string | null;
          "error_message"?: string | null;
          "failure_mode"?: Database["lenses"]["Enums"]["failure_mode"];
          "finished_at"?: string | null;
          "id"?: string;
          "input"?: NonNullable<Json>;
          "lenser_id"?: string;
          "max_retries"?: number;
          "output"?: Json | null;
          "parent_invocation_id"?: string | null;
          "recovered_from_node_id"?: string | null;
          "recovered_from_run_id"?: string | null;
          "started_at"?: string | null;
          "started_by"?: string | null;
          "status"?: Database["lenses"]["Enums"]["workflow_run_status"];
          "total_cached_tokens"?: number;
          "total_cost_credits"?: number;
          "total_input_tokens"?: number;
          "total_output_tokens"?: number;
          "updated_at"?: string;
          "watched_until"?: string | null;
          "workflow_id"?: string;
        };
        Relationships: [
          {
            foreignKeyName: "workflow_runs_active_node_is_own_result";
            columns: ["id", "active_node_id"];
            isOneToOne: false;
            referencedRelation: "workflow_node_results";
            referencedColumns: ["run_id", "node_id"];
          },
          {
            foreignKeyName: "workflow_runs_recovered_from_node_id_fkey";
            columns: ["recovered_from_node_id"];
            isOneToOne: false;
            referencedRelation: "workflow_nodes";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_runs_recovered_from_node_id_fkey";
            columns: ["recovered_from_node_id"];
            isOneToOne: false;
            referencedRelation: "workflow_nodes_v";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_runs_recovered_from_run_id_fkey";
            columns: ["recovered_from_run_id"];
            isOneToOne: false;
            referencedRelation: "workflow_runs";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_runs_workflow_id_fkey";
            columns: ["workflow_id"];
            isOneToOne: false;
            referencedRelation: "workflows";
            referencedColumns: ["id"];
          },
        ];
      };
      "workflow_schedule_fires": {
        Row: {
          "detail": string | null;
          "dispatched_at": string;
          "fire_at": string;
          "manual": boolean;
          "outcome": Database["lenses"]["Enums"]["schedule_fire_outcome"];
          "schedule_id": string;
          "skip_reason": Database["lenses"]["Enums"]["schedule_skip_reason"] | null;
          "started_at": string | null;
          "team_run_id": string | null;
          "workflow_run_id": string | null;
        };
        ComputedFields: never;
        Insert: {
          "detail"?: string | null;
          "dispatched_at"?: string;
          "fire_at": string;
          "manual"?: boolean;
          "outcome": Database["lenses"]["Enums"]["schedule_fire_outcome"];
          "schedule_id": string;
          "skip_reason"?: Database["lenses"]["Enums"]["schedule_skip_reason"] | null;
          "started_at"?: string | null;
          "team_run_id"?: string | null;
          "workflow_run_id"?: string | null;
        };
        Update: {
          "detail"?: string | null;
          "dispatched_at"?: string;
          "fire_at"?: string;
          "manual"?: boolean;
          "outcome"?: Database["lenses"]["Enums"]["schedule_fire_outcome"];
          "schedule_id"?: string;
          "skip_reason"?: Database["lenses"]["Enums"]["schedule_skip_reason"] | null;
          "started_at"?: string | null;
          "team_run_id"?: string | null;
          "workflow_run_id"?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: "workflow_schedule_fires_schedule_id_fkey";
            columns: ["schedule_id"];
            isOneToOne: false;
            referencedRelation: "workflow_schedules";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_schedule_fires_workflow_run_id_fkey";
            columns: ["workflow_run_id"];
            isOneToOne: false;
            referencedRelation: "workflow_runs";
            referencedColumns: ["id"];
          },
        ];
      };
      "workflow_schedules": {
        Row: {
          "approval_policy": Json | null;
          "assignee_id": string | null;
          "assignee_type": Database["agents"]["Enums"]["assignee_kind"] | null;
          "catch_up_window_seconds": number | null;
          "created_at": string;
          "cron_expression": string;
          "dst_gap": Database["lenses"]["Enums"]["schedule_dst_gap"];
          "dst_overlap": Database["lenses"]["Enums"]["schedule_dst_overlap"];
          "end_at": string | null;
          "failure_policy": Json | null;
          "fire_count": number;
          "id": string;
          "input": NonNullable<Json>;
          "last_completed_at": string | null;
          "last_fired_at": string | null;
          "last_result": Database["lenses"]["Enums"]["schedule_run_result"] | null;
          "lenser_id": string;
          "max_fires": number | null;
          "name": string;
          "next_run_at": string | null;
          "pause_note": string | null;
          "paused_at": string | null;
          "paused_by": string | null;
          "queue_policy": Json | null;
          "retry_policy": Json | null;
          "start_at": string | null;
          "timezone": string;
          "updated_at": string;
          "workflow_assignment_id": string | null;
          "workflow_id": string | null;
        };
        ComputedFields: never;
        Insert: {
          "approval_policy"?: Json | null;
          "assignee_id"?: string | null;
          "assignee_type"?: Database["agents"]["Enums"]["assignee_kind"] | null;
          "catch_up_window_seconds"?: number | null;
          "created_at"?: string;
          "cron_expression": string;
          "dst_gap"?: Database["lenses"]["Enums"]["schedule_dst_gap"];
          "dst_overlap"?: Database["lenses"]["Enums"]["schedule_dst_overlap"];
          "end_at"?: string | null;
          "failure_policy"?: Json | null;
          "fire_count"?: number;
          "id"?: string;
          "input"?: NonNullable<Json>;
          "last_completed_at"?: string | null;
          "last_fired_at"?: string | null;
          "last_result"?: Database["lenses"]["Enums"]["schedule_run_result"] | null;
          "lenser_id": string;
          "max_fires"?: number | null;
          "name": string;
          "next_run_at"?: string | null;
          "pause_note"?: string | null;
          "paused_at"?: string | null;
          "paused_by"?: string | null;
          "queue_policy"?: Json | null;
          "retry_policy"?: Json | null;
          "start_at"?: string | null;
          "timezone"?: string;
          "updated_at"?: string;
          "workflow_assignment_id"?: string | null;
          "workflow_id"?: string | null;
        };
        Update: {
          "approval_policy"?: Json | null;
          "assignee_id"?: string | null;
          "assignee_type"?: Database["agents"]["Enums"]["assignee_kind"] | null;
          "catch_up_window_seconds"?: number | null;
          "created_at"?: string;
          "cron_expression"?: string;
          "dst_gap"?: Database["lenses"]["Enums"]["schedule_dst_gap"];
          "dst_overlap"?: Database["lenses"]["Enums"]["schedule_dst_overlap"];
          "end_at"?: string | null;
          "failure_policy"?: Json | null;
          "fire_count"?: number;
          "id"?: string;
          "input"?: NonNullable<Json>;
          "last_completed_at"?: string | null;
          "last_fired_at"?: string | null;
          "last_result"?: Database["lenses"]["Enums"]["schedule_run_result"] | null;
          "lenser_id"?: string;
          "max_fires"?: number | null;
          "name"?: string;
          "next_run_at"?: string | null;
          "pause_note"?: string | null;
          "paused_at"?: string | null;
          "paused_by"?: string | null;
          "queue_policy"?: Json | null;
          "retry_policy"?: Json | null;
          "start_at"?: string | null;
          "timezone"?: string;
          "updated_at"?: string;
          "workflow_assignment_id"?: string | null;
          "workflow_id"?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: "workflow_schedules_workflow_id_fkey";
            columns: ["workflow_id"];
            isOneToOne: false;
            referencedRelation: "workflows";
            referencedColumns: ["id"];
          },
        ];
      };
      "workflows": {
        Row: {
          "archived_at": string | null;
          "created_at": string;
          "created_by": string | null;
          "description": string | null;
          "id": string;
          "lenser_id": string;
          "published_at": string | null;
          "status": Database["lenses"]["Enums"]["workflow_status"];
          "tags": (string)[];
          "title": string;
          "updated_at": string;
          "visibility": Database["lenses"]["Enums"]["visibility"];
        };
        ComputedFields: never;
        Insert: {
          "archived_at"?: string | null;
          "created_at"?: string;
          "created_by"?: string | null;
          "description"?: string | null;
          "id"?: string;
          "lenser_id": string;
          "published_at"?: string | null;
          "status"?: Database["lenses"]["Enums"]["workflow_status"];
          "tags"?: (string)[];
          "title": string;
          "updated_at"?: string;
          "visibility"?: Database["lenses"]["Enums"]["visibility"];
        };
        Update: {
          "archived_at"?: string | null;
          "created_at"?: string;
          "created_by"?: string | null;
          "description"?: string | null;
          "id"?: string;
          "lenser_id"?: string;
          "published_at"?: string | null;
          "status"?: Database["lenses"]["Enums"]["workflow_status"];
          "tags"?: (string)[];
          "title"?: string;
          "updated_at"?: string;
          "visibility"?: Database["lenses"]["Enums"]["visibility"];
        };
        Relationships: [];
      };
    };
    Views: {
      "workflow_nodes_v": {
        Row: {
          "config": NonNullable<Json>;
          "id": string;
          "input_contract": Json | null;
          "instruction_category": Database["lenses"]["Enums"]["instruction_category"] | null;
          "key": string;
          "kind": Database["lenses"]["Enums"]["workflow_node_kind"];
          "lens_id": string | null;
          "lens_version_id": string | null;
          "model_id": string | null;
          "output_contract": Json | null;
          "parameter_defs": Json | null;
          "params": Json | null;
          "position": Json | null;
          "prompt": string | null;
          "retry": Json | null;
          "template_body": string | null;
          "timeout_ms": number | null;
          "title": string | null;
          "version_number": number | null;
          "version_status": Database["lenses"]["Enums"]["lens_status"] | null;
          "workflow_id": string;
        };
        ComputedFields: never;
        Relationships: [
          {
            foreignKeyName: "versions_lens_id_fkey";
            columns: ["lens_id"];
            isOneToOne: false;
            referencedRelation: "lenses";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_nodes_lens_version_id_fkey";
            columns: ["lens_version_id"];
            isOneToOne: false;
            referencedRelation: "versions";
            referencedColumns: ["id"];
          },
          {
            foreignKeyName: "workflow_nodes_workflow_id_fkey";
            columns: ["workflow_id"];
            isOneToOne: false;
            referencedRelation: "workflows";
            referencedColumns: ["id"];
          },
        ];
      };
    };
    Functions: {
      "fn_acting_lenser": { Args: { "p_lenser_id": string; "p_rpc": string }; Returns: string };
      "fn_add_usage_to_result": {
        Args: {
          "p_cached": number;
          "p_cost": number;
          "p_in": number;
          "p_out": number;
          "p_result_id": string;
        };
        Returns: undefined;
      };
      "fn_agent_default_model": { Args: { "p_lenser_id": string }; Returns: Record<string, unknown> };
      "fn_answers_with_run_status": {
        Args: { "p_answers": (Json)[]; "p_run_ids": (string)[] };
        Returns: (Json)[];
      };
      "fn_append_workflow_run_event": {
        Args: {
          "p_actor_id"?: string;
          "p_event_type": Database["lenses"]["Enums"]["run_event_type"];
          "p_node_id"?: string;
          "p_payload"?: Json;
          "p_run_id": string;
        };
        Returns: number;
      };
      "fn_append_workflow_run_events": { Args: { "p_events": Json }; Returns: undefined };
      "fn_caller_may_act_on_run": {
        Args: {
          "p_run": Omit<
            Database["lenses"]["Tables"]["workflow_runs"]["Row"],
            Database["lenses"]["Tables"]["workflow_runs"]["ComputedFields"]
          >;
        };
        Returns: boolean;
      };
      "fn_cancel_run": {
        Args: { "p_actor_id": string; "p_reason": string; "p_run_id": string };
        Returns: {
          "active_node_id": string | null;
          "created_at": string;
          "deadline_at": string | null;
          "error_message": string | null;
          "failure_mode": Database["lenses"]["Enums"]["failure_mode"];
          "finished_at": string | null;
          "id": string;
          "input": NonNullable<Json>;
          "lenser_id": string;
          "max_retries": number;
          "output": Json | null;
          "parent_invocation_id": string | null;
          "recovered_from_node_id": string | null;
          "recovered_from_run_id": string | null;
          "started_at": string | null;
          "started_by": string | null;
          "status": Database["lenses"]["Enums"]["workflow_run_status"];
          "total_cached_tokens": number;
          "total_cost_credits": number;
          "total_input_tokens": number;
          "total_output_tokens": number;
          "updated_at": string;
          "watched_until": string | null;
          "workflow_id": string;
        };
        SetofOptions: {
          from: "*";
          to: "workflow_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_check_edge_args": {
        Args: {
          "p_condition": string;
          "p_merge_strategy": Database["lenses"]["Enums"]["merge_strategy"];
          "p_rpc": string;
          "p_source_output_path": string;
          "p_target_input_path": string;
        };
        Returns: unknown;
      };
      "fn_check_lease_args": {
        Args: {
          "p_fn": string;
          "p_lease_seconds": number;
          "p_limit": number;
          "p_limit_name"?: string;
          "p_worker_id": string;
        };
        Returns: undefined;
      };
      "fn_check_node_args": {
        Args: {
          "p_config": Json;
          "p_inline_override": Json;
          "p_kind": Database["lenses"]["Enums"]["workflow_node_kind"];
          "p_lens_version_id": string;
          "p_rpc": string;
        };
        Returns: undefined;
      };
      "fn_compact_json": { Args: { "p_value": Json }; Returns: string };
      "fn_compile_workflow_plan": { Args: { "p_workflow_id": string }; Returns: undefined };
      "fn_complete_held_tasks": {
        Args: {
          "p_calls": (Json)[];
          "p_hold"?: number;
          "p_outputs": (Json)[];
          "p_results": (Database["lenses"]["Tables"]["workflow_node_results"]["Row"])[];
          "p_settle"?: boolean;
          "p_texts": (string)[];
        };
        Returns: Record<string, unknown>;
      };
      "fn_contract_arg": {
        Args: { "p_arg": string; "p_contract": Json; "p_kind": string; "p_rpc": string };
        Returns: Json;
      };
      "fn_contract_errors": { Args: { "p_contract": Json; "p_kind": string }; Returns: (string)[] };
      "fn_contract_fields": {
        Args: { "p_contract": Json };
        Returns: {
          "name": string;
          "required": boolean;
          "type": Database["lenses"]["Enums"]["contract_field_type"];
        }[];
      };
      "fn_contract_type_accepts": { Args: { "p_slot": string; "p_value": string }; Returns: boolean };
      "fn_contract_value_errors": { Args: { "p_contract": Json; "p_value": Json }; Returns: (string)[] };
      "fn_cron_expression_errors": { Args: { "p_expression": string }; Returns: (string)[] };
      "fn_cron_next_local": {
        Args: {
          "p_fields": Database["lenses"]["CompositeTypes"]["cron_fields"];
          "p_from": string;
          "p_inclusive": boolean;
          "p_until": string;
        };
        Returns: string;
      };
      "fn_cron_next_transition": {
        Args: { "p_from": string; "p_timezone": string; "p_to": string };
        Returns: string;
      };
      "fn_cron_parse": {
        Args: { "p_expression": string };
        Returns: Database["lenses"]["CompositeTypes"]["cron_fields"];
        SetofOptions: {
          from: "*";
          to: "cron_fields";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_cron_time_zone_error": { Args: { "p_timezone": string }; Returns: string };
      "fn_dispatch_schedules": { Args: { "p_limit"?: number; "p_max_fires"?: number }; Returns: number };
      "fn_draft_workflow": {
        Args: { "p_rpc": string; "p_via"?: string; "p_workflow_id": string };
        Returns: {
          "archived_at": string | null;
          "created_at": string;
          "created_by": string | null;
          "description": string | null;
          "id": string;
          "lenser_id": string;
          "published_at": string | null;
          "status": Database["lenses"]["Enums"]["workflow_status"];
          "tags": (string)[];
          "title": string;
          "updated_at": string;
          "visibility": Database["lenses"]["Enums"]["visibility"];
        };
        SetofOptions: {
          from: "*";
          to: "workflows";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_edge_condition_holds": { Args: { "p_condition": unknown; "p_output": Json }; Returns: boolean };
      "fn_edge_contract_errors": {
        Args: {
          "p_merge_strategy": Database["lenses"]["Enums"]["merge_strategy"];
          "p_source_output": Json;
          "p_source_output_path": string;
          "p_target_input": Json;
          "p_target_input_path": string;
        };
        Returns: {
          "code": string;
          "message": string;
        }[];
      };
      "fn_edge_value": { Args: { "p_output": Json; "p_source_output_path": string }; Returns: Json };
      "fn_editable_lens": {
        Args: { "p_arg"?: string; "p_lens_id": string; "p_rpc": string };
        Returns: {
          "archived_at": string | null;
          "content": string | null;
          "created_at": string;
          "created_by": string | null;
          "description": string | null;
          "id": string;
          "lenser_id": string;
          "params": NonNullable<Json>;
          "published_at": string | null;
          "status": Database["lenses"]["Enums"]["lens_status"];
          "tags": (string)[];
          "title": string;
          "updated_at": string;
          "visibility": Database["lenses"]["Enums"]["visibility"];
        };
        SetofOptions: {
          from: "*";
          to: "lenses";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_editable_version": {
        Args: { "p_rpc": string; "p_version_id": string };
        Returns: {
          "archived_at": string | null;
          "created_at": string;
          "created_by": string | null;
          "id": string;
          "input_contract": Json | null;
          "instruction_category": Database["lenses"]["Enums"]["instruction_category"];
          "lens_id": string;
          "output_contract": Json | null;
          "published_at": string | null;
          "status": Database["lenses"]["Enums"]["lens_status"];
          "template_body": string;
          "updated_at": string;
          "version_number": number;
        };
        SetofOptions: {
          from: "*";
          to: "versions";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_editable_workflow": {
        Args: { "p_arg"?: string; "p_rpc": string; "p_workflow_id": string };
        Returns: {
          "archived_at": string | null;
          "created_at": string;
          "created_by": string | null;
          "description": string | null;
          "id": string;
          "lenser_id": string;
          "published_at": string | null;
          "status": Database["lenses"]["Enums"]["workflow_status"];
          "tags": (string)[];
          "title": string;
          "updated_at": string;
          "visibility": Database["lenses"]["Enums"]["visibility"];
        };
        SetofOptions: {
          from: "*";
          to: "workflows";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_end_open_results": {
        Args: {
          "p_reason": string;
          "p_run_id": string;
          "p_status": Database["lenses"]["Enums"]["node_result_status"];
        };
        Returns: undefined;
      };
      "fn_fail_node_result": {
        Args: {
          "p_kind": Database["lenses"]["Enums"]["task_error_kind"];
          "p_message": string;
          "p_result_id": string;
          "p_retry_after_ms"?: number;
        };
        Returns: {
          "ai_lenser_id": string | null;
          "attempt_count": number;
          "budget_held": boolean;
          "cached_tokens": number;
          "cost_credits": number;
          "duration_ms": number | null;
          "error_kind": Database["lenses"]["Enums"]["task_error_kind"] | null;
          "error_message": string | null;
          "finished_at": string | null;
          "id": string;
          "input_data": Json | null;
          "input_tokens": number;
          "lease_expires_at": string | null;
          "lease_owner": string | null;
          "lease_token": string | null;
          "max_retries": number;
          "mirrored_by_step": boolean;
          "model_id": string | null;
          "next_attempt_at": string | null;
          "node_id": string;
          "node_key": string;
          "output_data": Json | null;
          "output_tokens": number;
          "queued_at": string | null;
          "retry_count": number;
          "reused_from_result_id": string | null;
          "run_id": string;
          "started_at": string | null;
          "status": Database["lenses"]["Enums"]["node_result_status"];
          "timeout_at": string | null;
          "timeout_ms": number | null;
          "ttfb_ms": number | null;
          "updated_at": string;
          "waiting_reason": Database["lenses"]["Enums"]["waiting_reason"] | null;
        };
        SetofOptions: {
          from: "*";
          to: "workflow_node_results";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_finish_run_if_done": { Args: { "p_run_id": string }; Returns: undefined };
      "fn_fire_schedule": {
        Args: {
          "p_detail"?: string;
          "p_fire_at": string;
          "p_manual"?: boolean;
          "p_schedule": Omit<
            Database["lenses"]["Tables"]["workflow_schedules"]["Row"],
            Database["lenses"]["Tables"]["workflow_schedules"]["ComputedFields"]
          >;
          "p_skip"?: Database["lenses"]["Enums"]["schedule_skip_reason"];
        };
        Returns: {
          "detail": string | null;
          "dispatched_at": string;
          "fire_at": string;
          "manual": boolean;
          "outcome": Database["lenses"]["Enums"]["schedule_fire_outcome"];
          "schedule_id": string;
          "skip_reason": Database["lenses"]["Enums"]["schedule_skip_reason"] | null;
          "started_at": string | null;
          "team_run_id": string | null;
          "workflow_run_id": string | null;
        };
        SetofOptions: {
          from: "*";
          to: "workflow_schedule_fires";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_inline_override_errors": { Args: { "p_override": Json }; Returns: (string)[] };
      "fn_inline_parameter_defs": { Args: { "p_override": Json }; Returns: Json };
      "fn_json_type_matches": { Args: { "p_type": string; "p_value": Json }; Returns: boolean };
      "fn_jsonb_numeric": { Args: { "p_value": Json }; Returns: number };
      "fn_lease_tasks": {
        Args: {
          "p_defer_runs": (string)[];
          "p_held"?: Json;
          "p_lease_seconds": number;
          "p_limit": number;
          "p_lock_budgets"?: boolean;
          "p_settle"?: Json;
          "p_worker_id": string;
        };
        Returns: Database["lenses"]["CompositeTypes"]["claimed_task"][];
        SetofOptions: {
          from: "*";
          to: "claimed_task";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "fn_leased_result": {
        Args: { "p_fn": string; "p_lease_token": string; "p_result_id": string };
        Returns: {
          "ai_lenser_id": string | null;
          "attempt_count": number;
          "budget_held": boolean;
          "cached_tokens": number;
          "cost_credits": number;
          "duration_ms": number | null;
          "error_kind": Database["lenses"]["Enums"]["task_error_kind"] | null;
          "error_message": string | null;
          "finished_at": string | null;
          "id": string;
          "input_data": Json | null;
          "input_tokens": number;
          "lease_expires_at": string | null;
          "lease_owner": string | null;
          "lease_token": string | null;
          "max_retries": number;
          "mirrored_by_step": boolean;
          "model_id": string | null;
          "next_attempt_at": string | null;
          "node_id": string;
          "node_key": string;
          "output_data": Json | null;
          "output_tokens": number;
          "queued_at": string | null;
          "retry_count": number;
          "reused_from_result_id": string | null;
          "run_id": string;
          "started_at": string | null;
          "status": Database["lenses"]["Enums"]["node_result_status"];
          "timeout_at": string | null;
          "timeout_ms": number | null;
          "ttfb_ms": number | null;
          "updated_at": string;
          "waiting_reason": Database["lenses"]["Enums"]["waiting_reason"] | null;
        };
        SetofOptions: {
          from: "*";
          to: "workflow_node_results";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_lens_params_errors": { Args: { "p_params": Json }; Returns: (string)[] };
      "fn_llm_call_error": { Args: { "p_call": Json; "p_name"?: string }; Returns: string };
      "fn_llm_call_row": {
        Args: {
          "p_call": Json;
          "p_error_kind": Database["lenses"]["Enums"]["task_error_kind"];
          "p_result": Omit<
            Database["lenses"]["Tables"]["workflow_node_results"]["Row"],
            Database["lenses"]["Tables"]["workflow_node_results"]["ComputedFields"]
          >;
          "p_status": Database["ai"]["Enums"]["llm_call_status"];
        };
        Returns: Database["ai"]["Tables"]["llm_calls"]["Row"];
        SetofOptions: {
          from: "*";
          to: "llm_calls";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_lock_run": { Args: { "p_run_id": string }; Returns: undefined };
      "fn_merge_edge_values": {
        Args: {
          "p_source_keys": (string)[];
          "p_strategy": Database["lenses"]["Enums"]["merge_strategy"];
          "p_values": Json;
        };
        Returns: Json;
      };
      "fn_merge_into_input_root": {
        Args: { "p_input": Json; "p_source_keys": (string)[]; "p_values": Json };
        Returns: Json;
      };
      "fn_next_schedule_fire": {
        Args: {
          "p_after": string;
          "p_dst_gap"?: Database["lenses"]["Enums"]["schedule_dst_gap"];
          "p_dst_overlap"?: Database["lenses"]["Enums"]["schedule_dst_overlap"];
          "p_expression": string;
          "p_timezone": string;
        };
        Returns: string;
      };
      "fn_node_config_errors": {
        Args: { "p_config": Json; "p_kind": Database["lenses"]["Enums"]["workflow_node_kind"] };
        Returns: (string)[];
      };
      "fn_node_stopped": {
        Args: {
          "p_cached_tokens"?: number;
          "p_cost"?: number;
          "p_input_tokens"?: number;
          "p_node_id": string;
          "p_output_tokens"?: number;
          "p_run_id": string;
        };
        Returns: undefined;
      };
      "fn_normalize_tags": { Args: { "p_tags": (string)[] }; Returns: (string)[] };
      "fn_param_config_errors": {
        Args: {
          "p_complete"?: boolean;
          "p_config": Json;
          "p_type": Database["lenses"]["Enums"]["param_type"];
        };
        Returns: (string)[];
      };
      "fn_param_numeric": { Args: { "p_value": Json }; Returns: number };
      "fn_param_value_error": {
        Args: {
          "p_config": Json;
          "p_label": string;
          "p_type": Database["lenses"]["Enums"]["param_type"];
          "p_value": Json;
        };
        Returns: string;
      };
      "fn_parse_node_output": {
        Args: { "p_contract": Json; "p_output": Json; "p_text": string };
        Returns: Json;
      };
      "fn_pause_schedule": {
        Args: { "p_note": string; "p_paused_by": string; "p_schedule_id": string };
        Returns: {
          "approval_policy": Json | null;
          "assignee_id": string | null;
          "assignee_type": Database["agents"]["Enums"]["assignee_kind"] | null;
          "catch_up_window_seconds": number | null;
          "created_at": string;
          "cron_expression": string;
          "dst_gap": Database["lenses"]["Enums"]["schedule_dst_gap"];
          "dst_overlap": Database["lenses"]["Enums"]["schedule_dst_overlap"];
          "end_at": string | null;
          "failure_policy": Json | null;
          "fire_count": number;
          "id": string;
          "input": NonNullable<Json>;
          "last_completed_at": string | null;
          "last_fired_at": string | null;
          "last_result": Database["lenses"]["Enums"]["schedule_run_result"] | null;
          "lenser_id": string;
          "max_fires": number | null;
          "name": string;
          "next_run_at": string | null;
          "pause_note": string | null;
          "paused_at": string | null;
          "paused_by": string | null;
          "queue_policy": Json | null;
          "retry_policy": Json | null;
          "start_at": string | null;
          "timezone": string;
          "updated_at": string;
          "workflow_assignment_id": string | null;
          "workflow_id": string | null;
        };
        SetofOptions: {
          from: "*";
          to: "workflow_schedules";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_plan_prompt": {
        Args: {
          "p_input": Json;
          "p_plan": Omit<
            Database["lenses"]["Tables"]["workflow_node_plans"]["Row"],
            Database["lenses"]["Tables"]["workflow_node_plans"]["ComputedFields"]
          >;
        };
        Returns: string;
      };
      "fn_purge_runs": {
        Args: { "p_lenser_id"?: string; "p_limit"?: number; "p_older_than"?: string };
        Returns: Record<string, unknown>;
      };
      "fn_queue_node_result": { Args: { "p_input": Json; "p_result_id": string }; Returns: undefined };
      "fn_reap_workflow_runs": { Args: { "p_limit"?: number }; Returns: number };
      "fn_record_llm_call": {
        Args: {
          "p_call": Json;
          "p_error_kind": Database["lenses"]["Enums"]["task_error_kind"];
          "p_result": Omit<
            Database["lenses"]["Tables"]["workflow_node_results"]["Row"],
            Database["lenses"]["Tables"]["workflow_node_results"]["ComputedFields"]
          >;
          "p_status": Database["ai"]["Enums"]["llm_call_status"];
        };
        Returns: Record<string, unknown>;
      };
      "fn_render_node_body": { Args: { "p_node_id": string; "p_params"?: Json }; Returns: string };
      "fn_render_param_value": {
        Args: {
          "p_config": Json;
          "p_label": string;
          "p_type": Database["lenses"]["Enums"]["param_type"];
          "p_value": Json;
        };
        Returns: string;
      };
      "fn_render_template": {
        Args: { "p_parameters": Json; "p_params": Json; "p_template": string };
        Returns: string;
      };
      "fn_render_version_body": { Args: { "p_params"?: Json; "p_version_id": string }; Returns: string };
      "fn_replace_version_parameters": {
        Args: { "p_parameters": Json; "p_rpc": string; "p_version_id": string };
        Returns: undefined;
      };
      "fn_requeue_result": { Args: { "p_reason": string; "p_result_id": string }; Returns: undefined };
      "fn_retention_purge_open": { Args: Record<PropertyKey, never>; Returns: boolean };
      "fn_retry_delay_ms": {
        Args: { "p_base_ms": number; "p_max_ms": number; "p_retry": number };
        Returns: number;
      };
      "fn_rpc_list_ids": {
        Args: {
          "p_lenser_id": string;
          "p_limit": number;
          "p_offset": number;
          "p_rpc": string;
          "p_scope": string;
          "p_search": string;
          "p_status": unknown;
          "p_table": unknown;
          "p_tag": string;
        };
        Returns: string[];
      };
      "fn_rpc_schedule": {
        Args: { "p_need": string; "p_rpc": string; "p_schedule_id": string };
        Returns: {
          "approval_policy": Json | null;
          "assignee_id": string | null;
          "assignee_type": Database["agents"]["Enums"]["assignee_kind"] | null;
          "catch_up_window_seconds": number | null;
          "created_at": string;
          "cron_expression": string;
          "dst_gap": Database["lenses"]["Enums"]["schedule_dst_gap"];
          "dst_overlap": Database["lenses"]["Enums"]["schedule_dst_overlap"];
          "end_at": string | null;
          "failure_policy": Json | null;
          "fire_count": number;
          "id": string;
          "input": NonNullable<Json>;
          "last_completed_at": string | null;
          "last_fired_at": string | null;
          "last_result": Database["lenses"]["Enums"]["schedule_run_result"] | null;
          "lenser_id": string;
          "max_fires": number | null;
          "name": string;
          "next_run_at": string | null;
          "pause_note": string | null;
          "paused_at": string | null;
          "paused_by": string | null;
          "queue_policy": Json | null;
          "retry_policy": Json | null;
          "start_at": string | null;
          "timezone": string;
          "updated_at": string;
          "workflow_assignment_id": string | null;
          "workflow_id": string | null;
        };
        SetofOptions: {
          from: "*";
          to: "workflow_schedules";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_rpc_schedule_approval": {
        Args: { "p_approval_policy": Json; "p_rpc": string; "p_workflow_assignment_id": string };
        Returns: undefined;
      };
      "fn_rpc_schedule_settings": {
        Args: {
          "p_catch_up_window_seconds": number;
          "p_cron_expression": string;
          "p_end_at": string;
          "p_failure_policy": Json;
          "p_input": Json;
          "p_max_fires": number;
          "p_name": string;
          "p_queue_policy": Json;
          "p_retry_policy": Json;
          "p_rpc": string;
          "p_start_at": string;
          "p_timezone": string;
        };
        Returns: undefined;
      };
      "fn_runs_after_completions": {
        Args: {
          "p_cached_tokens": (number)[];
          "p_costs": (number)[];
          "p_input_tokens": (number)[];
          "p_node_ids": (string)[];
          "p_output_tokens": (number)[];
          "p_run_ids": (string)[];
          "p_started_nodes"?: (string)[];
          "p_started_runs"?: (string)[];
        };
        Returns: undefined;
      };
      "fn_runs_nodes_stopped": {
        Args: {
          "p_cached_tokens": (number)[];
          "p_costs": (number)[];
          "p_input_tokens": (number)[];
          "p_node_ids": (string)[];
          "p_output_tokens": (number)[];
          "p_run_ids": (string)[];
          "p_started_nodes"?: (string)[];
          "p_started_runs"?: (string)[];
        };
        Returns: undefined;
      };
      "fn_schedule_fire_skipped": {
        Args: {
          "p_detail": string;
          "p_fire": Omit<
            Database["lenses"]["Tables"]["workflow_schedule_fires"]["Row"],
            Database["lenses"]["Tables"]["workflow_schedule_fires"]["ComputedFields"]
          >;
          "p_reason": Database["lenses"]["Enums"]["schedule_skip_reason"];
        };
        Returns: {
          "detail": string | null;
          "dispatched_at": string;
          "fire_at": string;
          "manual": boolean;
          "outcome": Database["lenses"]["Enums"]["schedule_fire_outcome"];
          "schedule_id": string;
          "skip_reason": Database["lenses"]["Enums"]["schedule_skip_reason"] | null;
          "started_at": string | null;
          "team_run_id": string | null;
          "workflow_run_id": string | null;
        };
        SetofOptions: {
          from: "*";
          to: "workflow_schedule_fires";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_schedule_next_fire": {
        Args: {
          "p_after": string;
          "p_bounded"?: boolean;
          "p_schedule": Omit<
            Database["lenses"]["Tables"]["workflow_schedules"]["Row"],
            Database["lenses"]["Tables"]["workflow_schedules"]["ComputedFields"]
          >;
        };
        Returns: string;
      };
      "fn_schedule_role": { Args: { "p_assignment_id": string; "p_workflow_id": string }; Returns: string };
      "fn_schedule_run_ended": {
        Args: { "p_result": Database["lenses"]["Enums"]["schedule_run_result"]; "p_schedule_id": string };
        Returns: undefined;
      };
      "fn_settle_many": {
        Args: { "p_hold"?: number; "p_node_ids": (string)[]; "p_run_ids": (string)[] };
        Returns: Record<string, unknown>;
      };
      "fn_settle_successors": { Args: { "p_node_id": string; "p_run_id": string }; Returns: undefined };
      "fn_start_schedule_fire": {
        Args: {
          "p_fire": Omit<
            Database["lenses"]["Tables"]["workflow_schedule_fires"]["Row"],
            Database["lenses"]["Tables"]["workflow_schedule_fires"]["ComputedFields"]
          >;
          "p_schedule": Omit<
            Database["lenses"]["Tables"]["workflow_schedules"]["Row"],
            Database["lenses"]["Tables"]["workflow_schedules"]["ComputedFields"]
          >;
        };
        Returns: {
          "detail": string | null;
          "dispatched_at": string;
          "fire_at": string;
          "manual": boolean;
          "outcome": Database["lenses"]["Enums"]["schedule_fire_outcome"];
          "schedule_id": string;
          "skip_reason": Database["lenses"]["Enums"]["schedule_skip_reason"] | null;
          "started_at": string | null;
          "team_run_id": string | null;
          "workflow_run_id": string | null;
        };
        SetofOptions: {
          from: "*";
          to: "workflow_schedule_fires";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_start_workflow_run": {
        Args: {
          "p_deadline_seconds": number;
          "p_failure_mode": Database["lenses"]["Enums"]["failure_mode"];
          "p_input": Json;
          "p_lenser_id": string;
          "p_max_retries": number;
          "p_rpc": string;
          "p_started_by": string;
          "p_workflow": Omit<
            Database["lenses"]["Tables"]["workflows"]["Row"],
            Database["lenses"]["Tables"]["workflows"]["ComputedFields"]
          >;
        };
        Returns: {
          "active_node_id": string | null;
          "created_at": string;
          "deadline_at": string | null;
          "error_message": string | null;
          "failure_mode": Database["lenses"]["Enums"]["failure_mode"];
          "finished_at": string | null;
          "id": string;
          "input": NonNullable<Json>;
          "lenser_id": string;
          "max_retries": number;
          "output": Json | null;
          "parent_invocation_id": string | null;
          "recovered_from_node_id": string | null;
          "recovered_from_run_id": string | null;
          "started_at": string | null;
          "started_by": string | null;
          "status": Database["lenses"]["Enums"]["workflow_run_status"];
          "total_cached_tokens": number;
          "total_cost_credits": number;
          "total_input_tokens": number;
          "total_output_tokens": number;
          "updated_at": string;
          "watched_until": string | null;
          "workflow_id": string;
        };
        SetofOptions: {
          from: "*";
          to: "workflow_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_tags_valid": { Args: { "p_tags": (string)[] }; Returns: boolean };
      "fn_template_binding_errors": {
        Args: { "p_parameters": Json; "p_template": string };
        Returns: (string)[];
      };
      "fn_template_labels": { Args: { "p_template": string }; Returns: (string)[] };
      "fn_try_lock_run": { Args: { "p_run_id": string }; Returns: boolean };
      "fn_validate_workflow": { Args: { "p_workflow_id": string }; Returns: Json };
      "fn_version_json": { Args: { "p_version_id": string }; Returns: Json };
      "fn_version_parameter_defs": { Args: { "p_version_id": string }; Returns: Json };
      "fn_version_publish_errors": {
        Args: {
          "p_input_contract": Json;
          "p_output_contract": Json;
          "p_template": string;
          "p_version_id": string;
        };
        Returns: (string)[];
      };
      "fn_write_provenance": {
        Args: { "p_edge_ids": (string)[]; "p_run_ids": (string)[] };
        Returns: undefined;
      };
    };
    Enums: {
      "artifact_kind":
        | "text"
        | "markdown"
        | "json"
        | "summary"
        | "plan"
        | "report"
        | "code"
        | "classification"
        | "extraction"
        | "message";
      "contract_field_type": "string" | "number" | "integer" | "boolean" | "object" | "array";
      "contract_kind": "text" | "json";
      "failure_mode": "isolate" | "stop_run";
      "instruction_category":
        | "instruction"
        | "research"
        | "planning"
        | "generation"
        | "validation"
        | "routing"
        | "memory"
        | "export";
      "lens_status": "draft" | "published" | "archived";
      "merge_strategy": "last_write_wins" | "concat" | "array" | "json_object";
      "node_result_status":
        | "pending"
        | "awaiting_dependency"
        | "queued"
        | "running"
        | "streaming"
        | "retrying"
        | "completed"
        | "failed"
        | "cancelled"
        | "skipped"
        | "timed_out"
        | "blocked"
        | "invalidated";
      "param_type":
        | "text"
        | "textarea"
        | "json"
        | "number"
        | "integer"
        | "float"
        | "decimal"
        | "boolean"
        | "select"
        | "url"
        | "date"
        | "datetime"
        | "file";
      "run_event_type":
        | "run_queued"
        | "run_started"
        | "run_streaming"
        | "run_completed"
        | "run_failed"
        | "run_cancelled"
        | "run_timed_out"
        | "run_recovered"
        | "node_queued"
        | "node_started"
        | "node_streaming"
        | "node_delta"
        | "node_completed"
        | "node_failed"
        | "node_retrying"
        | "node_skipped"
        | "node_cancelled"
        | "node_timed_out"
        | "node_invalidated"
        | "node_released"
        | "lease_expired"
        | "human_input_requested"
        | "human_input_received"
        | "step_queued"
        | "step_started"
        | "step_completed"
        | "step_failed"
        | "step_blocked"
        | "step_skipped"
        | "approval_requested"
        | "approval_granted"
        | "approval_rejected"
        | "message"
        | "tool_invoked"
        | "tool_completed"
        | "budget_exceeded"
        | "budget_threshold_reached"
        | "message_received"
        | "message_sent"
        | "message_status_changed"
        | "contact_created"
        | "contacts_merged"
        | "contacts_unmerged"
        | "guardrail_violated"
        | "output_delivered"
        | "output_delivery_failed";
      "schedule_dst_gap": "fire_after_gap" | "skip";
      "schedule_dst_overlap": "first" | "second";
      "schedule_fire_outcome": "started" | "waiting" | "skipped";
      "schedule_run_result": "completed" | "failed" | "cancelled" | "timed_out";
      "schedule_skip_reason":
        | "paused"
        | "overlap"
        | "outside_catch_up_window"
        | "ended"
        | "limit_reached"
        | "approval_pending"
        | "workflow_unpublished"
        | "assignment_disabled"
        | "start_failed";
      "task_error_kind":
        | "rate_limit"
        | "client"
        | "server"
        | "timeout"
        | "network"
        | "cancelled"
        | "contract_violation"
        | "lease_expired"
        | "render"
        | "budget_exceeded";
      "tool_category": "input" | "media" | "execution" | "battle" | "system";
      "visibility": "public" | "private" | "unlisted";
      "waiting_reason":
        | "dependency"
        | "condition_false"
        | "rate_limit"
        | "retry_backoff"
        | "human_input"
        | "external_callback"
        | "queued"
        | "budget";
      "workflow_node_kind": "lens" | "human_input";
      "workflow_run_status":
        | "draft"
        | "validated"
        | "queued"
        | "pending"
        | "running"
        | "streaming"
        | "recovered"
        | "completed"
        | "failed"
        | "cancelled"
        | "timed_out";
      "workflow_status": "draft" | "published" | "archived";
    };
    CompositeTypes: {
      "claimed_task": {
        "result_id": string | null;
        "run_id": string | null;
        "node_id": string | null;
        "node_key": string | null;
        "attempt": number | null;
        "lease_token": string | null;
        "lease_expires_at": string | null;
        "prompt": string | null;
        "input_data": Json | null;
        "output_contract": Json | null;
        "timeout_ms": number | null;
        "model_id": string | null;
        "model_key": string | null;
        "provider_key": string | null;
        "provider_adapter": Database["ai"]["Enums"]["provider_adapter"] | null;
        "provider_base_url": string | null;
        "api_key_env": string | null;
        "model_params": Json | null;
        "agent": Json | null;
      };
      "cron_fields": {
        "minutes": number | null;
        "hours": number | null;
        "days": number | null;
        "months": number | null;
        "weekdays": number | null;
        "any_day": boolean | null;
        "any_weekday": boolean | null;
        "fixed_time": boolean | null;
        "errors": (string)[] | null;
      };
    };
  };
  "public": {
    Tables: {
      [_ in never]: never;
    };
    Views: {
      [_ in never]: never;
    };
    Functions: {
      "add_team_edge": {
        Args: {
          "p_edge_type": Database["agents"]["Enums"]["team_edge_type"];
          "p_is_blocking"?: boolean;
          "p_source_member_id": string;
          "p_target_member_id": string;
        };
        Returns: Database["agents"]["Tables"]["team_edges"]["Row"];
        SetofOptions: {
          from: "*";
          to: "team_edges";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "add_team_member": {
        Args: {
          "p_agent_id": string;
          "p_capabilities"?: (Database["lenses"]["Enums"]["instruction_category"])[];
          "p_lane"?: number;
          "p_memory_profile_id"?: string;
          "p_model_profile_id"?: string;
          "p_personality_profile_id"?: string;
          "p_responsibility"?: string;
          "p_role"?: Database["agents"]["Enums"]["team_member_role"];
          "p_team_id": string;
          "p_tool_profile_id"?: string;
        };
        Returns: Database["agents"]["Tables"]["team_members"]["Row"];
        SetofOptions: {
          from: "*";
          to: "team_members";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "add_workflow_edge": {
        Args: {
          "p_condition"?: string;
          "p_merge_strategy"?: Database["lenses"]["Enums"]["merge_strategy"];
          "p_source_node_id": string;
          "p_source_output_path"?: string;
          "p_target_input_path"?: string;
          "p_target_node_id": string;
        };
        Returns: Database["lenses"]["Tables"]["workflow_edges"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_edges";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "add_workflow_node": {
        Args: {
          "p_config"?: Json;
          "p_inline_override"?: Json;
          "p_key": string;
          "p_kind"?: Database["lenses"]["Enums"]["workflow_node_kind"];
          "p_lens_version_id"?: string;
          "p_title"?: string;
          "p_workflow_id": string;
        };
        Returns: Database["lenses"]["Tables"]["workflow_nodes"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_nodes";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "approve_team_run": {
        Args: { "p_reason"?: string; "p_team_run_id": string };
        Returns: Database["agents"]["Tables"]["team_runs"]["Row"];
        SetofOptions: {
          from: "*";
          to: "team_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "archive_budget": {
        Args: { "p_budget_id": string };
        Returns: Database["ai"]["Tables"]["budgets"]["Row"];
        SetofOptions: {
          from: "*";
          to: "budgets";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "archive_channel_binding": {
        Args: { "p_binding_id": string };
        Returns: Database["agents"]["Tables"]["channel_bindings"]["Row"];
        SetofOptions: {
          from: "*";
          to: "channel_bindings";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "archive_lens": {
        Args: { "p_lens_id": string };
        Returns: Database["lenses"]["Tables"]["lenses"]["Row"];
        SetofOptions: {
          from: "*";
          to: "lenses";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "archive_lens_version": { Args: { "p_version_id": string }; Returns: Json };
      "archive_team": {
        Args: { "p_team_id": string };
        Returns: Database["agents"]["Tables"]["teams"]["Row"];
        SetofOptions: {
          from: "*";
          to: "teams";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "archive_workflow": {
        Args: { "p_workflow_id": string };
        Returns: Database["lenses"]["Tables"]["workflows"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflows";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "backfill_workflow_schedule": {
        Args: { "p_from": string; "p_max_fires"?: number; "p_schedule_id": string; "p_to": string };
        Returns: Database["lenses"]["Tables"]["workflow_schedule_fires"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "workflow_schedule_fires";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "cancel_team_run": {
        Args: { "p_reason"?: string; "p_team_run_id": string };
        Returns: Database["agents"]["Tables"]["team_runs"]["Row"];
        SetofOptions: {
          from: "*";
          to: "team_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "cancel_workflow_run": {
        Args: { "p_reason"?: string; "p_run_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_runs"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "claim_channel_sends": {
        Args: { "p_lease_seconds"?: number; "p_limit"?: number; "p_worker": string };
        Returns: Json;
      };
      "claim_event_deliveries": {
        Args: { "p_consumer": string; "p_lease_seconds"?: number; "p_limit"?: number; "p_worker": string };
        Returns: {
          "actor_id": string;
          "attempts": number;
          "consumer": string;
          "contact_id": string;
          "context": Json;
          "delivery_id": string;
          "event_id": number;
          "event_type": Database["lenses"]["Enums"]["run_event_type"];
          "lease_token": string;
          "module": Database["agents"]["Enums"]["event_module"];
          "occurred_at": string;
          "payload": Json;
          "scope_id": string;
          "subject_id": string;
          "subject_kind": Database["agents"]["Enums"]["event_subject_kind"];
        }[];
      };
      "claim_guardrail_judgements": {
        Args: { "p_lease_seconds"?: number; "p_limit"?: number; "p_worker": string };
        Returns: Json;
      };
      "claim_workflow_tasks": {
        Args: { "p_lease_seconds"?: number; "p_limit"?: number; "p_worker_id": string };
        Returns: Database["lenses"]["CompositeTypes"]["claimed_task"][];
        SetofOptions: {
          from: "*";
          to: "claimed_task";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "complete_channel_send": {
        Args: { "p_lease_token": string; "p_message_id": string; "p_provider_message_id": string };
        Returns: Json;
      };
      "complete_event_delivery": {
        Args: { "p_delivery_id": string; "p_lease_token": string; "p_result"?: Json };
        Returns: Database["agents"]["Tables"]["event_deliveries"]["Row"];
        SetofOptions: {
          from: "*";
          to: "event_deliveries";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "complete_guardrail_judgement": {
        Args: { "p_calls"?: Json; "p_id": string; "p_lease_token": string; "p_verdict": Json };
        Returns: Json;
      };
      "complete_workflow_task": {
        Args: {
          "p_lease_token": string;
          "p_llm_call"?: Json;
          "p_output"?: Json;
          "p_result_id": string;
          "p_text"?: string;
        };
        Returns: Json;
      };
      "complete_workflow_tasks": {
        Args: {
          "p_claim_limit"?: number;
          "p_completions": Json;
          "p_lease_seconds"?: number;
          "p_worker_id"?: string;
        };
        Returns: Json;
      };
      "create_ai_lenser": {
        Args: {
          "p_avatar_url"?: string;
          "p_display_name": string;
          "p_handle": string;
          "p_personality_note"?: string;
          "p_runtime_pref"?: Database["agents"]["Enums"]["runtime_pref"];
          "p_visibility"?: Database["lensers"]["Enums"]["profile_visibility"];
        };
        Returns: Database["agents"]["Tables"]["ai_lensers"]["Row"];
        SetofOptions: {
          from: "*";
          to: "ai_lensers";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "create_budget": {
        Args: {
          "p_ai_lenser_id"?: string;
          "p_amount_credits": number;
          "p_enforcement": Database["ai"]["Enums"]["budget_enforcement"];
          "p_on_exceed"?: Database["ai"]["Enums"]["budget_on_exceed"];
          "p_period": Database["ai"]["Enums"]["budget_period"];
          "p_scope": Database["ai"]["Enums"]["budget_scope"];
          "p_workflow_id"?: string;
        };
        Returns: Database["ai"]["Tables"]["budgets"]["Row"];
        SetofOptions: {
          from: "*";
          to: "budgets";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "create_channel_binding": {
        Args: {
          "p_access_token_env"?: string;
          "p_ai_lenser_id": string;
          "p_allowed_origins"?: (string)[];
          "p_app_secret_env"?: string;
          "p_bot_token_env"?: string;
          "p_channel": Database["agents"]["Enums"]["channel"];
          "p_debounce_ms"?: number;
          "p_fallback_text"?: string;
          "p_loop_guard_max_turns"?: number;
          "p_loop_guard_window_seconds"?: number;
          "p_memory_profile_id"?: string;
          "p_model_profile_id"?: string;
          "p_name": string;
          "p_personality_profile_id"?: string;
          "p_routing_key"?: string;
          "p_signing_secret_env"?: string;
          "p_tool_profile_id"?: string;
          "p_verify_token_env"?: string;
          "p_whatsapp_template"?: Json;
        };
        Returns: Database["agents"]["Tables"]["channel_bindings"]["Row"];
        SetofOptions: {
          from: "*";
          to: "channel_bindings";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "create_guardrail_rule": {
        Args: {
          "p_action": Database["agents"]["Enums"]["guardrail_action"];
          "p_ai_lenser_id"?: string;
          "p_binding_id"?: string;
          "p_config": Json;
          "p_direction"?: Database["agents"]["Enums"]["guardrail_direction"];
          "p_kind": Database["agents"]["Enums"]["guardrail_kind"];
          "p_name": string;
          "p_severity"?: Database["agents"]["Enums"]["guardrail_severity"];
          "p_team_id"?: string;
          "p_tier": Database["agents"]["Enums"]["guardrail_tier"];
        };
        Returns: Database["agents"]["Tables"]["guardrail_rules"]["Row"];
        SetofOptions: {
          from: "*";
          to: "guardrail_rules";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "create_lens": {
        Args: {
          "p_content"?: string;
          "p_description"?: string;
          "p_lenser_id"?: string;
          "p_params"?: Json;
          "p_tags"?: (string)[];
          "p_title": string;
          "p_visibility"?: Database["lenses"]["Enums"]["visibility"];
        };
        Returns: Database["lenses"]["Tables"]["lenses"]["Row"];
        SetofOptions: {
          from: "*";
          to: "lenses";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "create_lens_version": {
        Args: {
          "p_input_contract"?: Json;
          "p_instruction_category"?: Database["lenses"]["Enums"]["instruction_category"];
          "p_lens_id": string;
          "p_output_contract"?: Json;
          "p_parameters"?: Json;
          "p_template_body": string;
        };
        Returns: Json;
      };
      "create_memory_profile": {
        Args: {
          "p_ai_lenser_id": string;
          "p_embedding_model_id"?: string;
          "p_is_default"?: boolean;
          "p_isolation_mode"?: Database["agents"]["Enums"]["memory_isolation_mode"];
          "p_name": string;
          "p_reset_policy"?: Database["agents"]["Enums"]["memory_reset_policy"];
          "p_retention_days"?: number;
          "p_retrieval_top_k"?: number;
          "p_scope_type"?: Database["agents"]["Enums"]["memory_scope"];
          "p_summary_strategy"?: Database["agents"]["Enums"]["memory_summary_strategy"];
          "p_visibility"?: Database["agents"]["Enums"]["memory_visibility"];
        };
        Returns: Database["agents"]["Tables"]["memory_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "memory_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "create_model_profile": {
        Args: {
          "p_ai_lenser_id": string;
          "p_is_default"?: boolean;
          "p_model_id": string;
          "p_name": string;
          "p_params"?: Json;
        };
        Returns: Database["agents"]["Tables"]["model_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "model_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "create_personality_profile": {
        Args: {
          "p_ai_lenser_id": string;
          "p_autonomy_level"?: Database["agents"]["Enums"]["autonomy_level"];
          "p_communication_style"?: Database["agents"]["Enums"]["communication_style"];
          "p_decision_style"?: Database["agents"]["Enums"]["decision_style"];
          "p_escalation_behavior"?: Database["agents"]["Enums"]["escalation_behavior"];
          "p_expertise_level"?: Database["agents"]["Enums"]["expertise_level"];
          "p_is_default"?: boolean;
          "p_name": string;
          "p_risk_tolerance"?: Database["agents"]["Enums"]["risk_tolerance"];
          "p_system_prompt_patch"?: string;
          "p_tone"?: Database["agents"]["Enums"]["personality_tone"];
        };
        Returns: Database["agents"]["Tables"]["personality_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "personality_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "create_team": {
        Args: {
          "p_description"?: string;
          "p_name": string;
          "p_owner_lenser_id"?: string;
          "p_scratchpad"?: Json;
          "p_status"?: Database["agents"]["Enums"]["team_status"];
        };
        Returns: Database["agents"]["Tables"]["teams"]["Row"];
        SetofOptions: {
          from: "*";
          to: "teams";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "create_tool_profile": {
        Args: {
          "p_ai_lenser_id": string;
          "p_allow_tools"?: (string)[];
          "p_deny_tools"?: (string)[];
          "p_http_allow_hosts"?: (string)[];
          "p_http_allow_private_network"?: boolean;
          "p_is_default"?: boolean;
          "p_name": string;
          "p_provider_overrides"?: Json;
          "p_requires_approval"?: boolean;
          "p_tool_groups"?: (string)[];
        };
        Returns: Database["agents"]["Tables"]["tool_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tool_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "create_workflow": {
        Args: {
          "p_description"?: string;
          "p_lenser_id"?: string;
          "p_tags"?: (string)[];
          "p_title": string;
          "p_visibility"?: Database["lenses"]["Enums"]["visibility"];
        };
        Returns: Database["lenses"]["Tables"]["workflows"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflows";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "create_workflow_assignment": {
        Args: {
          "p_approval_policy"?: Json;
          "p_assignee_ai_lenser_id"?: string;
          "p_assignee_kind": Database["agents"]["Enums"]["assignee_kind"];
          "p_assignee_team_id"?: string;
          "p_failure_policy"?: Json;
          "p_node_bindings"?: Json;
          "p_output_destination"?: Json;
          "p_queue_policy"?: Json;
          "p_retry_policy"?: Json;
          "p_workflow_id": string;
        };
        Returns: Database["agents"]["Tables"]["workflow_assignments"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_assignments";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "create_workflow_schedule": {
        Args: {
          "p_approval_policy"?: Json;
          "p_catch_up_window_seconds"?: number;
          "p_cron_expression": string;
          "p_dst_gap"?: Database["lenses"]["Enums"]["schedule_dst_gap"];
          "p_dst_overlap"?: Database["lenses"]["Enums"]["schedule_dst_overlap"];
          "p_end_at"?: string;
          "p_failure_policy"?: Json;
          "p_input"?: Json;
          "p_max_fires"?: number;
          "p_name": string;
          "p_queue_policy"?: Json;
          "p_retry_policy"?: Json;
          "p_start_at"?: string;
          "p_timezone"?: string;
          "p_workflow_assignment_id"?: string;
          "p_workflow_id": string;
        };
        Returns: Database["lenses"]["Tables"]["workflow_schedules"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_schedules";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "delete_memory_profile": {
        Args: { "p_profile_id": string };
        Returns: Database["agents"]["Tables"]["memory_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "memory_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "delete_model_profile": {
        Args: { "p_profile_id": string };
        Returns: Database["agents"]["Tables"]["model_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "model_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "delete_personality_profile": {
        Args: { "p_profile_id": string };
        Returns: Database["agents"]["Tables"]["personality_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "personality_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "delete_tool_profile": {
        Args: { "p_profile_id": string };
        Returns: Database["agents"]["Tables"]["tool_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tool_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "delete_workflow_schedule": {
        Args: { "p_schedule_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_schedules"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_schedules";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "disable_guardrail_rule": {
        Args: { "p_rule_id": string };
        Returns: Database["agents"]["Tables"]["guardrail_rules"]["Row"];
        SetofOptions: {
          from: "*";
          to: "guardrail_rules";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "disable_http_tool": {
        Args: { "p_key": string };
        Returns: Database["agents"]["Tables"]["tools_registry"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tools_registry";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "disable_workflow_assignment": {
        Args: { "p_assignment_id": string };
        Returns: Database["agents"]["Tables"]["workflow_assignments"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_assignments";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "dispatch_conversation_turns": { Args: { "p_limit"?: number }; Returns: Json };
      "escalate_team_run": {
        Args: { "p_note"?: string; "p_team_run_id": string };
        Returns: Database["agents"]["Tables"]["team_runs"]["Row"];
        SetofOptions: {
          from: "*";
          to: "team_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fail_channel_send": {
        Args: {
          "p_error": Json;
          "p_lease_token": string;
          "p_message_id": string;
          "p_retry_after_ms"?: number;
          "p_retryable"?: boolean;
        };
        Returns: Json;
      };
      "fail_event_delivery": {
        Args: {
          "p_delivery_id": string;
          "p_error": string;
          "p_lease_token": string;
          "p_retryable"?: boolean;
        };
        Returns: Database["agents"]["Tables"]["event_deliveries"]["Row"];
        SetofOptions: {
          from: "*";
          to: "event_deliveries";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fail_workflow_task": {
        Args: {
          "p_error_kind": Database["lenses"]["Enums"]["task_error_kind"];
          "p_error_message": string;
          "p_lease_token": string;
          "p_llm_call"?: Json;
          "p_result_id": string;
          "p_retry_after_ms"?: number;
        };
        Returns: Json;
      };
      "fn_approve_tool_invocation": {
        Args: { "p_approval_hash"?: string; "p_invocation_id": string };
        Returns: Database["agents"]["Tables"]["tool_invocations"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tool_invocations";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_complete_tool_invocation": {
        Args: {
          "p_cost_credits"?: number;
          "p_error"?: string;
          "p_invocation_id": string;
          "p_output"?: Json;
          "p_status": Database["agents"]["Enums"]["tool_invocation_status"];
        };
        Returns: Database["agents"]["Tables"]["tool_invocations"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tool_invocations";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_invoke_tool": {
        Args: {
          "p_ai_lenser_id": string;
          "p_input"?: Json;
          "p_step_id"?: string;
          "p_tool_key": string;
          "p_tool_profile_id"?: string;
          "p_workflow_node_result_id"?: string;
        };
        Returns: Database["agents"]["Tables"]["tool_invocations"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tool_invocations";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_read_memory_entries": {
        Args: {
          "p_limit"?: number;
          "p_memory_profile_id": string;
          "p_min_confidence"?: number;
          "p_offset"?: number;
          "p_query_embedding"?: string;
          "p_scope"?: Database["agents"]["Enums"]["memory_scope"];
          "p_source"?: Database["agents"]["Enums"]["memory_source"];
        };
        Returns: {
          "ai_lenser_id": string;
          "confidence": number;
          "content": string;
          "created_at": string;
          "expires_at": string;
          "memory_id": string;
          "memory_profile_id": string;
          "metadata": Json;
          "scope": Database["agents"]["Enums"]["memory_scope"];
          "similarity": number;
          "source": Database["agents"]["Enums"]["memory_source"];
        }[];
      };
      "fn_redact_memory_entry": {
        Args: { "p_memory_id": string };
        Returns: Database["agents"]["Tables"]["memories"]["Row"];
        SetofOptions: {
          from: "*";
          to: "memories";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_reject_tool_invocation": {
        Args: { "p_invocation_id": string; "p_reason": string };
        Returns: Database["agents"]["Tables"]["tool_invocations"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tool_invocations";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "fn_summarize_memory_profile": { Args: { "p_memory_profile_id": string }; Returns: Json };
      "fn_write_memory_entry": {
        Args: {
          "p_confidence"?: number;
          "p_content": string;
          "p_embedding"?: string;
          "p_embedding_model_id"?: string;
          "p_expires_at"?: string;
          "p_memory_profile_id": string;
          "p_metadata"?: Json;
          "p_scope"?: Database["agents"]["Enums"]["memory_scope"];
          "p_source"?: Database["agents"]["Enums"]["memory_source"];
        };
        Returns: Database["agents"]["Tables"]["memories"]["Row"];
        SetofOptions: {
          from: "*";
          to: "memories";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "get_ai_model": {
        Args: { "p_model_id": string };
        Returns: {
          "cached_input_price_per_mtok": number;
          "capability_tags": (Database["ai"]["Enums"]["model_capability"])[];
          "context_window": number;
          "description": string;
          "display_name": string;
          "input_modalities": (Database["ai"]["Enums"]["modality"])[];
          "input_price_per_mtok": number;
          "is_default": boolean;
          "max_output_tokens": number;
          "metadata": Json;
          "model_id": string;
          "model_key": string;
          "output_modalities": (Database["ai"]["Enums"]["modality"])[];
          "output_price_per_mtok": number;
          "provider_key": string;
          "status": Database["ai"]["Enums"]["model_status"];
          "summary": string;
          "support_level": Database["ai"]["Enums"]["support_level"];
          "use_cases": (string)[];
        }[];
      };
      "get_budget_status": {
        Args: { "p_budget_id": string };
        Returns: {
          "alerts": (number)[];
          "archived": boolean;
          "budget_id": string;
          "enforcement": Database["ai"]["Enums"]["budget_enforcement"];
          "limit_credits": number;
          "on_exceed": Database["ai"]["Enums"]["budget_on_exceed"];
          "overrun_credits": number;
          "period": Database["ai"]["Enums"]["budget_period"];
          "period_end": string;
          "period_start": string;
          "remaining_credits": number;
          "reserved_credits": number;
          "scope": Database["ai"]["Enums"]["budget_scope"];
          "spent_credits": number;
        }[];
      };
      "get_channel_binding": {
        Args: { "p_binding_id": string };
        Returns: Database["agents"]["Tables"]["channel_bindings"]["Row"];
        SetofOptions: {
          from: "*";
          to: "channel_bindings";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "get_channel_binding_route": {
        Args: { "p_channel": Database["agents"]["Enums"]["channel"]; "p_routing_key": string };
        Returns: {
          "access_token_env": string;
          "ai_lenser_id": string;
          "allowed_origins": (string)[];
          "app_secret_env": string;
          "binding_id": string;
          "bot_token_env": string;
          "signing_secret_env": string;
          "status": Database["agents"]["Enums"]["binding_status"];
          "verify_token_env": string;
        }[];
      };
      "get_lens": { Args: { "p_lens_id": string }; Returns: Json };
      "get_llm_cost_rollup": {
        Args: { "p_from": string; "p_group_by"?: string; "p_to": string };
        Returns: {
          "cache_write_tokens": number;
          "cached_tokens": number;
          "calls": number;
          "cost_credits": number;
          "group_key": string;
          "input_tokens": number;
          "output_tokens": number;
          "reasoning_tokens": number;
          "tool_cost_credits": number;
          "tool_invocations": number;
          "uncached_input_tokens": number;
          "unpriced_calls": number;
        }[];
      };
      "get_my_profile": {
        Args: Record<PropertyKey, never>;
        Returns: Database["lensers"]["Tables"]["profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "get_profile": {
        Args: { "p_handle": string };
        Returns: Database["lensers"]["Tables"]["profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "get_team_run": {
        Args: { "p_team_run_id": string };
        Returns: Database["agents"]["Tables"]["team_runs"]["Row"];
        SetofOptions: {
          from: "*";
          to: "team_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "get_web_chat_messages": {
        Args: { "p_after_seq": number; "p_binding_id": string; "p_external_id": string; "p_limit": number };
        Returns: {
          "body": string;
          "conversation_id": string;
          "created_at": string;
          "delivery_status": Database["agents"]["Enums"]["message_status"];
          "direction": Database["agents"]["Enums"]["message_direction"];
          "id": string;
          "seq": number;
        }[];
      };
      "get_workflow": { Args: { "p_workflow_id": string }; Returns: Json };
      "get_workflow_run": { Args: { "p_run_id": string }; Returns: Json };
      "get_workflow_run_stats": {
        Args: { "p_workflow_id": string };
        Returns: {
          "last_run_at": string;
          "runs": number;
          "status": Database["lenses"]["Enums"]["workflow_run_status"];
          "total_cost_credits": number;
        }[];
      };
      "get_workflow_schedule": {
        Args: { "p_schedule_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_schedules"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_schedules";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "grant_ai_lenser_ownership": {
        Args: {
          "p_ai_lenser_id": string;
          "p_owner_handle": string;
          "p_permission_scope"?: (Database["agents"]["Enums"]["ownership_permission"])[];
          "p_role": Database["agents"]["Enums"]["ownership_role"];
        };
        Returns: Database["agents"]["Tables"]["ownerships"]["Row"];
        SetofOptions: {
          from: "*";
          to: "ownerships";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "heartbeat_workflow_task": {
        Args: { "p_lease_seconds"?: number; "p_lease_token": string; "p_result_id": string };
        Returns: string;
      };
      "list_ai_lenser_ownerships": {
        Args: { "p_ai_lenser_id": string; "p_include_revoked"?: boolean };
        Returns: {
          "granted_at": string;
          "owner_handle": string;
          "owner_lenser_id": string;
          "ownership_id": string;
          "permission_scope": (Database["agents"]["Enums"]["ownership_permission"])[];
          "revoked_at": string;
          "role": Database["agents"]["Enums"]["ownership_role"];
        }[];
      };
      "list_ai_models": {
        Args: {
          "p_capability"?: Database["ai"]["Enums"]["model_capability"];
          "p_include_retired"?: boolean;
          "p_limit"?: number;
          "p_modality"?: Database["ai"]["Enums"]["modality"];
          "p_offset"?: number;
          "p_provider_key"?: string;
          "p_support_level"?: Database["ai"]["Enums"]["support_level"];
        };
        Returns: {
          "cached_input_price_per_mtok": number;
          "capability_tags": (Database["ai"]["Enums"]["model_capability"])[];
          "context_window": number;
          "display_name": string;
          "input_modalities": (Database["ai"]["Enums"]["modality"])[];
          "input_price_per_mtok": number;
          "is_default": boolean;
          "max_output_tokens": number;
          "model_id": string;
          "model_key": string;
          "output_modalities": (Database["ai"]["Enums"]["modality"])[];
          "output_price_per_mtok": number;
          "provider_key": string;
          "status": Database["ai"]["Enums"]["model_status"];
          "summary": string;
          "support_level": Database["ai"]["Enums"]["support_level"];
          "use_cases": (string)[];
        }[];
      };
      "list_ai_providers": {
        Args: { "p_support_level"?: Database["ai"]["Enums"]["support_level"] };
        Returns: {
          "adapter": Database["ai"]["Enums"]["provider_adapter"];
          "base_url": string;
          "display_name": string;
          "key": string;
          "model_count": number;
          "provider_id": string;
          "requires_api_key": boolean;
          "support_level": Database["ai"]["Enums"]["support_level"];
        }[];
      };
      "list_budgets": {
        Args: {
          "p_ai_lenser_id"?: string;
          "p_include_archived"?: boolean;
          "p_scope"?: Database["ai"]["Enums"]["budget_scope"];
          "p_workflow_id"?: string;
        };
        Returns: Database["ai"]["Tables"]["budgets"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "budgets";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_channel_bindings": {
        Args: { "p_ai_lenser_id": string };
        Returns: Database["agents"]["Tables"]["channel_bindings"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "channel_bindings";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_contacts": {
        Args: {
          "p_ai_lenser_id": string;
          "p_before_created_at"?: string;
          "p_before_id"?: string;
          "p_include_merged"?: boolean;
          "p_limit"?: number;
          "p_resolved"?: boolean;
        };
        Returns: Database["agents"]["Tables"]["contacts"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "contacts";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_conversations": {
        Args: {
          "p_ai_lenser_id": string;
          "p_before_id"?: string;
          "p_before_last_active_at"?: string;
          "p_binding_id"?: string;
          "p_contact_id"?: string;
          "p_limit"?: number;
        };
        Returns: Database["agents"]["Tables"]["conversations"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "conversations";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_event_deliveries": {
        Args: {
          "p_consumer"?: string;
          "p_event_id"?: number;
          "p_limit"?: number;
          "p_scope_id"?: string;
          "p_states"?: (Database["agents"]["Enums"]["delivery_state"])[];
        };
        Returns: Database["agents"]["Tables"]["event_deliveries"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "event_deliveries";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_events": {
        Args: {
          "p_after_event_id"?: number;
          "p_limit"?: number;
          "p_scope_id"?: string;
          "p_types"?: (Database["lenses"]["Enums"]["run_event_type"])[];
        };
        Returns: Database["agents"]["Tables"]["events"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "events";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_guardrail_rules": {
        Args: {
          "p_ai_lenser_id"?: string;
          "p_include_disabled"?: boolean;
          "p_limit"?: number;
          "p_offset"?: number;
          "p_team_id"?: string;
        };
        Returns: Database["agents"]["Tables"]["guardrail_rules"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "guardrail_rules";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_guardrail_violations": {
        Args: {
          "p_ai_lenser_id": string;
          "p_conversation_id"?: string;
          "p_limit"?: number;
          "p_offset"?: number;
        };
        Returns: Database["agents"]["Tables"]["guardrail_violations"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "guardrail_violations";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_lens_tools": {
        Args: { "p_category"?: Database["lenses"]["Enums"]["tool_category"] };
        Returns: Database["lenses"]["Tables"]["tools"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "tools";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_lenses": {
        Args: {
          "p_lenser_id"?: string;
          "p_limit"?: number;
          "p_offset"?: number;
          "p_scope"?: string;
          "p_search"?: string;
          "p_status"?: Database["lenses"]["Enums"]["lens_status"];
          "p_tag"?: string;
        };
        Returns: Database["lenses"]["Tables"]["lenses"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "lenses";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_llm_calls": {
        Args: { "p_ai_lenser_id"?: string; "p_limit"?: number; "p_offset"?: number; "p_run_id"?: string };
        Returns: {
          "ai_lenser_id": string;
          "attempt": number;
          "cache_write_tokens": number;
          "cached_tokens": number;
          "cost_credits": number;
          "created_at": string;
          "error_kind": Database["lenses"]["Enums"]["task_error_kind"];
          "id": string;
          "input_tokens": number;
          "latency_ms": number;
          "model_key": string;
          "node_result_id": string;
          "output_tokens": number;
          "price_effective_from": string;
          "provider_key": string;
          "reasoning_tokens": number;
          "run_id": string;
          "status": Database["ai"]["Enums"]["llm_call_status"];
          "ttft_ms": number;
          "unpriced": boolean;
          "workflow_id": string;
        }[];
      };
      "list_memory_profiles": {
        Args: { "p_ai_lenser_id": string; "p_limit"?: number; "p_offset"?: number };
        Returns: Database["agents"]["Tables"]["memory_profiles"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "memory_profiles";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_messages": {
        Args: { "p_before_seq"?: number; "p_conversation_id": string; "p_limit"?: number };
        Returns: Database["agents"]["Tables"]["messages"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "messages";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_model_profiles": {
        Args: { "p_ai_lenser_id": string; "p_limit"?: number; "p_offset"?: number };
        Returns: Database["agents"]["Tables"]["model_profiles"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "model_profiles";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_my_ai_lensers": {
        Args: { "p_limit"?: number; "p_offset"?: number };
        Returns: {
          "ai_lenser_id": string;
          "created_at": string;
          "display_name": string;
          "handle": string;
          "is_active": boolean;
          "my_role": Database["agents"]["Enums"]["ownership_role"];
          "profile_id": string;
          "runtime_pref": Database["agents"]["Enums"]["runtime_pref"];
          "visibility": Database["lensers"]["Enums"]["profile_visibility"];
        }[];
      };
      "list_personality_profiles": {
        Args: { "p_ai_lenser_id": string; "p_limit"?: number; "p_offset"?: number };
        Returns: Database["agents"]["Tables"]["personality_profiles"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "personality_profiles";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_public_profiles": {
        Args: { "p_limit"?: number; "p_offset"?: number };
        Returns: Database["lensers"]["Tables"]["profiles"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "profiles";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_team_edges": {
        Args: { "p_team_id": string };
        Returns: Database["agents"]["Tables"]["team_edges"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "team_edges";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_team_members": {
        Args: { "p_team_id": string };
        Returns: {
          "agent_display_name": string;
          "agent_handle": string;
          "agent_id": string;
          "created_at": string;
          "lane": number;
          "member_id": string;
          "memory_profile_id": string;
          "model_profile_id": string;
          "personality_profile_id": string;
          "responsibility": string;
          "role": Database["agents"]["Enums"]["team_member_role"];
          "tool_profile_id": string;
        }[];
      };
      "list_team_run_events": {
        Args: { "p_after_event_id"?: number; "p_limit"?: number; "p_team_run_id": string };
        Returns: Database["agents"]["Tables"]["agent_run_events"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "agent_run_events";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_team_run_steps": {
        Args: { "p_team_run_id": string };
        Returns: Database["agents"]["Tables"]["agent_run_steps"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "agent_run_steps";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_team_runs": {
        Args: {
          "p_assignment_id"?: string;
          "p_limit"?: number;
          "p_offset"?: number;
          "p_status"?: Database["agents"]["Enums"]["team_run_status"];
        };
        Returns: Database["agents"]["Tables"]["team_runs"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "team_runs";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_teams": {
        Args: {
          "p_include_archived"?: boolean;
          "p_limit"?: number;
          "p_offset"?: number;
          "p_owner_lenser_id"?: string;
        };
        Returns: {
          "archived_at": string;
          "created_at": string;
          "description": string;
          "edge_count": number;
          "member_count": number;
          "name": string;
          "owner_handle": string;
          "owner_lenser_id": string;
          "scratchpad": Json;
          "status": Database["agents"]["Enums"]["team_status"];
          "team_id": string;
          "updated_at": string;
        }[];
      };
      "list_tool_invocations": {
        Args: {
          "p_ai_lenser_id": string;
          "p_limit"?: number;
          "p_offset"?: number;
          "p_status"?: Database["agents"]["Enums"]["tool_invocation_status"];
        };
        Returns: Database["agents"]["Views"]["tool_invocations_v"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "tool_invocations_v";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_tool_profiles": {
        Args: { "p_ai_lenser_id": string; "p_limit"?: number; "p_offset"?: number };
        Returns: Database["agents"]["Tables"]["tool_profiles"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "tool_profiles";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_tools": {
        Args: { "p_include_disabled"?: boolean; "p_tool_group"?: string };
        Returns: Database["agents"]["Tables"]["tools_registry"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "tools_registry";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_workflow_assignments": {
        Args: {
          "p_ai_lenser_id"?: string;
          "p_include_disabled"?: boolean;
          "p_limit"?: number;
          "p_offset"?: number;
          "p_team_id"?: string;
          "p_workflow_id"?: string;
        };
        Returns: Database["agents"]["Tables"]["workflow_assignments"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "workflow_assignments";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_workflow_run_events": {
        Args: { "p_after_event_id"?: number; "p_limit"?: number; "p_run_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_run_events"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "workflow_run_events";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_workflow_run_provenance": {
        Args: { "p_run_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_run_provenance"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "workflow_run_provenance";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_workflow_runs": {
        Args: {
          "p_limit"?: number;
          "p_offset"?: number;
          "p_status"?: Database["lenses"]["Enums"]["workflow_run_status"];
          "p_workflow_id"?: string;
        };
        Returns: Database["lenses"]["Tables"]["workflow_runs"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "workflow_runs";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_workflow_schedule_fires": {
        Args: { "p_limit"?: number; "p_offset"?: number; "p_schedule_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_schedule_fires"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "workflow_schedule_fires";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_workflow_schedules": {
        Args: { "p_limit"?: number; "p_offset"?: number; "p_workflow_id"?: string };
        Returns: Database["lenses"]["Tables"]["workflow_schedules"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "workflow_schedules";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "list_workflows": {
        Args: {
          "p_lenser_id"?: string;
          "p_limit"?: number;
          "p_offset"?: number;
          "p_scope"?: string;
          "p_search"?: string;
          "p_status"?: Database["lenses"]["Enums"]["workflow_status"];
          "p_tag"?: string;
        };
        Returns: Database["lenses"]["Tables"]["workflows"]["Row"][];
        SetofOptions: {
          from: "*";
          to: "workflows";
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      "merge_contacts": {
        Args: { "p_merged_id": string; "p_survivor_id": string };
        Returns: Database["agents"]["Tables"]["contact_merges"]["Row"];
        SetofOptions: {
          from: "*";
          to: "contact_merges";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "park_agent_task": {
        Args: { "p_lease_token": string; "p_result_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_node_results"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_node_results";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "pause_workflow_schedule": {
        Args: { "p_note"?: string; "p_schedule_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_schedules"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_schedules";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "preview_workflow_schedule": {
        Args: { "p_count"?: number; "p_schedule_id": string };
        Returns: {
          "fire_at": string;
          "local_time": string;
          "timezone": string;
        }[];
      };
      "process_event_deliveries": { Args: { "p_limit"?: number }; Returns: number };
      "publish_lens_version": { Args: { "p_version_id": string }; Returns: Json };
      "publish_workflow": {
        Args: { "p_workflow_id": string };
        Returns: Database["lenses"]["Tables"]["workflows"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflows";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "receive_channel_events": { Args: { "p_binding_id": string; "p_events": Json }; Returns: Json };
      "record_agent_model_turn": {
        Args: { "p_lease_token": string; "p_llm_call": Json; "p_message": Json; "p_result_id": string };
        Returns: Json;
      };
      "record_agent_tool_result": {
        Args: {
          "p_cost_credits"?: number;
          "p_error"?: string;
          "p_invocation_id": string;
          "p_latency_ms"?: number;
          "p_lease_token": string;
          "p_output"?: Json;
          "p_result_id": string;
          "p_status": Database["agents"]["Enums"]["tool_invocation_status"];
        };
        Returns: Database["agents"]["Tables"]["tool_invocations"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tool_invocations";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "record_guardrail_judgement": {
        Args: { "p_judgement": Json; "p_rule_id": string; "p_verdict": Json };
        Returns: Json;
      };
      "register_http_tool": {
        Args: {
          "p_description": string;
          "p_egress_class"?: Database["agents"]["Enums"]["tool_egress_class"];
          "p_input_schema": Json;
          "p_key": string;
          "p_name": string;
          "p_secret_env": string;
          "p_timeout_ms"?: number;
          "p_url": string;
        };
        Returns: Database["agents"]["Tables"]["tools_registry"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tools_registry";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "reject_team_run": {
        Args: { "p_reason": string; "p_team_run_id": string };
        Returns: Database["agents"]["Tables"]["team_runs"]["Row"];
        SetofOptions: {
          from: "*";
          to: "team_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "release_workflow_task": {
        Args: { "p_lease_token": string; "p_result_id": string };
        Returns: undefined;
      };
      "remove_team_edge": {
        Args: { "p_edge_id": string };
        Returns: Database["agents"]["Tables"]["team_edges"]["Row"];
        SetofOptions: {
          from: "*";
          to: "team_edges";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "remove_team_member": {
        Args: { "p_member_id": string };
        Returns: Database["agents"]["Tables"]["team_members"]["Row"];
        SetofOptions: {
          from: "*";
          to: "team_members";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "remove_workflow_edge": {
        Args: { "p_edge_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_edges"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_edges";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "remove_workflow_node": {
        Args: { "p_node_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_nodes"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_nodes";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "render_lens_version": { Args: { "p_params"?: Json; "p_version_id": string }; Returns: string };
      "report_workflow_task_progress": {
        Args: { "p_delta": string; "p_lease_token": string; "p_result_id": string; "p_ttfb_ms"?: number };
        Returns: undefined;
      };
      "rerun_workflow_run_from": {
        Args: { "p_node_key": string; "p_run_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_runs"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "resolve_contact": {
        Args: { "p_contact_id": string; "p_display_name"?: string };
        Returns: Database["agents"]["Tables"]["contacts"]["Row"];
        SetofOptions: {
          from: "*";
          to: "contacts";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "resume_conversation": {
        Args: { "p_conversation_id": string };
        Returns: Database["agents"]["Tables"]["conversations"]["Row"];
        SetofOptions: {
          from: "*";
          to: "conversations";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "resume_workflow_schedule": {
        Args: { "p_schedule_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_schedules"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_schedules";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "retrieve_agent_memories": {
        Args: {
          "p_embedding": string;
          "p_embedding_model_id": string;
          "p_lease_token": string;
          "p_result_id": string;
        };
        Returns: Json;
      };
      "revoke_ai_lenser_ownership": {
        Args: { "p_ownership_id": string };
        Returns: Database["agents"]["Tables"]["ownerships"]["Row"];
        SetofOptions: {
          from: "*";
          to: "ownerships";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "run_agent_database_tool": {
        Args: {
          "p_embedding"?: string;
          "p_invocation_id": string;
          "p_lease_token": string;
          "p_result_id": string;
        };
        Returns: Database["agents"]["Tables"]["tool_invocations"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tool_invocations";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "run_workflow_assignment": {
        Args: { "p_assignment_id": string; "p_deadline_seconds"?: number; "p_input"?: Json };
        Returns: Database["agents"]["Tables"]["team_runs"]["Row"];
        SetofOptions: {
          from: "*";
          to: "team_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "run_workflow_schedule_now": {
        Args: { "p_schedule_id": string };
        Returns: Database["lenses"]["Tables"]["workflow_schedule_fires"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_schedule_fires";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "set_ai_lenser_active": {
        Args: { "p_active": boolean; "p_ai_lenser_id": string; "p_reason"?: string };
        Returns: Database["agents"]["Tables"]["ai_lensers"]["Row"];
        SetofOptions: {
          from: "*";
          to: "ai_lensers";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "set_channel_binding_reply_workflow": {
        Args: { "p_binding_id": string; "p_workflow_id": string };
        Returns: Database["agents"]["Tables"]["channel_bindings"]["Row"];
        SetofOptions: {
          from: "*";
          to: "channel_bindings";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "set_default_memory_profile": {
        Args: { "p_profile_id": string };
        Returns: Database["agents"]["Tables"]["memory_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "memory_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "set_default_model_profile": {
        Args: { "p_profile_id": string };
        Returns: Database["agents"]["Tables"]["model_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "model_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "set_default_personality_profile": {
        Args: { "p_profile_id": string };
        Returns: Database["agents"]["Tables"]["personality_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "personality_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "set_default_tool_profile": {
        Args: { "p_profile_id": string };
        Returns: Database["agents"]["Tables"]["tool_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tool_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "set_team_member_profiles": {
        Args: {
          "p_member_id": string;
          "p_memory_profile_id"?: string;
          "p_model_profile_id"?: string;
          "p_personality_profile_id"?: string;
          "p_tool_profile_id"?: string;
        };
        Returns: Database["agents"]["Tables"]["team_members"]["Row"];
        SetofOptions: {
          from: "*";
          to: "team_members";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "set_version_parameters": { Args: { "p_parameters": Json; "p_version_id": string }; Returns: Json };
      "start_agent_sub_run": {
        Args: { "p_invocation_id": string; "p_lease_token": string; "p_result_id": string };
        Returns: Json;
      };
      "start_agent_tool_call": {
        Args: { "p_invocation_id": string; "p_lease_token": string; "p_result_id": string };
        Returns: Database["agents"]["Tables"]["tool_invocations"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tool_invocations";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "start_workflow_run": {
        Args: {
          "p_deadline_seconds"?: number;
          "p_failure_mode"?: Database["lenses"]["Enums"]["failure_mode"];
          "p_input"?: Json;
          "p_max_retries"?: number;
          "p_workflow_id": string;
        };
        Returns: Database["lenses"]["Tables"]["workflow_runs"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_runs";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "submit_human_input": {
        Args: { "p_node_key": string; "p_run_id": string; "p_value": Json };
        Returns: Database["lenses"]["Tables"]["workflow_node_results"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_node_results";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "unmerge_contacts": {
        Args: { "p_merge_id": string };
        Returns: Database["agents"]["Tables"]["contact_merges"]["Row"];
        SetofOptions: {
          from: "*";
          to: "contact_merges";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_ai_lenser": {
        Args: {
          "p_ai_lenser_id": string;
          "p_display_name"?: string;
          "p_max_tool_iterations"?: number;
          "p_personality_note"?: string;
          "p_runtime_pref"?: Database["agents"]["Enums"]["runtime_pref"];
          "p_visibility"?: Database["lensers"]["Enums"]["profile_visibility"];
        };
        Returns: Database["agents"]["Tables"]["ai_lensers"]["Row"];
        SetofOptions: {
          from: "*";
          to: "ai_lensers";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_budget": {
        Args: {
          "p_amount_credits"?: number;
          "p_budget_id": string;
          "p_enforcement"?: Database["ai"]["Enums"]["budget_enforcement"];
          "p_on_exceed"?: Database["ai"]["Enums"]["budget_on_exceed"];
        };
        Returns: Database["ai"]["Tables"]["budgets"]["Row"];
        SetofOptions: {
          from: "*";
          to: "budgets";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_channel_binding": {
        Args: {
          "p_access_token_env"?: string;
          "p_allowed_origins"?: (string)[];
          "p_app_secret_env"?: string;
          "p_binding_id": string;
          "p_bot_token_env"?: string;
          "p_clear"?: (string)[];
          "p_debounce_ms"?: number;
          "p_fallback_text"?: string;
          "p_loop_guard_max_turns"?: number;
          "p_loop_guard_window_seconds"?: number;
          "p_memory_profile_id"?: string;
          "p_model_profile_id"?: string;
          "p_name"?: string;
          "p_personality_profile_id"?: string;
          "p_signing_secret_env"?: string;
          "p_tool_profile_id"?: string;
          "p_verify_token_env"?: string;
          "p_whatsapp_template"?: Json;
        };
        Returns: Database["agents"]["Tables"]["channel_bindings"]["Row"];
        SetofOptions: {
          from: "*";
          to: "channel_bindings";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_guardrail_rule": {
        Args: {
          "p_action"?: Database["agents"]["Enums"]["guardrail_action"];
          "p_config"?: Json;
          "p_direction"?: Database["agents"]["Enums"]["guardrail_direction"];
          "p_enabled"?: boolean;
          "p_name"?: string;
          "p_rule_id": string;
          "p_severity"?: Database["agents"]["Enums"]["guardrail_severity"];
        };
        Returns: Database["agents"]["Tables"]["guardrail_rules"]["Row"];
        SetofOptions: {
          from: "*";
          to: "guardrail_rules";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_lens": {
        Args: {
          "p_content"?: string;
          "p_description"?: string;
          "p_lens_id": string;
          "p_params"?: Json;
          "p_tags"?: (string)[];
          "p_title"?: string;
          "p_visibility"?: Database["lenses"]["Enums"]["visibility"];
        };
        Returns: Database["lenses"]["Tables"]["lenses"]["Row"];
        SetofOptions: {
          from: "*";
          to: "lenses";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_lens_version": {
        Args: {
          "p_clear_input_contract"?: boolean;
          "p_clear_output_contract"?: boolean;
          "p_input_contract"?: Json;
          "p_instruction_category"?: Database["lenses"]["Enums"]["instruction_category"];
          "p_output_contract"?: Json;
          "p_template_body"?: string;
          "p_version_id": string;
        };
        Returns: Json;
      };
      "update_memory_profile": {
        Args: {
          "p_embedding_model_id"?: string;
          "p_is_default"?: boolean;
          "p_isolation_mode"?: Database["agents"]["Enums"]["memory_isolation_mode"];
          "p_keep_forever"?: boolean;
          "p_name"?: string;
          "p_profile_id": string;
          "p_reset_policy"?: Database["agents"]["Enums"]["memory_reset_policy"];
          "p_retention_days"?: number;
          "p_retrieval_top_k"?: number;
          "p_scope_type"?: Database["agents"]["Enums"]["memory_scope"];
          "p_summary_strategy"?: Database["agents"]["Enums"]["memory_summary_strategy"];
          "p_visibility"?: Database["agents"]["Enums"]["memory_visibility"];
        };
        Returns: Database["agents"]["Tables"]["memory_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "memory_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_model_profile": {
        Args: {
          "p_is_default"?: boolean;
          "p_model_id"?: string;
          "p_name"?: string;
          "p_params"?: Json;
          "p_profile_id": string;
        };
        Returns: Database["agents"]["Tables"]["model_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "model_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_my_profile": {
        Args: {
          "p_avatar_url"?: string;
          "p_banner_url"?: string;
          "p_display_name"?: string;
          "p_handle"?: string;
          "p_visibility"?: Database["lensers"]["Enums"]["profile_visibility"];
        };
        Returns: Database["lensers"]["Tables"]["profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_personality_profile": {
        Args: {
          "p_autonomy_level"?: Database["agents"]["Enums"]["autonomy_level"];
          "p_clear_system_prompt_patch"?: boolean;
          "p_communication_style"?: Database["agents"]["Enums"]["communication_style"];
          "p_decision_style"?: Database["agents"]["Enums"]["decision_style"];
          "p_escalation_behavior"?: Database["agents"]["Enums"]["escalation_behavior"];
          "p_expertise_level"?: Database["agents"]["Enums"]["expertise_level"];
          "p_is_default"?: boolean;
          "p_name"?: string;
          "p_profile_id": string;
          "p_risk_tolerance"?: Database["agents"]["Enums"]["risk_tolerance"];
          "p_system_prompt_patch"?: string;
          "p_tone"?: Database["agents"]["Enums"]["personality_tone"];
        };
        Returns: Database["agents"]["Tables"]["personality_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "personality_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_team": {
        Args: {
          "p_clear_description"?: boolean;
          "p_description"?: string;
          "p_name"?: string;
          "p_scratchpad"?: Json;
          "p_status"?: Database["agents"]["Enums"]["team_status"];
          "p_team_id": string;
        };
        Returns: Database["agents"]["Tables"]["teams"]["Row"];
        SetofOptions: {
          from: "*";
          to: "teams";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_team_member": {
        Args: {
          "p_capabilities"?: (Database["lenses"]["Enums"]["instruction_category"])[];
          "p_clear_responsibility"?: boolean;
          "p_lane"?: number;
          "p_member_id": string;
          "p_responsibility"?: string;
          "p_role"?: Database["agents"]["Enums"]["team_member_role"];
        };
        Returns: Database["agents"]["Tables"]["team_members"]["Row"];
        SetofOptions: {
          from: "*";
          to: "team_members";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_tool_profile": {
        Args: {
          "p_allow_tools"?: (string)[];
          "p_deny_tools"?: (string)[];
          "p_http_allow_hosts"?: (string)[];
          "p_http_allow_private_network"?: boolean;
          "p_is_default"?: boolean;
          "p_name"?: string;
          "p_profile_id": string;
          "p_provider_overrides"?: Json;
          "p_requires_approval"?: boolean;
          "p_tool_groups"?: (string)[];
        };
        Returns: Database["agents"]["Tables"]["tool_profiles"]["Row"];
        SetofOptions: {
          from: "*";
          to: "tool_profiles";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_workflow": {
        Args: {
          "p_description"?: string;
          "p_tags"?: (string)[];
          "p_title"?: string;
          "p_visibility"?: Database["lenses"]["Enums"]["visibility"];
          "p_workflow_id": string;
        };
        Returns: Database["lenses"]["Tables"]["workflows"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflows";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_workflow_assignment": {
        Args: {
          "p_approval_policy"?: Json;
          "p_assignment_id": string;
          "p_failure_policy"?: Json;
          "p_node_bindings"?: Json;
          "p_output_destination"?: Json;
          "p_queue_policy"?: Json;
          "p_retry_policy"?: Json;
          "p_status"?: Database["agents"]["Enums"]["assignment_status"];
        };
        Returns: Database["agents"]["Tables"]["workflow_assignments"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_assignments";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_workflow_edge": {
        Args: {
          "p_condition"?: string;
          "p_edge_id": string;
          "p_merge_strategy"?: Database["lenses"]["Enums"]["merge_strategy"];
          "p_source_output_path"?: string;
          "p_target_input_path"?: string;
        };
        Returns: Database["lenses"]["Tables"]["workflow_edges"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_edges";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_workflow_node": {
        Args: {
          "p_config"?: Json;
          "p_inline_override"?: Json;
          "p_key"?: string;
          "p_lens_version_id"?: string;
          "p_node_id": string;
          "p_title"?: string;
        };
        Returns: Database["lenses"]["Tables"]["workflow_nodes"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_nodes";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "update_workflow_schedule": {
        Args: {
          "p_approval_policy"?: Json;
          "p_catch_up_window_seconds"?: number;
          "p_cron_expression"?: string;
          "p_dst_gap"?: Database["lenses"]["Enums"]["schedule_dst_gap"];
          "p_dst_overlap"?: Database["lenses"]["Enums"]["schedule_dst_overlap"];
          "p_end_at"?: string;
          "p_failure_policy"?: Json;
          "p_input"?: Json;
          "p_max_fires"?: number;
          "p_name"?: string;
          "p_queue_policy"?: Json;
          "p_retry_policy"?: Json;
          "p_schedule_id": string;
          "p_start_at"?: string;
          "p_timezone"?: string;
        };
        Returns: Database["lenses"]["Tables"]["workflow_schedules"]["Row"];
        SetofOptions: {
          from: "*";
          to: "workflow_schedules";
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      "validate_workflow": { Args: { "p_workflow_id": string }; Returns: Json };
    };
    Enums: {
      [_ in never]: never;
    };
    CompositeTypes: {
      [_ in never]: never;
    };
  };
};

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">;

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">];

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  } ? keyof (
      & DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
      & DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"]
    )
    : never = never,
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals } ? (
    & DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    & DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"]
  )[TableName] extends {
    Row: infer R;
  } ? R
  : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
      Row: infer R;
    } ? R
    : never
  : never;

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  } ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
    Insert: infer I;
  } ? I
  : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Insert: infer I;
    } ? I
    : never
  : never;

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  } ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
    Update: infer U;
  } ? U
  : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Update: infer U;
    } ? U
    : never
  : never;

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  } ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
  : never;

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  } ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never,
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
  : never;

export const Constants = {
  "agents": {
    Enums: {
      "agent_run_step_kind": ["perform", "review"],
      "agent_run_step_status": ["queued", "running", "completed", "failed", "blocked", "skipped"],
      "approval_request_kind": ["team_run", "tool_invocation"],
      "approval_status": ["pending", "approved", "rejected", "not_required"],
      "assignee_kind": ["agent", "team"],
      "assignment_status": ["active", "disabled"],
      "autonomy_level": ["manual", "supervised", "semi_autonomous", "autonomous"],
      "binding_status": ["active", "archived"],
      "channel": ["whatsapp", "slack", "web"],
      "communication_style": ["concise", "detailed", "structured", "conversational"],
      "config_tier": ["binding", "personality_profile", "memory_profile", "tool_profile", "model_profile"],
      "conversation_state": ["active", "paused", "closed"],
      "conversation_turn_status": ["queued", "running", "done", "failed", "cancelled", "paused"],
      "decision_style": ["cautious", "balanced", "decisive", "consensus"],
      "delivery_state": ["pending", "processing", "processed", "failed"],
      "escalation_behavior": ["never", "on_uncertainty", "on_risk", "always"],
      "event_handler_kind": ["sql", "worker"],
      "event_module": ["lenses", "agents", "channels", "contacts", "guardrails", "budgets"],
      "event_subject_kind": [
        "workflow_run",
        "team_run",
        "message",
        "conversation",
        "contact",
        "guardrail_violation",
        "event_delivery",
      ],
      "expertise_level": ["novice", "intermediate", "expert", "specialist"],
      "guardrail_action": ["block", "rewrite", "log"],
      "guardrail_direction": ["input", "output", "both"],
      "guardrail_judgement_status": ["pending", "judged"],
      "guardrail_kind": ["blocked_terms", "regex", "max_length", "pii", "model_judge"],
      "guardrail_pii_kind": ["email", "phone", "credit_card", "iban"],
      "guardrail_severity": ["low", "medium", "high", "critical"],
      "guardrail_tier": ["agent", "team", "binding"],
      "memory_isolation_mode": ["isolated", "team_shared"],
      "memory_reset_policy": ["never", "per_run", "per_conversation", "daily", "weekly"],
      "memory_scope": ["agent", "team", "workflow", "run", "conversation", "contact"],
      "memory_source": ["manual", "conversation", "tool", "workflow", "reflection", "import"],
      "memory_summary_strategy": ["none", "rolling", "periodic", "on_threshold"],
      "memory_visibility": ["owners", "operators"],
      "message_direction": ["inbound", "outbound"],
      "message_status": ["queued", "sent", "delivered", "read", "failed"],
      "ownership_permission": ["run", "edit", "publish", "manage_tools", "manage_memory", "view_runs"],
      "ownership_role": ["owner", "co_owner", "operator"],
      "personality_tone": ["neutral", "friendly", "formal", "playful", "direct", "empathetic"],
      "policy_decision": ["allow", "deny", "require_approval"],
      "policy_rule": [
        "tool_profile_allows",
        "tool_profile_denies",
        "not_in_tool_profile",
        "unknown_tool",
        "tool_disabled",
        "approval_required",
        "iteration_limit",
        "invalid_arguments",
      ],
      "risk_tolerance": ["low", "medium", "high"],
      "runtime_pref": ["cloud", "local", "hybrid"],
      "send_mode": ["text", "template", "stream"],
      "step_member_source": ["assignee", "binding", "capability", "lead", "handoff", "delegate", "reviewer"],
      "team_edge_type": ["delegates", "reviews", "reports_to", "shares_context", "handoff"],
      "team_member_role": ["lead", "member", "reviewer", "observer"],
      "team_run_queue_state": ["waiting", "admitted", "skipped"],
      "team_run_status": ["queued", "running", "completed", "failed", "cancelled", "blocked"],
      "team_status": ["active", "paused", "archived"],
      "tool_egress_class": ["none", "internal", "external_read", "external_write"],
      "tool_invocation_status": [
        "requested",
        "awaiting_approval",
        "approved",
        "rejected",
        "running",
        "succeeded",
        "failed",
      ],
    },
  },
  "ai": {
    Enums: {
      "budget_enforcement": ["hard", "soft"],
      "budget_on_exceed": ["wait", "fail"],
      "budget_period": ["day", "week", "month", "none"],
      "budget_reservation_status": ["held", "settled", "released"],
      "budget_scope": ["ai_lenser", "workflow", "lenser"],
      "llm_call_status": ["succeeded", "failed"],
      "modality": ["text", "image", "audio", "video", "pdf", "embedding"],
      "model_capability": [
        "chat",
        "reasoning",
        "tool_use",
        "json_output",
        "vision",
        "embedding",
        "long_context",
        "code",
        "streaming",
        "prompt_caching",
      ],
      "model_status": ["active", "preview", "deprecated", "retired"],
      "provider_adapter": ["local", "openai_compatible", "anthropic", "google"],
      "support_level": ["runnable", "byok_only", "catalog_only", "deprecated"],
    },
  },
  "lensers": {
    Enums: {
      "lenser_type": ["human", "ai"],
      "profile_status": ["active", "suspended", "deactivated", "pending_deletion", "deleted"],
      "profile_visibility": ["public", "private", "unlisted"],
    },
  },
  "lenses": {
    Enums: {
      "artifact_kind": [
        "text",
        "markdown",
        "json",
        "summary",
        "plan",
        "report",
        "code",
        "classification",
        "extraction",
        "message",
      ],
      "contract_field_type": ["string", "number", "integer", "boolean", "object", "array"],
      "contract_kind": ["text", "json"],
      "failure_mode": ["isolate", "stop_run"],
      "instruction_category": [
        "instruction",
        "research",
        "planning",
        "generation",
        "validation",
        "routing",
        "memory",
        "export",
      ],
      "lens_status": ["draft", "published", "archived"],
      "merge_strategy": ["last_write_wins", "concat", "array", "json_object"],
      "node_result_status": [
        "pending",
        "awaiting_dependency",
        "queued",
        "running",
        "streaming",
        "retrying",
        "completed",
        "failed",
        "cancelled",
        "skipped",
        "timed_out",
        "blocked",
        "invalidated",
      ],
      "param_type": [
        "text",
        "textarea",
        "json",
        "number",
        "integer",
        "float",
        "decimal",
        "boolean",
        "select",
        "url",
        "date",
        "datetime",
        "file",
      ],
      "run_event_type": [
        "run_queued",
        "run_started",
        "run_streaming",
        "run_completed",
        "run_failed",
        "run_cancelled",
        "run_timed_out",
        "run_recovered",
        "node_queued",
        "node_started",
        "node_streaming",
        "node_delta",
        "node_completed",
        "node_failed",
        "node_retrying",
        "node_skipped",
        "node_cancelled",
        "node_timed_out",
        "node_invalidated",
        "node_released",
        "lease_expired",
        "human_input_requested",
        "human_input_received",
        "step_queued",
        "step_started",
        "step_completed",
        "step_failed",
        "step_blocked",
        "step_skipped",
        "approval_requested",
        "approval_granted",
        "approval_rejected",
        "message",
        "tool_invoked",
        "tool_completed",
        "budget_exceeded",
        "budget_threshold_reached",
        "message_received",
        "message_sent",
        "message_status_changed",
        "contact_created",
        "contacts_merged",
        "contacts_unmerged",
        "guardrail_violated",
        "output_delivered",
        "output_delivery_failed",
      ],
      "schedule_dst_gap": ["fire_after_gap", "skip"],
      "schedule_dst_overlap": ["first", "second"],
      "schedule_fire_outcome": ["started", "waiting", "skipped"],
      "schedule_run_result": ["completed", "failed", "cancelled", "timed_out"],
      "schedule_skip_reason": [
        "paused",
        "overlap",
        "outside_catch_up_window",
        "ended",
        "limit_reached",
        "approval_pending",
        "workflow_unpublished",
        "assignment_disabled",
        "start_failed",
      ],
      "task_error_kind": [
        "rate_limit",
        "client",
        "server",
        "timeout",
        "network",
        "cancelled",
        "contract_violation",
        "lease_expired",
        "render",
        "budget_exceeded",
      ],
      "tool_category": ["input", "media", "execution", "battle", "system"],
      "visibility": ["public", "private", "unlisted"],
      "waiting_reason": [
        "dependency",
        "condition_false",
        "rate_limit",
        "retry_backoff",
        "human_input",
        "external_callback",
        "queued",
        "budget",
      ],
      "workflow_node_kind": ["lens", "human_input"],
      "workflow_run_status": [
        "draft",
        "validated",
        "queued",
        "pending",
        "running",
        "streaming",
        "recovered",
        "completed",
        "failed",
        "cancelled",
        "timed_out",
      ],
      "workflow_status": ["draft", "published", "archived"],
    },
  },
  "public": {
    Enums: {},
  },
} as const;
