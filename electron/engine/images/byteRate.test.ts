import { describe, expect, it } from 'vitest';
import { ByteRate } from './byteRate';

function fakeClock() {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

describe('ByteRate', () => {
  it('keeps the bytes paid within the rate over time, also for payers in parallel', async () => {
    const clock = fakeClock();
    const rate = new ByteRate(100_000, clock); // 100 KB/s
    // Three slots paying 50 KB each at the same instant: the last waits until 150 KB fit, 1.5 s.
    expect([rate.book(50_000), rate.book(50_000), rate.book(50_000)]).toEqual([500, 1000, 1500]);
    // After an idle stretch the debt is gone: no burst credit is saved up beyond "now".
    clock.t = 10_000;
    expect(rate.book(10_000)).toBe(100);
    let paid = 0;
    const start = clock.t;
    for (let i = 0; i < 40; i++) {
      await rate.pay(25_000);
      paid += 25_000;
    }
    expect(paid / ((clock.t - start) / 1000)).toBeLessThanOrEqual(100_000);
  });

  it('does not wait without a limit, and a new limit applies at once', () => {
    const rate = new ByteRate(0, fakeClock());
    expect(rate.book(50_000_000)).toBe(0);
    rate.set(1000);
    expect(rate.book(500)).toBe(500);
    rate.set(0);
    expect(rate.book(500)).toBe(0);
  });
});
