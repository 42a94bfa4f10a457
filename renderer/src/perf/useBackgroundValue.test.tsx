// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useBackgroundValue } from './useBackgroundValue';

const count = (items: readonly string[]) => items.length;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useBackgroundValue', () => {
  it('shows the initial value first and the derived one after the next paint', async () => {
    const derive = vi.fn(count);
    const { result, rerender } = renderHook(({ items }) => useBackgroundValue(items, derive, -1), {
      initialProps: { items: ['a', 'b'] },
    });
    expect(result.current).toBe(-1);
    expect(derive).not.toHaveBeenCalled();
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(result.current).toBe(2);

    rerender({ items: ['a', 'b', 'c'] });
    expect(result.current).toBe(2);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(result.current).toBe(3);
  });

  it('derives only the newest source when sources change before it runs', async () => {
    const derive = vi.fn(count);
    const { result, rerender } = renderHook(({ items }) => useBackgroundValue(items, derive, -1), {
      initialProps: { items: ['a'] },
    });
    rerender({ items: ['a', 'b'] });
    rerender({ items: ['a', 'b', 'c', 'd'] });
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(derive).toHaveBeenCalledTimes(1);
    expect(result.current).toBe(4);
  });
});
