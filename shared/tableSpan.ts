// How far a table cell may span, for every place that writes article tables (the reading pane's
// sanitizer and the export): one rule.

/**
 * The largest colspan/rowspan kept. A table cell may span 1,000 columns and 65,534 rows, and each
 * such cell costs Chromium's table layout its whole grid: 8,000 of them (16,000 elements, 230 KB,
 * well inside the element budget) took 6.7 s to lay out, against 0.3 s with spans of 100. No news
 * table spans more than a few dozen.
 */
export const MAX_TABLE_SPAN = 100;

/**
 * A colspan/rowspan value held to 1..MAX_TABLE_SPAN. rowspan=0 ("to the end of the row group") costs
 * like a huge span (8,000 of them: 1.3 s) and becomes MAX_TABLE_SPAN, which a browser clips to the
 * group's end just the same; text that is not a number is left to the browser (it reads it as 1).
 */
export function clampSpan(value: string, attribute: 'colspan' | 'rowspan'): string {
  const n = Number.parseInt(value.trim(), 10);
  if (!Number.isFinite(n)) return value;
  if (n > MAX_TABLE_SPAN) return String(MAX_TABLE_SPAN);
  if (n < 1) return attribute === 'rowspan' ? String(MAX_TABLE_SPAN) : '1';
  return value;
}
