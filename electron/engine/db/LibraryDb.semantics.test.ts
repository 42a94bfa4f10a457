// What the in-memory SearchIndex's tests asked of search, asked of the library database (which
// replaced it): semantics on a few hand-made articles, edge cases of runs and fields, agreement with
// the brute-force oracle on a synthetic archive (filters included), highlights, and rewrites and
// removals interleaved. The fuzz tests (LibraryDb.search.fuzz.test.ts, testing/search.fuzz.test.ts)
// cover the rest.

import { describe, expect, it } from 'vitest';
import { CJK, CLASS, foldString } from '../../../shared/charClass';
import type { SearchQuery } from '../../../shared/types';
import { bruteForceSearch } from '../search/testing/bruteForceSearch';
import type { IndexDoc } from '../search/testing/searchDoc';
import { EN_PHRASES, syntheticArchive } from '../search/testing/syntheticArchive';
import { seededRandom } from '../testing/seededRandom';
import { LibraryDb } from './LibraryDb';
import type { DbSearchContext } from './librarySearch';
import { storedArticle } from './testing/dbArticles';

function dbOf(docs: IndexDoc[]): LibraryDb {
  const db = LibraryDb.open(':memory:', 'test');
  for (let i = 0; i < docs.length; i += 500) {
    db.write({ articles: docs.slice(i, i + 500).map((d) => storedArticle(d)), failed: [], removed: [] });
  }
  return db;
}

const ids = (db: LibraryDb, text: string, extra: Partial<SearchQuery> = {}, ctx: DbSearchContext = {}) =>
  db.search({ text, limit: 100_000, ...extra }, ctx).matches.map((m) => m.id);

function doc(
  id: string,
  title: string,
  text: string,
  dateMs: number,
  more: Partial<IndexDoc> = {},
): IndexDoc {
  return { id, path: `/lib/${id}.md`, title, text, categories: [], dateMs, ...more };
}

const rank = (d: IndexDoc) => (Number.isNaN(d.dateMs) ? Number.NEGATIVE_INFINITY : d.dateMs);

/** Random queries of every kind, cut from the archive itself so that most of them hit. */
function randomQueries(docs: IndexDoc[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(random() * a.length)]!;
  const cjkRun = (min: number, max: number): string => {
    for (;;) {
      const d = pick(docs);
      const s = random() < 0.2 ? d.title : d.text;
      const at = Math.floor(random() * s.length);
      const len = min + Math.floor(random() * (max - min + 1));
      const run = s.slice(at, at + len);
      if (run.length === len && [...run].every((c) => CLASS[c.charCodeAt(0)] === CJK)) return run;
    }
  };
  const englishWord = (): string => {
    const words = pick(docs)
      .text.split(/[^A-Za-zÀ-ɏ0-9]+/)
      .filter((w) => w.length > 0);
    return words.length ? pick(words) : pick(EN_PHRASES);
  };
  const recase = (s: string) => (random() < 0.3 ? s.toUpperCase() : random() < 0.5 ? s.toLowerCase() : s);
  const kinds: (() => string)[] = [
    () => cjkRun(1, 1),
    () => cjkRun(2, 2),
    () => cjkRun(3, 6),
    () => recase(englishWord()),
    () => recase(englishWord().slice(0, 1 + Math.floor(random() * 4))),
    () => `"${pick(EN_PHRASES)}"`,
    () => `"${cjkRun(2, 5)}"`,
    () => `${cjkRun(2, 3)} ${recase(englishWord())}`,
    () => `${cjkRun(1, 4)} ${cjkRun(1, 4)}`,
    () => {
      // Any stretch of a document, quoted or not: mixes scripts, punctuation and partial words.
      const d = pick(docs);
      const at = Math.floor(random() * d.text.length);
      const cut = d.text.slice(at, at + 2 + Math.floor(random() * 14));
      return random() < 0.5 ? `"${cut}"` : cut;
    },
    () => pick(['zzqxv', '鱻龘', 'Lavrovx', '"王毅 拉夫罗夫"', 'ü', '"', '', '  ', '。，']),
    () => pick(EN_PHRASES),
  ];
  return Array.from({ length: count }, () => pick(kinds)());
}

