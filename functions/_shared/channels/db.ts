// The channel functions' one boundary with the database: the service_role RPCs of the channels core
// (README "Channels"), called through PostgREST with the service key. Handlers take a ChannelDb, so
// their tests can give them a recorder instead (tests/functions/channel_handlers_test.ts).
//
//   get_channel_binding_route(p_channel, p_routing_key)   the binding and the NAMES of its secret env vars
//   receive_channel_events(p_binding_id, p_events)          stores messages and statuses, exactly once
//   get_web_chat_messages(p_binding_id, p_external_id, p_after_seq, p_limit)
import { createClient } from "@supabase/supabase-js";
import { z } from "zod";
import {
  ChannelBindingRoute,
  type ChannelInboundEvent,
  ReceiveChannelEventsResult,
  WebChatMessageRow,
} from "../../../types/channel-events.ts";

export type ChannelName = "whatsapp" | "slack" | "web";

export interface ChannelDb {
  /** The binding of this routing key, or null when there is none (PT404). */
  route(channel: ChannelName, routingKey: string): Promise<ChannelBindingRoute | null>;
  receive(bindingId: string, events: ChannelInboundEvent[]): Promise<ReceiveChannelEventsResult>;
  webChatMessages(bindingId: string, externalId: string, afterSeq: number, limit: number): Promise<WebChatMessageRow[]>;
}

/** A refusal or failure of an RPC: `code` is the SQLSTATE (or PostgREST's PGRST code). */
export class ChannelDbError extends Error {
  constructor(readonly code: string | undefined, message: string) {
    super(message);
  }

  /** The HTTP status a webhook answers for it: the RPC's own refusals keep theirs, the rest is 503 (retry). */
  get status(): number {
    switch (this.code) {
      case "PT404":
        return 404;
      case "PT409":
        return 409;
      case "PT413":
        return 413;
      case "22023":
        return 400;
      default:
        return 503;
    }
  }
}

export function supabaseChannelDb(url: string, serviceRoleKey: string): ChannelDb {
  const client = createClient(url, serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  const call = async (fn: string, args: Record<string, unknown>): Promise<unknown> => {
    const { data, error } = await client.rpc(fn, args);
    if (error) throw new ChannelDbError(error.code, `${fn}: ${error.message}`);
    return data;
  };
  return {
    async route(channel, routingKey) {
      try {
        const rows = z.array(ChannelBindingRoute).parse(
          await call("get_channel_binding_route", { p_channel: channel, p_routing_key: routingKey }),
        );
        return rows[0] ?? null;
      } catch (err) {
        if (err instanceof ChannelDbError && err.code === "PT404") return null;
        throw err;
      }
    },
    async receive(bindingId, events) {
      return ReceiveChannelEventsResult.parse(
        await call("receive_channel_events", { p_binding_id: bindingId, p_events: events }),
      );
    },
    async webChatMessages(bindingId, externalId, afterSeq, limit) {
      return z.array(WebChatMessageRow).parse(
        await call("get_web_chat_messages", {
          p_binding_id: bindingId,
          p_external_id: externalId,
          p_after_seq: afterSeq,
          p_limit: limit,
        }),
      );
    },
  };
}
