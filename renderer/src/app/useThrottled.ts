import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `intervalMs` (0 = immediately). While a big folder is
 * scanned the article list changes every frame; the O(n) work derived from it (facets, grouping)
 * runs a few times a second instead.
 */
export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastUpdate = useRef(0);
  useEffect(() => {
    if (intervalMs <= 0) {
      lastUpdate.current = Date.now();
      setShown(value);
      return;
    }
    const wait = Math.max(0, lastUpdate.current + intervalMs - Date.now());
    const timer = setTimeout(() => {
      lastUpdate.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs]);
  return intervalMs <= 0 ? value : shown;
}
