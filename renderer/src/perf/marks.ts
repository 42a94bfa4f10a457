// User Timing marks at the moments the window's performance targets are defined by (data arrived,
// list painted, article painted, search results painted). They cost next to nothing, are visible
// in DevTools' Performance panel, and bench/renderer.ts reads them with a PerformanceObserver.

/** Every mark the app sets. The bench matches on these names: rename both together. */
type PerfMarkName =
  | 'snapshot-received'
  | 'scan-done'
  | 'headlines-painted'
  | 'article-requested'
  | 'article-loaded'
  | 'article-painted'
  | 'search-sent'
  | 'search-received'
  | 'search-painted';

const PERF_MARK_PREFIX = 'broadsheet:';

type PerfDetail = Record<string, string | number | boolean>;

function canMark(): boolean {
  return typeof performance !== 'undefined' && typeof performance.mark === 'function';
}

/**
 * Sets the mark now. The previous mark of the same name is cleared first: a window open for days
 * would otherwise keep every one of them in the timeline buffer (observers still see them all).
 */
export function perfMark(name: PerfMarkName, detail?: PerfDetail): void {
  if (!canMark()) return;
  const full = PERF_MARK_PREFIX + name;
  performance.clearMarks(full);
  performance.mark(full, detail ? { detail } : undefined);
}

/**
 * Sets the mark once the current DOM has been painted: an animation-frame callback runs just
 * before the frame is painted, and a task queued from it runs just after. Call it from a layout
 * effect, when React has committed what the mark is about.
 */
export function perfMarkAfterPaint(name: PerfMarkName, detail?: PerfDetail): void {
  if (!canMark()) return;
  if (typeof requestAnimationFrame !== 'function') {
    perfMark(name, detail);
    return;
  }
  requestAnimationFrame(() => {
    setTimeout(() => perfMark(name, detail), 0);
  });
}
