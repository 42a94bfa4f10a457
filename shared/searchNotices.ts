// The query operators the parser understands and what it says about the rest, in English for the CLI
// (the window has the same sentences in both languages: renderer/src/i18n, keys `notice.*`).

import type { SearchNotice } from './types';

/** `name:value` operators (case-insensitive names). */
export const FIELD_OPERATORS = ['author', 'category', 'source'] as const;
export const DATE_OPERATORS = ['before', 'after'] as const;

export function noticeText(n: SearchNotice): string {
  switch (n.kind) {
    case 'queryCut':
      return `Only the first ${n.limit} characters of the query were used.`;
    case 'tooManyTerms':
      return `Only the first ${n.limit} search terms were used.`;
    case 'unclosedQuote':
      return 'The quote was not closed: the rest of the query was searched as a phrase.';
    case 'badDate':
      return `${n.operator}: takes a date such as 2024-05-31 (or 2024-05, 2024); "${n.value}" was ignored.`;
    case 'unknownOperator':
      return `${n.operator}: is not a search operator (there are author:, category:, source:, before:, after:); it was searched as text.`;
    case 'emptyOperator':
      return `${n.operator}: needs something after it; it was ignored.`;
    case 'negatedOperator':
      return `-${n.operator}: cannot be excluded; it was ignored.`;
    case 'brackets':
      return 'Brackets do not group terms: every term must match, OR joins only its two neighbours.';
    case 'wildcard':
      return '* is not needed: words already match by their beginning, Chinese anywhere.';
    case 'danglingOr':
      return 'OR needs a term on each side; it was ignored.';
    case 'onlyExcluded':
      return 'Nothing to look for: terms with - only exclude. Add a term to search for.';
  }
}