describe('LibraryDb semantics', () => {
  const db = dbOf([
    doc('old-title', '王毅会见俄罗斯外长拉夫罗夫', '双方同意保持战略协调。', Date.UTC(2020, 0, 1)),
    doc(
      'new-body',
      '外交新闻',
      '王毅今天会见拉夫罗夫。Sergey Lavrov spoke at a high-level meeting.',
      Date.UTC(2022, 0, 1),
    ),
    doc('newest-body', '其他', '记者问王毅。Firefox 97.0.2 released, covid-19 data.', Date.UTC(2023, 0, 1), {
      author: 'Zoë Martín',
      categories: ['科技'],
    }),
    doc('nan-date', '无日期', '王毅', Number.NaN),
  ]);

  it('ranks title hits first, then newer first, undated last', () => {
    expect(ids(db, '王毅')).toEqual(['old-title', 'newest-body', 'new-body', 'nan-date']);
    expect(ids(db, '王毅', { order: 'newest' })).toEqual([
      'newest-body',
      'new-body',
      'old-title',
      'nan-date',
    ]);
  });

  it('matches single CJK characters, words by prefix, digits and joined tokens', () => {
    expect(ids(db, '毅')).toHaveLength(4);
    expect(ids(db, 'LAVR')).toEqual(['new-body']);
    expect(ids(db, 'avrov')).toEqual([]);
    expect(ids(db, '97.0.2')).toEqual(['newest-body']);
    expect(ids(db, '97.0')).toEqual(['newest-body']);
    expect(ids(db, '97.1')).toEqual([]);
    expect(ids(db, 'covid-19')).toEqual(['newest-body']);
    expect(ids(db, 'zoe')).toEqual(['newest-body']);
    expect(ids(db, '科技')).toEqual(['newest-body']);
  });

  it('requires every term, and phrases in order', () => {
    expect(ids(db, '王毅 lavrov')).toEqual(['new-body']);
    expect(ids(db, '"high level"')).toEqual(['new-body']);
    expect(ids(db, '"level high"')).toEqual([]);
    expect(ids(db, '"high lev"')).toEqual([]);
    expect(ids(db, '"俄罗斯外长"')).toEqual(['old-title']);
    expect(ids(db, '外长 "拉夫罗夫"')).toEqual(['old-title']);
  });

  it('answers nothing for an empty query and repairs an unclosed quote with a notice', () => {
    expect(db.search({ text: '   ' })).toMatchObject({ total: 0, matches: [] });
    const repaired = db.search({ text: '"high level' });
    expect(repaired.total).toBe(1);
    expect(repaired.notices).toEqual([{ kind: 'unclosedQuote' }]);
  });

  it('filters by inclusive dates, category and stars, and reports bad dates', () => {
    expect(ids(db, '王毅', { filters: { from: '2022-01-01', to: '2022-01-01' } })).toEqual(['new-body']);
    expect(ids(db, '王毅', { filters: { category: '科技' } })).toEqual(['newest-body']);
    expect(ids(db, '王毅', { filters: { starredOnly: true } })).toEqual([]);
    const starred = ids(
      db,
      '王毅',
      { filters: { starredOnly: true } },
      { isStarred: (id) => id === 'old-title' },
    );
    expect(starred).toEqual(['old-title']);
    const bad = db.search({ text: '王毅', filters: { from: 'yesterday' } });
    expect(bad.total).toBe(4);
    expect(bad.notices).toEqual([{ kind: 'badDate', operator: 'from', value: 'yesterday' }]);
  });

  it('returns paths, ISO dates and a one-line snippet around the first body hit', () => {
    const [m] = db.search({ text: 'released' }).matches;
    expect(m).toMatchObject({
      id: 'newest-body',
      path: '/lib/newest-body.md',
      date: '2023-01-01T00:00:00.000Z',
    });
    expect(m!.snippet).toContain('Firefox 97.0.2 released');
    const [a, b] = m!.snippetHighlights[0]!;
    expect(m!.snippet.slice(a, b)).toBe('released');
  });
});

