/**
 * Where the stuck day header sits (its sticky `top`): at the top of the list, until the next day's
 * header reaches it and pushes it up, so two headers never show stacked one under the other.
 */
export function stickyHeaderTop(
  nextHeaderStart: number | undefined,
  scrollOffset: number,
  headerHeight: number,
): number {
  if (nextHeaderStart === undefined) return 0;
  return Math.min(0, nextHeaderStart - scrollOffset - headerHeight);
}
