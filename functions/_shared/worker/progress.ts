// Streamed text, batched for the engine: every delta event is one transaction, so chunks are
// gathered and reported at most every `intervalMs` or once `maxBytes` have piled up. A long answer
// becomes a few dozen delta events, not thousands. The first report carries the time to first
// token. Reports go out one at a time, in order. A call that ends before anything was reported
// reports nothing (its answer arrives with the completion); once a report went out, the rest is
// flushed before the completion so that the deltas add up to the whole text.

export interface DeltaSink {
  (delta: string, ttfbMs: number | null): Promise<void>;
}

export interface DeltaBatcherOptions {
  intervalMs: number;
  maxBytes: number;
  /** When the call started (performance.now()), for the time to first token. */
  startedAt: number;
  send: DeltaSink;
  /** Called once when a report fails; later reports are dropped. */
  onError: (err: unknown) => void;
}

const encoder = new TextEncoder();

export class DeltaBatcher {
  private buffer: string[] = [];
  private bufferedBytes = 0;
  private firstTokenAt: number | null = null;
  private reported = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private failed = false;
  private closed = false;

  constructor(private readonly options: DeltaBatcherOptions) {}

  /** Reports sent so far. */
  get reports(): number {
    return this.reported;
  }

  /** Time to first token in ms, or null when no text came. */
  get ttftMs(): number | null {
    return this.firstTokenAt === null ? null : Math.round(this.firstTokenAt - this.options.startedAt);
  }

  /** Takes one streamed chunk; waits only when a size-triggered report is due (back-pressure). */
  push = async (text: string): Promise<void> => {
    if (this.closed || text === "") return;
    if (this.firstTokenAt === null) this.firstTokenAt = performance.now();
    this.buffer.push(text);
    this.bufferedBytes += encoder.encode(text).length;
    if (this.bufferedBytes >= this.options.maxBytes) {
      await this.flush();
    } else if (this.timer === undefined) {
      const sinceStart = performance.now() - this.options.startedAt;
      const wait = Math.max(0, this.options.intervalMs - (this.reported === 0 ? sinceStart : 0));
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, wait);
    }
  };

  /** Queues whatever is buffered as one report and waits for every report so far. */
  flush(): Promise<void> {
    this.clearTimer();
    if (this.buffer.length > 0 && !this.failed && !this.closed) {
      const delta = this.buffer.join("");
      this.buffer = [];
      this.bufferedBytes = 0;
      const ttfb = this.reported === 0 ? this.ttftMs : null;
      this.reported++;
      this.chain = this.chain.then(async () => {
        if (this.failed) return;
        try {
          await this.options.send(delta, ttfb);
        } catch (err) {
          this.failed = true;
          this.options.onError(err);
        }
      });
    }
    return this.chain;
  }

  /**
   * The call succeeded: when streaming was reported, the rest goes out too; when nothing was, the
   * buffer is dropped (the completion carries the text). Resolves once every report is done.
   */
  async finish(): Promise<void> {
    if (this.reported > 0) await this.flush();
    this.close();
    await this.chain;
  }

  /** The call ended otherwise: nothing more is reported. Resolves once reports in flight are done. */
  async abandon(): Promise<void> {
    this.close();
    await this.chain;
  }

  private close() {
    this.closed = true;
    this.clearTimer();
    this.buffer = [];
    this.bufferedBytes = 0;
  }

  private clearTimer() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
