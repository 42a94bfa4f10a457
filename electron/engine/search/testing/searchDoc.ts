// The document shape of the search tests, the oracle and the benches: an article's searchable fields
// (dbArticles.ts turns it into what the library database stores).

export interface IndexDoc {
  id: string;
  path?: string;
  title: string;
  text: string;
  author?: string;
  categories: string[];
  /** Publication time, ms since epoch (NaN when unknown: ranks last, fails date filters). */
  dateMs: number;
}
