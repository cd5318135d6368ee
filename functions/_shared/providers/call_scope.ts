// One call in progress: the whole-call deadline and the caller's signal folded into one AbortSignal
// for the SDK, the streamed text with its time to first token, and the final classification of a
// failure as timeout / cancelled before any provider-specific mapping.
import {
  type CompletionRequest,
  type CompletionResult,
  ProviderError,
  type ToolCall,
  type Usage,
} from "./types.ts";

export class CallScope {
  /** Aborted when the caller aborts or the deadline passes; hand it to the SDK. */
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly started = performance.now();
  private readonly chunks: string[] = [];
  private firstTextAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timedOut = false;
  private callbackFailed = false;
  private callbackError: unknown;
  private readonly onCallerAbort = () => this.controller.abort(this.req.signal?.reason);

  private constructor(readonly provider: string, private readonly req: CompletionRequest) {
    this.signal = this.controller.signal;
  }

  /** Starts the clock; throws "cancelled" at once when the caller's signal is already aborted. */
  static start(provider: string, req: CompletionRequest): CallScope {
    const scope = new CallScope(provider, req);
    if (req.signal?.aborted) throw scope.cancelledError();
    req.signal?.addEventListener("abort", scope.onCallerAbort, { once: true });
    if (req.timeoutMs !== undefined) {
      if (!Number.isFinite(req.timeoutMs) || req.timeoutMs <= 0) {
        scope.dispose();
        throw new ProviderError(
          provider,
          "client",
          `timeoutMs must be a positive number, got ${req.timeoutMs}`,
        );
      }
      scope.timer = setTimeout(() => {
        scope.timedOut = true;
        scope.controller.abort(scope.timeoutError());
      }, req.timeoutMs);
    }
    return scope;
  }

  /** Records a streamed chunk and hands it to onDelta; empty chunks are skipped. */
  async emit(text: string): Promise<void> {
    if (text === "") return;
    this.throwIfAborted();
    if (this.firstTextAt === null) this.firstTextAt = performance.now();
    this.chunks.push(text);
    if (!this.req.onDelta) return;
    try {
      await this.req.onDelta(text);
    } catch (err) {
      this.callbackFailed = true;
      this.callbackError = err;
      throw err;
    }
  }

  get text(): string {
    return this.chunks.join("");
  }

  /**
   * Throws timeout / cancelled when the signal fired. The SDKs end a stream quietly when its body is
   * aborted, so every adapter checks this after its read loop too.
   */
  throwIfAborted(): void {
    const err = this.abortError();
    if (err) throw err;
  }

  /** The timeout / cancelled error once the signal fired, else null. */
  abortError(cause?: unknown): ProviderError | null {
    if (!this.signal.aborted) return null;
    return this.timedOut ? this.timeoutError(cause) : this.cancelledError(cause);
  }

  finish(
    fields: { usage: Usage; finishReason: string | null; model: string; toolCalls?: ToolCall[] },
  ): CompletionResult {
    this.throwIfAborted();
    const now = performance.now();
    return {
      text: this.text,
      usage: fields.usage,
      finishReason: fields.finishReason,
      latencyMs: Math.round(now - this.started),
      ttftMs: this.firstTextAt === null ? null : Math.round(this.firstTextAt - this.started),
      model: fields.model,
      toolCalls: fields.toolCalls ?? [],
    };
  }

  /**
   * What to throw for an error raised during the call: an onDelta failure unchanged, a ProviderError
   * as is, timeout / cancelled when the signal fired (whatever the SDK made of the abort), else the
   * adapter's own classification.
   */
  failure(err: unknown, classify: (err: unknown) => ProviderError): unknown {
    if (this.callbackFailed) return this.callbackError;
    if (err instanceof ProviderError) return err;
    return this.abortError(err) ?? classify(err);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.req.signal?.removeEventListener("abort", this.onCallerAbort);
  }

  private timeoutError(cause?: unknown): ProviderError {
    return new ProviderError(this.provider, "timeout", `no complete answer within ${this.req.timeoutMs} ms`, {
      cause,
    });
  }

  private cancelledError(cause?: unknown): ProviderError {
    return new ProviderError(this.provider, "cancelled", "the call was cancelled by its caller", { cause });
  }
}

/** Waits `ms`, ending early with the scope's timeout / cancelled error. */
export function sleepWithin(scope: CallScope, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const early = scope.abortError();
    if (early) return reject(early);
    const onAbort = () => {
      clearTimeout(timer);
      reject(scope.abortError());
    };
    const timer = setTimeout(() => {
      scope.signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    scope.signal.addEventListener("abort", onAbort, { once: true });
  });
}
