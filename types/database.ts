export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
  "agents": {
    Tables: {
      "ai_lensers": {
        Row: {
          "created_at": string;
          "id": string;
          "is_active": boolean;
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
          "personality_note"?: string | null;
          "profile_id"?: string;
          "runtime_pref"?: Database["agents"]["Enums"]["runtime_pref"];
          "suspended_at"?: string | null;
          "suspended_reason"?: string | null;
          "updated_at"?: string;
        };
        Relationships: [];
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
    };
    Views: {
      [_ in never]: never;
    };
    Functions: {
      "can_manage_ai_lenser": { Args: { "p_ai_lenser_id": string }; Returns: boolean };
      "can_operate_ai_lenser": { Args: { "p_ai_lenser_id": string }; Returns: boolean };
    };
    Enums: {
      "ownership_permission": "run" | "edit" | "publish" | "manage_tools" | "manage_memory" | "view_runs";
      "ownership_role": "owner" | "co_owner" | "operator";
      "runtime_pref": "cloud" | "local" | "hybrid";
    };
    CompositeTypes: {
      [_ in never]: never;
    };
  };
  "ai": {
    Tables: {
      "models": {
        Row: {
          "cached_input_price_per_mtok": number;
          "capability_tags": (Database["ai"]["Enums"]["model_capability"])[];
          "context_window": number;
          "created_at": string;
          "description": string | null;
          "display_name": string;
          "id": string;
          "input_modalities": (Database["ai"]["Enums"]["modality"])[];
          "input_price_per_mtok": number;
          "is_default": boolean;
          "max_output_tokens": number | null;
          "metadata": NonNullable<Json>;
          "model_key": string;
          "output_modalities": (Database["ai"]["Enums"]["modality"])[];
          "output_price_per_mtok": number;
          "provider_id": string;
          "status": Database["ai"]["Enums"]["model_status"];
          "summary": string;
          "support_level": Database["ai"]["Enums"]["support_level"];
          "updated_at": string;
          "use_cases": (string)[];
        };
        ComputedFields: never;
        Insert: {
          "cached_input_price_per_mtok"?: number;
          "capability_tags"?: (Database["ai"]["Enums"]["model_capability"])[];
          "context_window": number;
          "created_at"?: string;
          "description"?: string | null;
          "display_name": string;
          "id"?: string;
          "input_modalities"?: (Database["ai"]["Enums"]["modality"])[];
          "input_price_per_mtok"?: number;
          "is_default"?: boolean;
          "max_output_tokens"?: number | null;
          "metadata"?: NonNullable<Json>;
          "model_key": string;
          "output_modalities"?: (Database["ai"]["Enums"]["modality"])[];
          "output_price_per_mtok"?: number;
          "provider_id": string;
          "status"?: Database["ai"]["Enums"]["model_status"];
          "summary": string;
          "support_level": Database["ai"]["Enums"]["support_level"];
          "updated_at"?: string;
          "use_cases"?: (string)[];
        };
        Update: {
          "cached_input_price_per_mtok"?: number;
          "capability_tags"?: (Database["ai"]["Enums"]["model_capability"])[];
          "context_window"?: number;
          "created_at"?: string;
          "description"?: string | null;
          "display_name"?: string;
          "id"?: string;
          "input_modalities"?: (Database["ai"]["Enums"]["modality"])[];
          "input_price_per_mtok"?: number;
          "is_default"?: boolean;
          "max_output_tokens"?: number | null;
          "metadata"?: NonNullable<Json>;
          "model_key"?: string;
          "output_modalities"?: (Database["ai"]["Enums"]["modality"])[];
          "output_price_per_mtok"?: number;
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
      [_ in never]: never;
    };
    Enums: {
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
      "fn_draft_workflow": {
        Args: { "p_rpc": string; "p_workflow_id": string };
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
      "fn_inline_override_errors": { Args: { "p_override": Json }; Returns: (string)[] };
      "fn_inline_parameter_defs": { Args: { "p_override": Json }; Returns: Json };
      "fn_jsonb_numeric": { Args: { "p_value": Json }; Returns: number };
      "fn_lens_params_errors": { Args: { "p_params": Json }; Returns: (string)[] };
      "fn_node_config_errors": {
        Args: { "p_config": Json; "p_kind": Database["lenses"]["Enums"]["workflow_node_kind"] };
        Returns: (string)[];
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
      "fn_tags_valid": { Args: { "p_tags": (string)[] }; Returns: boolean };
      "fn_template_binding_errors": {
        Args: { "p_parameters": Json; "p_template": string };
        Returns: (string)[];
      };
      "fn_template_labels": { Args: { "p_template": string }; Returns: (string)[] };
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
      "tool_category": "input" | "media" | "execution" | "battle" | "system";
      "visibility": "public" | "private" | "unlisted";
      "workflow_node_kind": "lens" | "human_input";
      "workflow_status": "draft" | "published" | "archived";
    };
    CompositeTypes: {
      [_ in never]: never;
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
      "get_lens": { Args: { "p_lens_id": string }; Returns: Json };
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
      "get_workflow": { Args: { "p_workflow_id": string }; Returns: Json };
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
      "set_version_parameters": { Args: { "p_parameters": Json; "p_version_id": string }; Returns: Json };
      "update_ai_lenser": {
        Args: {
          "p_ai_lenser_id": string;
          "p_display_name"?: string;
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
      "ownership_permission": ["run", "edit", "publish", "manage_tools", "manage_memory", "view_runs"],
      "ownership_role": ["owner", "co_owner", "operator"],
      "runtime_pref": ["cloud", "local", "hybrid"],
    },
  },
  "ai": {
    Enums: {
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
      "tool_category": ["input", "media", "execution", "battle", "system"],
      "visibility": ["public", "private", "unlisted"],
      "workflow_node_kind": ["lens", "human_input"],
      "workflow_status": ["draft", "published", "archived"],
    },
  },
  "public": {
    Enums: {},
  },
} as const;
