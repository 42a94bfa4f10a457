import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIST_CHANGED_INTERVAL_MS, ListVersion } from './ListVersion';

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('ListVersion', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends one event at the end of the task that changed the list, with the newest version', async () => {
    const sent: number[] = [];
    const version = new ListVersion((v) => sent.push(v));
    version.bump();
    version.bump();
    version.bump();
    expect(sent).toEqual([]);
    await tick();
    expect(sent).toEqual([3]);
    expect(version.value).toBe(3);
  });

  it('sends at most one event per interval while a burst runs, and the last version after it', async () => {
    const sent: [number, number][] = [];
    const start = Date.now();
    const version = new ListVersion((v) => sent.push([v, Date.now() - start]));
    // A scan: a batch every 10 ms for a second.
    for (let t = 0; t < 1000; t += 10) {
      version.bump();
      await tick();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(LIST_CHANGED_INTERVAL_MS);
    await tick();
    const times = sent.map(([, at]) => at);
    for (let i = 1; i < times.length; i++) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(LIST_CHANGED_INTERVAL_MS);
    }
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.length).toBeLessThanOrEqual(5);
    expect(sent[0]).toEqual([1, 0]);
    expect(sent[sent.length - 1]![0]).toBe(100);
    // Quiet again: the next change is sent at once.
    vi.advanceTimersByTime(1000);
    version.bump();
    await tick();
    expect(sent[sent.length - 1]).toEqual([101, expect.any(Number)]);
  });

  it('sends nothing after close, and nothing when no change came since the last event', async () => {
    const sent: number[] = [];
    const version = new ListVersion((v) => sent.push(v));
    version.bump();
    await tick();
    version.bump();
    version.close();
    vi.advanceTimersByTime(1000);
    await tick();
    expect(sent).toEqual([1]);
  });
});
