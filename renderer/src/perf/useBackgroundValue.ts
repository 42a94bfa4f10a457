import { startTransition, useEffect, useState } from 'react';

/** After the frame that is being prepared has been painted (or soon, where nothing paints). */
function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * `derive(source)` for derived data no one waits for on screen (the filter menu's counts),
 * computed in a task of its own once the commit that brought `source` has been painted, so an
 * O(n) pass over 100,000 articles does not delay the headline list. `initial` until then.
 * `derive` must be stable (a module function or a memoized callback).
 */
export function useBackgroundValue<S, T>(source: S, derive: (source: S) => T, initial: T): T {
  const [value, setValue] = useState(initial);
  useEffect(
    () =>
      afterNextPaint(() => {
        const next = derive(source);
        startTransition(() => setValue(next));
      }),
    [source, derive],
  );
  return value;
}
