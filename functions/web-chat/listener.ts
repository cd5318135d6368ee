// LISTEN channel_messages (payload: a conversation id; the channels core notifies after a message is
// inserted or its status changes) on one connection per function process, fanned out to the web
// chat streams. A wake-up only: streams read through get_web_chat_messages. A stream that does not
// know its conversation yet (the visitor has written nothing) is woken by every notification; after
// a reconnection every stream is woken, since notifications sent meanwhile are lost.
import type postgres from "postgres";

export const WEB_CHAT_CHANNEL = "channel_messages";

export interface WakeSource {
  /** Resolves false when LISTEN failed (streams then rely on their poll). */
  ready(): Promise<boolean>;
  /** Calls wake on a notification for this conversation (or on every one, for null). */
  subscribe(conversationId: string | null, wake: () => void): () => void;
}

export class ChannelMessagesListener implements WakeSource {
  private readonly byConversation = new Map<string, Set<() => void>>();
  private readonly unknown = new Set<() => void>();
  private listening: Promise<boolean> | null = null;

  constructor(private readonly sql: postgres.Sql, private readonly onError: (err: unknown) => void = () => {}) {}

  ready(): Promise<boolean> {
    this.listening ??= this.sql
      .listen(WEB_CHAT_CHANNEL, (payload) => this.dispatch(payload.trim()), () => this.wakeAll())
      .then(() => true, (err) => {
        this.onError(err);
        this.listening = null;
        return false;
      });
    return this.listening;
  }

  subscribe(conversationId: string | null, wake: () => void): () => void {
    const set = conversationId === null
      ? this.unknown
      : this.byConversation.get(conversationId) ?? new Set<() => void>();
    if (conversationId !== null) this.byConversation.set(conversationId, set);
    set.add(wake);
    return () => {
      set.delete(wake);
      if (conversationId !== null && set.size === 0) this.byConversation.delete(conversationId);
    };
  }

  dispatch(conversationId: string) {
    for (const wake of this.byConversation.get(conversationId) ?? []) wake();
    for (const wake of this.unknown) wake();
  }

  private wakeAll() {
    for (const set of this.byConversation.values()) for (const wake of set) wake();
    for (const wake of this.unknown) wake();
  }
}
