// A bandwidth limit for background fetches (the library prefetch): each fetched picture "pays" for
// its bytes, and the payer waits until the bytes fit the rate. Paid after the download, inside the
// fetch slot, so the next background fetch starts no sooner than the rate allows; over any stretch
// of time the bytes fetched stay within rate × time plus the pictures already in flight.
// Clock and sleep are passed in, so the rule is tested without waiting.

interface ByteRateClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: ByteRateClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class ByteRate {
  /** When the bytes paid so far are all "sent" at the rate (ms on the clock). */
  private clear = 0;

  constructor(
    private bytesPerSecond: number,
    private readonly clock: ByteRateClock = realClock,
  ) {}

  /** 0 lifts the limit. */
  set(bytesPerSecond: number): void {
    this.bytesPerSecond = bytesPerSecond;
    this.clear = 0;
  }

  /** How long a payment of `bytes` made now waits (and books it). */
  book(bytes: number): number {
    if (this.bytesPerSecond <= 0) return 0;
    const now = this.clock.now();
    this.clear = Math.max(now, this.clear) + (bytes / this.bytesPerSecond) * 1000;
    return this.clear - now;
  }

  async pay(bytes: number): Promise<void> {
    const wait = this.book(bytes);
    if (wait > 0) await this.clock.sleep(wait);
  }
}
