// Bounded parallelism for image fetches: at most `parallelism` run at once, at most `maxQueued`
// wait; past that, new work is refused at once rather than piling up (a hostile article, or a
// library-wide prefetch, must not hold thousands of sockets or promises).

export class QueueFullError extends Error {
  override name = 'QueueFullError';
}

export class FetchQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Background work (prefetching) starts only when no foreground fetch is waiting. */
  private readonly background: (() => void)[] = [];

  /** Background fetches running; they may hold all slots but one, which stays for reading. */
  private backgroundRunning = 0;

  constructor(
    private readonly parallelism: number,
    private readonly maxQueued: number,
  ) {}

  /** Foreground fetches waiting or running (the article on screen). */
  get foregroundBusy(): boolean {
    return this.waiting.length > 0 || this.running > this.backgroundRunning;
  }

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length + this.background.length;
  }

  run<T>(task: () => Promise<T>, options: { background?: boolean } = {}): Promise<T> {
    if (this.queued >= this.maxQueued) {
      return Promise.reject(
        new QueueFullError(`Too many pictures are waiting to be fetched (${this.maxQueued}).`),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const background = options.background === true;
      const start = () => {
        this.running++;
        if (background) this.backgroundRunning++;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            if (background) this.backgroundRunning--;
            this.next();
          });
      };
      (options.background ? this.background : this.waiting).push(start);
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.parallelism) {
      const foreground = this.waiting.shift();
      if (foreground) {
        foreground();
        continue;
      }
      // One slot is always left for the article on screen (when there is more than one).
      if (this.backgroundRunning >= Math.max(1, this.parallelism - 1)) return;
      const start = this.background.shift();
      if (!start) return;
      start();
    }
  }
}
