// Coming back to where the window was: the saved session (view, filters, search text, open
// article) turned back into the window's state, checking each value, and the other way round.

import { LIST_ORDERS, type ListOrder } from '../../../shared/articleOrder';
import { SEARCH_ORDERS, type SearchOrder, type WindowSession } from '../../../shared/types';
import { type ListFilter, noFilter, restoreFilter } from '../headlines/listFilter';
import type { View } from '../headlines/Toolbar';

const VIEWS: readonly View[] = ['all', 'unread', 'starred'];

export interface RestoredSession {
  view: View;
  filter: ListFilter;
  query: string;
  openId: string | null;
  order: ListOrder;
  exactCharacters: boolean;
  searchOrder: SearchOrder;
}

export const freshSession: RestoredSession = {
  view: 'all',
  filter: noFilter,
  query: '',
  openId: null,
  order: 'newest',
  exactCharacters: false,
  searchOrder: 'relevance',
};

export function restoreSession(saved: WindowSession | null): RestoredSession {
  if (!saved) return freshSession;
  return {
    view: VIEWS.includes(saved.view as View) ? (saved.view as View) : 'all',
    filter: restoreFilter(saved.filter),
    query: typeof saved.query === 'string' ? saved.query : '',
    openId: typeof saved.openId === 'string' && saved.openId !== '' ? saved.openId : null,
    order: LIST_ORDERS.includes(saved.order as ListOrder) ? (saved.order as ListOrder) : 'newest',
    exactCharacters: saved.exactCharacters === true,
    searchOrder: SEARCH_ORDERS.includes(saved.searchOrder as SearchOrder)
      ? (saved.searchOrder as SearchOrder)
      : 'relevance',
  };
}

export function sessionOf(s: RestoredSession): WindowSession {
  return {
    view: s.view,
    filter: {
      facet: s.filter.facet,
      range: s.filter.range,
      ...(s.filter.from ? { from: s.filter.from } : {}),
      ...(s.filter.to ? { to: s.filter.to } : {}),
    },
    query: s.query,
    openId: s.openId,
    order: s.order,
    exactCharacters: s.exactCharacters,
    searchOrder: s.searchOrder,
  };
}