describe('LibraryDb character and run edge cases', () => {
  const docs = [
    doc('laugh', '哈哈哈', '他笑了：哈哈，哈', Date.UTC(2021, 0, 3)),
    doc('edge', '标题结尾', '开头正文以人', Date.UTC(2021, 0, 2), { author: '作者甲' }),
    doc('mixed', 'Mixed 中文title', 'iPhone发布会在上海举行，价格5999元。', Date.UTC(2021, 0, 1)),
  ];

  it('agrees with brute force on repeated characters, field edges and mixed scripts', () => {
    const db = dbOf(docs);
    const queries = [
      '哈',
      '哈哈',
      '哈哈哈',
      '哈哈哈哈',
      '笑了哈',
      '结尾开头',
      '尾开',
      '以人',
      '人',
      '作者甲',
      '者甲开',
      '文title',
      'iphone发布',
      '发布会在上海',
      '元',
      '5999元',
    ];
    for (const text of queries) {
      expect({ text, ids: ids(db, text) }).toEqual({ text, ids: bruteForceSearch(docs, text).ids });
    }
    expect(ids(db, '尾开')).toEqual([]);
    expect(ids(db, '哈哈哈')).toEqual(['laugh']);
    db.close();
  });

  it('keeps one-character lists exact through removal and re-adding', () => {
    const db = dbOf(docs);
    db.write({
      articles: [storedArticle(doc('laugh2', '笑', '哈', Date.UTC(2022, 0, 1)))],
      failed: [],
      removed: ['/lib/laugh.md'],
    });
    expect(ids(db, '哈')).toEqual(['laugh2']);
    expect(ids(db, '人')).toEqual(['edge']);
    expect(db.search({ text: '元' }).total).toBe(1);
    db.close();
  });
});

