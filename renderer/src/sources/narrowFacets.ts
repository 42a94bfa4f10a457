// The sidebar's lists, narrowed by what is typed in its filter box and capped: an archive of blogs
// has one source per author, thousands of them, and a list of thousands of rows is neither readable
// nor fast. Matching ignores case and width (ａ = a) and finds the text anywhere in the name.

import type { FacetCount } from '../headlines/listFilter';

/** Rows a list shows at most; the rest are counted and reached by typing. */
const FACETS_SHOWN = 150;

interface NarrowedFacets {
  shown: readonly FacetCount[];
  /** Matches not shown (over the cap). */
  hidden: number;
}

function foldForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The facets whose name contains `text` (all of them for empty text), most used first as given,
 * at most `cap`; a chosen facet beyond the cap is kept in view so the choice never disappears.
 */
export function narrowFacets(
  facets: readonly FacetCount[],
  text: string,
  chosen: string | null,
  cap: number = FACETS_SHOWN,
): NarrowedFacets {
  const needle = foldForMatch(text.trim());
  const shown: FacetCount[] = [];
  let matched = 0;
  let chosenEntry: FacetCount | null = null;
  for (const facet of facets) {
    if (needle && !foldForMatch(facet.value).includes(needle)) continue;
    matched++;
    if (shown.length < cap) shown.push(facet);
    else if (facet.value === chosen) chosenEntry = facet;
  }
  if (chosenEntry) shown.push(chosenEntry);
  return { shown, hidden: matched - shown.length };
}
