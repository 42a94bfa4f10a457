import { describe, expect, it } from 'vitest';
import { FetchQueue, QueueFullError } from './FetchQueue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('FetchQueue', () => {
  it('runs at most `parallelism` tasks, foreground before background', async () => {
    const queue = new FetchQueue(1, 10);
    const order: string[] = [];
    const gate = deferred();
    const first = queue.run(async () => {
      order.push('first');
      await gate.promise;
    });
    const bg = queue.run(async () => void order.push('background'), { background: true });
    const fg = queue.run(async () => void order.push('foreground'));
    expect(queue.active).toBe(1);
    expect(queue.queued).toBe(2);
    gate.resolve();
    await Promise.all([first, bg, fg]);
    expect(order).toEqual(['first', 'foreground', 'background']);
  });

  it('leaves one slot free for the article on screen while background work waits', async () => {
    const queue = new FetchQueue(4, 100);
    const gate = deferred();
    const background = Array.from({ length: 10 }, () => queue.run(() => gate.promise, { background: true }));
    expect(queue.active).toBe(3);
    expect(queue.foregroundBusy).toBe(false);
    let shown = false;
    const reading = queue.run(async () => {
      shown = true;
    });
    expect(shown).toBe(true); // started at once, not behind ten prefetches
    await reading;
    gate.resolve();
    await Promise.all(background);
    expect(queue.active).toBe(0);
  });

  it('refuses work past its queue bound', async () => {
    const queue = new FetchQueue(1, 1);
    const gate = deferred();
    const running = queue.run(() => gate.promise);
    const waiting = queue.run(async () => 'ok');
    await expect(queue.run(async () => 'no')).rejects.toBeInstanceOf(QueueFullError);
    gate.resolve();
    await running;
    expect(await waiting).toBe('ok');
  });
});
