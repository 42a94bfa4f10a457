// What the engine's query parser said about a query (shared/types.ts SearchNotice), in the UI
// language. The CLI words the same notices in English (shared/searchNotices.ts).

import type { SearchNotice } from '../../../shared/types';
import type { Translate } from '../i18n/i18n';

export function noticeText(n: SearchNotice, t: Translate): string {
  switch (n.kind) {
    case 'queryCut':
      return t('noticeQueryCut', { limit: n.limit });
    case 'tooManyTerms':
      return t('noticeTooManyTerms', { limit: n.limit });
    case 'unclosedQuote':
      return t('noticeUnclosedQuote');
    case 'badDate':
      return t('noticeBadDate', { operator: n.operator, value: n.value });
    case 'unknownOperator':
      return t('noticeUnknownOperator', { operator: n.operator });
    case 'emptyOperator':
      return t('noticeEmptyOperator', { operator: n.operator });
    case 'negatedOperator':
      return t('noticeNegatedOperator', { operator: n.operator });
    case 'brackets':
      return t('noticeBrackets');
    case 'wildcard':
      return t('noticeWildcard');
    case 'danglingOr':
      return t('noticeDanglingOr');
    case 'onlyExcluded':
      return t('noticeOnlyExcluded');
  }
}
