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
      [_ in never]: never;
    };
    Functions: {
      [_ in never]: never;
    };
    Enums: {
      "visibility": "public" | "private" | "unlisted";
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
      "visibility": ["public", "private", "unlisted"],
      "workflow_status": ["draft", "published", "archived"],
    },
  },
  "public": {
    Enums: {},
  },
} as const;