describe('LibraryDb against brute force on a synthetic archive', () => {
  const docs = syntheticArchive({ docs: 800, bodyChars: 300, seed: 7 });
  const db = dbOf(docs);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const starred = new Set(docs.filter((_, i) => i % 7 === 0).map((d) => d.id));
  const isStarred = (id: string) => starred.has(id);
  /** The whole match set (no snippets: the oracle does not cut any), newest first. */
  const all = (text: string, extra: Partial<SearchQuery> = {}) =>
    db.search({ text, limit: 100_000, order: 'newest', ...extra }, { isStarred, snippets: false });
  const expectNewestFirst = (matchIds: string[], context: string) => {
    for (let i = 1; i < matchIds.length; i++) {
      expect(rank(byId.get(matchIds[i - 1]!)!), context).toBeGreaterThanOrEqual(
        rank(byId.get(matchIds[i]!)!),
      );
    }
  };

  it('finds exactly the brute-force match set for random queries, newest first', () => {
    let nonEmpty = 0;
    for (const text of randomQueries(docs, 200, 11)) {
      const expected = bruteForceSearch(docs, text);
      const result = all(text);
      expect({ text, total: result.total }).toEqual({ text, total: expected.total });
      const found = result.matches.map((m) => m.id);
      expect(found.slice().sort()).toEqual([...expected.ids].sort());
      expectNewestFirst(found, text);
      if (expected.total > 0) nonEmpty++;
    }
    // The generator must mostly produce hits, or the comparison proves little.
    expect(nonEmpty).toBeGreaterThan(100);
  }, 120_000);

  it('applies filters exactly like brute force', () => {
    const random = seededRandom(5);
    const cats = ['金融', '国际', 'World', 'missing'];
    for (const text of randomQueries(docs, 80, 23)) {
      const filters = {
        from: random() < 0.5 ? '2018-01-01' : undefined,
        to: random() < 0.5 ? '2021-06-30' : undefined,
        category: random() < 0.4 ? cats[Math.floor(random() * cats.length)] : undefined,
        starredOnly: random() < 0.3,
      };
      const expected = bruteForceSearch(docs, text, filters, isStarred);
      const result = all(text, { filters });
      expect(result.matches.map((m) => m.id).sort()).toEqual([...expected.ids].sort());
      expect(result.total).toBe(expected.total);
    }
  }, 120_000);

  it('pages with limit and offset while counting every match', () => {
    const everything = all('的');
    expect(everything.total).toBe(bruteForceSearch(docs, '的').total);
    expect(everything.total).toBeGreaterThan(200);
    const page = db.search({ text: '的', limit: 50, offset: 100, order: 'newest' });
    expect(page.total).toBe(everything.total);
    expect(page.matches.map((m) => m.id)).toEqual(everything.matches.slice(100, 150).map((m) => m.id));
    expect(db.search({ text: '的' }).matches).toHaveLength(200);
  });

  it('highlights exactly the matched text in titles and snippets', () => {
    for (const text of ['王毅', 'lavr', '"high level"', '俄罗斯外长', 'COVID-19', '中', 'café']) {
      const tokens = foldString(text.replaceAll('"', '')).split(/[\s-]+/);
      const result = db.search({ text, limit: 30 });
      expect(result.total).toBeGreaterThan(0);
      let highlighted = 0;
      for (const m of result.matches) {
        for (const [field, ranges] of [
          [m.title, m.titleHighlights],
          [m.snippet, m.snippetHighlights],
        ] as const) {
          for (const [a, b] of ranges) {
            highlighted++;
            const covered = foldString(field.slice(a, b));
            expect(covered.startsWith(tokens[0]!)).toBe(true);
            expect(covered.endsWith(tokens[tokens.length - 1]!)).toBe(true);
          }
        }
        expect(m.snippet).not.toMatch(/[\n\r\t]/);
        expect(m.snippet.length).toBeLessThanOrEqual(130);
      }
      expect(highlighted).toBeGreaterThan(0);
    }
  });
});

describe('LibraryDb rewrites and removals', () => {
  it('stays exact through many interleaved rewrites and removals', () => {
    const docs = syntheticArchive({ docs: 200, bodyChars: 80, seed: 3 });
    const random = seededRandom(9);
    const db = dbOf([]);
    const live = new Map<string, IndexDoc>();
    for (let step = 0; step < 300; step++) {
      const batch = {
        articles: [] as ReturnType<typeof storedArticle>[],
        failed: [],
        removed: [] as string[],
      };
      for (let k = 0; k < 10; k++) {
        const d = docs[Math.floor(random() * docs.length)]!;
        const path = `/lib/${d.id}.md`;
        batch.articles = batch.articles.filter((a) => a.path !== path);
        batch.removed = batch.removed.filter((p) => p !== path);
        if (random() < 0.3) {
          live.delete(d.id);
          batch.removed.push(path);
        } else {
          const version = { ...d, path, text: `${d.text} 版本${step % 5}` };
          live.set(d.id, version);
          batch.articles.push(storedArticle(version));
        }
      }
      db.write(batch);
    }
    expect(db.articleCount).toBe(live.size);
    const current = [...live.values()];
    for (const text of ['版本3', '王毅', 'lavrov', '的', '"high level"', '版']) {
      const found = db.search({ text, limit: 100_000, order: 'newest' }, { snippets: false });
      expect(found.matches.map((m) => m.id).sort()).toEqual([...bruteForceSearch(current, text).ids].sort());
    }
    db.close();
  });
});
