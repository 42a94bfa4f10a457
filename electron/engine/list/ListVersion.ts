// The list version: one counter bumped by every change of what the headline list shows (articles
// listed, changed or unlisted, stars, read marks), and the 'list-changed' event that tells the
// window to ask again. The event is sent at the end of the task that changed the list, then at most
// once per interval while changes keep coming (a scan lists thousands of articles a second), always
// with the newest version.

/** Least time between two 'list-changed' events while a burst runs. */
export const LIST_CHANGED_INTERVAL_MS = 250;

export interface ListVersionClock {
  now(): number;
  setTimeout(run: () => void, ms: number): { unref?(): unknown };
  clearTimeout(timer: unknown): void;
}

const realClock: ListVersionClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

export class ListVersion {
  private current = 0;
  private sent = 0;
  private sentAt = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;
  private queued = false;
  private closed = false;

  constructor(
    private readonly send: (version: number) => void,
    private readonly clock: ListVersionClock = realClock,
    private readonly interval = LIST_CHANGED_INTERVAL_MS,
  ) {}

  get value(): number {
    return this.current;
  }

  bump(): void {
    this.current++;
    if (this.closed || this.timer !== null || this.queued) return;
    const wait = this.sentAt + this.interval - this.clock.now();
    if (wait <= 0) {
      // At once, but after the change that bumped it is complete (a batch bumps once per article).
      this.queued = true;
      queueMicrotask(() => {
        this.queued = false;
        this.flush();
      });
    } else {
      const timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.flush();
      }, wait);
      timer.unref?.();
      this.timer = timer;
    }
  }

  /** No more events (the library is closing). */
  close(): void {
    this.closed = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private flush(): void {
    if (this.closed || this.current === this.sent) return;
    this.sent = this.current;
    this.sentAt = this.clock.now();
    this.send(this.current);
  }
}
