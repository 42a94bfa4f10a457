import { describe, expect, it } from 'vitest';
import type { SearchNotice, SearchResult } from '../../../shared/types';
import { makeTranslate } from '../i18n/i18n';
import { noFilter } from './listFilter';
import { type ListSituation, listEmptyText, listStatusText } from './listStatus';

const t = makeTranslate('en', 'en-GB');

function situation(over: Partial<ListSituation> = {}): ListSituation {
  return {
    searching: false,
    query: '',
    search: { status: 'idle' },
    view: 'all',
    filter: noFilter,
    shown: 0,
    starredCount: 0,
    ...over,
  };
}

function result(total: number, shown: number, notices?: SearchNotice[]): SearchResult {
  return {
    query: 'q',
    total,
    elapsedMs: 1,
    matches: Array.from({ length: shown }, (_, i) => ({
      id: `m${i}`,
      path: `/m${i}.md`,
      title: 'm',
      date: '2024-01-01T00:00:00.000Z',
      titleHighlights: [],
      snippet: '',
      snippetHighlights: [],
      score: 1,
    })),
    ...(notices ? { notices } : {}),
  };
}

describe('listStatusText', () => {
  it('says "about" for an estimated total, also while the next search runs', () => {
    const estimated = { ...result(230_000, 50), totalEstimated: true };
    const done = listStatusText(
      situation({ searching: true, search: { status: 'done', result: estimated } }),
      t,
    );
    expect(done).toMatch(/^about 230.000 results · showing the first 50$/);
    const next = listStatusText(
      situation({ searching: true, search: { status: 'searching', previous: estimated } }),
      t,
    );
    expect(next).toMatch(/^about 230.000 results/);
    const exact = listStatusText(
      situation({ searching: true, search: { status: 'done', result: result(230_000, 50) } }),
      t,
    );
    expect(exact).not.toContain('about');
  });

  it('counts articles in one and many, and starred articles', () => {
    expect(listStatusText(situation({ shown: 1 }), t)).toBe(t('articleCountOne'));
    expect(listStatusText(situation({ shown: 1234 }), t)).toBe(t('articleCount', { count: 1234 }));
    expect(listStatusText(situation({ view: 'starred', shown: 3 }), t)).toBe(t('starredCount', { count: 3 }));
  });

  it('says what the search is doing and found', () => {
    const searching = situation({ searching: true, query: 'x' });
    expect(listStatusText({ ...searching, search: { status: 'searching', previous: null } }, t)).toBe(
      t('searching'),
    );
    expect(listStatusText({ ...searching, search: { status: 'error', message: 'boom' } }, t)).toBe(
      t('searchFailed', { message: 'boom' }),
    );
    expect(listStatusText({ ...searching, search: { status: 'done', result: result(1, 1) } }, t)).toBe(
      t('searchOneResult'),
    );
    expect(
      listStatusText(
        {
          ...searching,
          search: {
            status: 'done',
            result: result(900, 500, [
              { kind: 'unclosedQuote' },
              { kind: 'unknownOperator', operator: 'title' },
            ]),
          },
        },
        t,
      ),
    ).toBe(
      `${t('searchResults', { count: 900 })} · ${t('searchShowing', { shown: 500 })} · ${t('noticeUnclosedQuote')} · ${t('noticeUnknownOperator', { operator: 'title' })}`,
    );
    // While the next search runs, the previous result stays listed and so does its count (no
    // "0 results" flicker between keystrokes).
    expect(listStatusText({ ...searching, search: { status: 'searching', previous: result(5, 5) } }, t)).toBe(
      t('searchResults', { count: 5 }),
    );
  });
});

describe('listEmptyText', () => {
  it('explains an empty list by its cause', () => {
    expect(listEmptyText(situation({ shown: 2 }), t)).toBeNull();
    expect(
      listEmptyText(
        situation({ searching: true, query: ' 央行 ', search: { status: 'done', result: result(0, 0) } }),
        t,
      ),
    ).toBe(t('searchNoResults', { query: '央行' }));
    expect(
      listEmptyText(situation({ searching: true, search: { status: 'searching', previous: null } }), t),
    ).toBeNull();
    expect(listEmptyText(situation({ view: 'starred' }), t)).toBe(t('noStarred'));
    expect(
      listEmptyText(
        situation({ view: 'starred', starredCount: 2, filter: { facet: null, range: 'day' } }),
        t,
      ),
    ).toBe(t('noArticlesFilter'));
    expect(
      listEmptyText(situation({ filter: { facet: { kind: 'author', value: 'A' }, range: 'any' } }), t),
    ).toBe(t('noArticlesFilter'));
    expect(listEmptyText(situation(), t)).toBeNull();
  });
});
