import { hash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../shared/types';
import { parseChunk } from '../scan/parseChunk';
import { RELEVANCE_WINDOW } from '../search/relevance';
import { bruteForceSearch } from '../search/testing/bruteForceSearch';
import type { IndexDoc } from '../search/testing/searchDoc';
import { LIBRARY_DB_FILE, LibraryDb } from './LibraryDb';
import { storedArticle } from './testing/dbArticles';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function doc(fields: Partial<IndexDoc>): IndexDoc {
  n++;
  return {
    id: `d${n}`,
    path: `/lib/${n}.md`,
    title: '',
    text: '',
    categories: [],
    dateMs: Date.UTC(2024, 0, n),
    ...fields,
  };
}

function dbWith(docs: IndexDoc[]): LibraryDb {
  const db = LibraryDb.open(':memory:', 'test');
  db.write({ articles: docs.map((d) => storedArticle(d)), failed: [], removed: [] });
  return db;
}

function ids(db: LibraryDb, text: string): string[] {
  return db.search({ text, limit: 100 }).matches.map((m) => m.id);
}

describe('LibraryDb search: the traps of bigram indexing', () => {
  const docs = [
    doc({ id: 'comma', text: '中国，国家' }),
    doc({ id: 'joined', text: '我们中国家庭' }),
    doc({ id: 'lone', text: 'high 中 level' }),
    doc({ id: 'phrase', text: 'High-Level talks' }),
    doc({ id: 'fields', title: 'talks high', author: 'level', text: '' }),
    doc({ id: 'long', text: `${'x'.repeat(70)} end` }),
    doc({ id: 'exact64', text: `${'x'.repeat(64)} end` }),
    doc({ id: 'emoji', text: '好😀天 LPR央行' }),
    doc({ id: 'twice', text: '中国国家' }),
    doc({ id: 'cjkfields', title: '中国', author: '国家', text: '' }),
  ];
  const db = dbWith(docs);
  afterAll(() => db.close());

  it.each([
    ['中国家', ['joined']],
    ['国', ['comma', 'joined', 'twice', 'cjkfields']],
    ['家', ['comma', 'joined', 'twice', 'cjkfields']],
    ['中', ['comma', 'joined', 'lone', 'twice', 'cjkfields']],
    ['"中国 国家"', ['comma', 'twice']],
    ['"中国，国家 lpr"', []],
    ['"我们 中国 家庭"', ['joined']],
    ['"high level"', ['phrase']],
    ['high-lev', ['phrase']],
    ['"talks high"', ['fields']],
    ['"high level" talks', ['phrase']],
    [`"${'x'.repeat(64)}"`, ['exact64']],
    ['x'.repeat(64), ['exact64', 'long']],
    [`${'x'.repeat(65)}`, ['long']],
    ['x'.repeat(70), ['long']],
    ['😀', ['emoji']],
    ['😀天', ['emoji']],
    ['\uD83D', ['emoji']],
    ['lpr央行', ['emoji']],
    ['央行', ['emoji']],
    ['天lpr', ['emoji']],
    ['好lpr', []],
  ] as [string, string[]][])('%s', (query, expected) => {
    expect(ids(db, query).sort()).toEqual([...expected].sort());
    expect(bruteForceSearch(docs, query).ids.sort()).toEqual([...expected].sort());
  });

  it('pages newest first with exact totals and highlights', () => {
    const newest = { text: '国', order: 'newest' } as const;
    expect(db.search({ ...newest, limit: 2 }).matches.map((m) => m.id)).toEqual(['cjkfields', 'twice']);
    const result = db.search({ ...newest, limit: 1, offset: 2 });
    expect(result.total).toBe(4);
    expect(result.matches.map((m) => m.id)).toEqual(['joined']);
    expect(result.matches[0]!.snippet).toBe('我们中国家庭');
    expect(result.matches[0]!.snippetHighlights).toEqual([[3, 4]]);
    expect(db.search({ ...newest, limit: 5, offset: 3 }).matches.map((m) => m.id)).toEqual(['comma']);
    // By relevance: the title hit, then 国 twice (newer first), then once.
    expect(db.search({ text: '国' }).matches.map((m) => m.id)).toEqual([
      'cjkfields',
      'twice',
      'comma',
      'joined',
    ]);
  });
});

describe('LibraryDb search: Simplified and Traditional Chinese', () => {
  const db = dbWith([
    doc({ id: 's', title: '国家安全法', text: '维护国家安全' }),
    doc({ id: 't', title: '國家安全法', text: '維護國家安全' }),
    doc({ id: 'hk', title: '衞生', text: '裡面的綫' }),
  ]);
  const exact = (text: string) =>
    db
      .search({ text, exactCharacters: true })
      .matches.map((m) => m.id)
      .sort();

  it('match each other by default, highlighting the characters as written', () => {
    expect(ids(db, '国家安全').sort()).toEqual(['s', 't']);
    expect(ids(db, '國家安全').sort()).toEqual(['s', 't']);
    expect(ids(db, '國').sort()).toEqual(['s', 't']);
    expect(ids(db, '卫生 里面 线')).toEqual(['hk']);
    const t = db.search({ text: '国家安全' }).matches.find((m) => m.id === 't')!;
    expect(t.title).toBe('國家安全法');
    expect(t.titleHighlights).toEqual([[0, 4]]);
  });

  it('match only as typed with exact characters', () => {
    expect(exact('国家安全')).toEqual(['s']);
    expect(exact('國家安全')).toEqual(['t']);
    expect(exact('國')).toEqual(['t']);
    expect(exact('家安')).toEqual(['s', 't']);
    expect(exact('卫生')).toEqual([]);
    expect(db.search({ text: '國家安全', exactCharacters: true }).total).toBe(1);
  });
});

describe('LibraryDb search operators', () => {
  const db = dbWith([
    doc({
      id: 'sina',
      title: '王毅会见拉夫罗夫',
      author: '新浪财经',
      categories: ['金融'],
      dateMs: Date.UTC(2022, 7, 6),
    }),
    doc({
      id: 'hk',
      title: '王毅訪港',
      author: '記者',
      categories: ['新浪财经'],
      dateMs: Date.UTC(2023, 0, 2),
    }),
    doc({
      id: 'en',
      title: 'Lavrov meets Wang Yi',
      author: 'CGTN',
      categories: ['World'],
      dateMs: Date.UTC(2024, 4, 1),
    }),
  ]);
  const found = (text: string) => ids(db, text).sort();

  it('excludes, ORs, binds fields and dates as the oracle does', () => {
    expect(found('王毅 -拉夫罗夫')).toEqual(['hk']);
    expect(found('拉夫罗夫 OR lavrov')).toEqual(['en', 'sina']);
    expect(found('author:新浪')).toEqual(['sina']);
    expect(found('category:新浪')).toEqual(['hk']);
    expect(found('source:新浪财经')).toEqual(['hk', 'sina']);
    expect(found('王毅 after:2023')).toEqual(['hk']);
    expect(found('王毅 OR wang before:2024-05-01')).toEqual(['hk', 'sina']);
    expect(found('王 -author:記者')).toEqual(['sina']);
  });

  it('answers nothing, with a notice, when everything is excluded', () => {
    expect(db.search({ text: '-王毅' })).toMatchObject({ total: 0, notices: [{ kind: 'onlyExcluded' }] });
  });
});

describe('LibraryDb search: relevance over every match', () => {
  const day = (y: number, d: number) => Date.UTC(y, 0, d);
  const filler = '其他消息。'.repeat(4);
  // Far more recent matches than the window relevance.ts orders, each with the term once in its text.
  const recent = Array.from({ length: RELEVANCE_WINDOW * 5 }, (_, i) =>
    doc({ id: `recent${i}`, title: `新闻${i}`, text: `合作。${filler} analysts`, dateMs: day(2024, i + 1) }),
  );
  const byRelevance = (db: LibraryDb, text: string, limit = 10, offset = 0) =>
    db.search({ text, limit, offset }).matches.map((m) => m.id);

  it('ranks a strong title match first however old it is', () => {
    const old = doc({ id: 'old', title: '合作协议签署', text: `合作。${filler}`, dateMs: day(2001, 1) });
    const db = dbWith([...recent, old]);
    try {
      expect(byRelevance(db, '合作')[0]).toBe('old');
      expect(byRelevance(db, '"合作"')[0]).toBe('old');
      // The set and the total are those of newest first.
      const all = db.search({ text: '合作', limit: 1000 });
      const newest = db.search({ text: '合作', limit: 1000, order: 'newest' });
      expect(all.total).toBe(recent.length + 1);
      expect(all.matches.map((m) => m.id).sort()).toEqual(newest.matches.map((m) => m.id).sort());
    } finally {
      db.close();
    }
  });

  it('ranks a single character found in an old title above newer articles with it in the text', () => {
    const old = doc({ id: 'old', title: '合', text: filler, dateMs: day(2001, 1) });
    const db = dbWith([...recent, old]);
    try {
      expect(byRelevance(db, '合')[0]).toBe('old');
      expect(byRelevance(db, '合', 1000).slice(1)).toEqual([...recent].reverse().map((d) => d.id));
    } finally {
      db.close();
    }
  });

  it('ranks an old article where the term occurs often above the newer ones where it occurs once', () => {
    const often = doc({ id: 'often', title: '旧闻', text: '合作。'.repeat(5) + '其他消息。'.repeat(2) });
    often.dateMs = day(2001, 1);
    const db = dbWith([...recent, often]);
    try {
      expect(byRelevance(db, '合作')[0]).toBe('often');
    } finally {
      db.close();
    }
  });

  it('breaks ties by recency, in the window and past it, and pages are slices of one order', () => {
    const db = dbWith(recent);
    try {
      const newestFirst = [...recent].reverse().map((d) => d.id);
      expect(byRelevance(db, '合作', 1000)).toEqual(newestFirst);
      expect(byRelevance(db, 'analysts 合作', 1000)).toEqual(newestFirst);
      expect(byRelevance(db, '合作', 30, RELEVANCE_WINDOW - 10)).toEqual(
        newestFirst.slice(RELEVANCE_WINDOW - 10, RELEVANCE_WINDOW + 20),
      );
    } finally {
      db.close();
    }
  });

  it('answers field-bound clauses (source:, category:, -author:) exactly', () => {
    const db = dbWith([
      ...recent,
      doc({
        id: 'src',
        title: '简讯',
        author: '新浪财经',
        categories: ['金融'],
        text: '合作',
        dateMs: day(2000, 1),
      }),
    ]);
    try {
      expect(ids(db, 'source:新浪')).toEqual(['src']);
      expect(ids(db, 'category:金融 合作')).toEqual(['src']);
      // Single characters: the recent titles (新闻) hold 新 too, only src's author does.
      expect(ids(db, 'author:新')).toEqual(['src']);
      expect(ids(db, 'category:金')).toEqual(['src']);
      expect(ids(db, 'source:财')).toEqual(['src']);
      expect(db.search({ text: '新 -author:新', limit: 0 }).total).toBe(recent.length);
      expect(db.search({ text: '合作 -author:新浪财经', limit: 0 }).total).toBe(recent.length);
    } finally {
      db.close();
    }
  });
});

describe('LibraryDb totals', () => {
  // 3,000 articles, one a day: every third says 合作, the others 会见, all 新闻; the line is lowered to 500.
  const docs = Array.from({ length: 3000 }, (_, i) =>
    doc({ id: `t${i}`, text: i % 3 === 0 ? '新闻 合作' : '新闻 会见', dateMs: Date.UTC(2020, 0, 1 + i) }),
  );
  // Content hashes as real ones are (SHA-1): the sample, the first keys by hash, is then uniform.
  const db = LibraryDb.open(':memory:', 'test');
  db.write({
    articles: docs.map((d) => ({ ...storedArticle(d), contentHash: hash('sha1', d.id, 'hex').slice(0, 16) })),
    failed: [],
    removed: [],
  });
  const above = { estimateAbove: 500 };

  it('estimates a total far above the line from a sample, and marks it so', () => {
    const r = db.search({ text: '新闻', limit: 50, order: 'newest' }, above);
    expect(r.totalEstimated).toBe(true);
    // Counted up to the line, then scaled by the share of the sample the walk covered.
    expect(r.total).toBeGreaterThan(2700);
    expect(r.total).toBeLessThan(3300);
    expect(r.matches.map((m) => m.id)).toEqual(ids(db, '新闻').slice(0, 50));
    const some = db.search({ text: '合作', limit: 50, order: 'newest' }, above);
    expect(some.totalEstimated).toBe(true);
    expect(Math.abs(some.total - 1000)).toBeLessThan(150);
  });

  it('counts exactly below the line, when asked to, and when the page reaches the last match', () => {
    expect(db.search({ text: '合作', limit: 50 }, { estimateAbove: 5000 })).toMatchObject({ total: 1000 });
    expect(db.search({ text: '合作', limit: 50 }, { estimateAbove: 5000 }).totalEstimated).toBeUndefined();
    const exact = db.search({ text: '新闻', limit: 50 }, { ...above, exactTotal: true });
    expect(exact.total).toBe(3000);
    expect(exact.totalEstimated).toBeUndefined();
    const whole = db.search({ text: '合作', limit: 5000, order: 'newest' }, above);
    expect(whole).toMatchObject({ total: 1000 });
    expect(whole.totalEstimated).toBeUndefined();
    // A filter the sample must respect: the newest 600 days only.
    const recent = db.search({ text: '新闻 after:2027-01-01', limit: 10, order: 'newest' }, above);
    expect(recent).toMatchObject({ total: 443 });
    expect(recent.totalEstimated).toBeUndefined();
  });

  it('follows writes: the sample and the size are taken again after a change', () => {
    const before = db.search({ text: '会见', limit: 10 }, above).total;
    db.write({ articles: [], failed: [], removed: docs.slice(0, 1500).map((d) => d.path!) });
    const after = db.search({ text: '会见', limit: 10 }, above);
    expect(Math.abs(before - 2000)).toBeLessThan(150);
    // 1,500 left, all of them in the sample now.
    expect(Math.abs(after.total - 1000)).toBeLessThan(20);
  });
});

describe('LibraryDb writes', () => {
  it('replaces an article rewritten at the same path, and removes deleted ones everywhere', () => {
    const db = dbWith([doc({ id: 'a', path: '/lib/a.md', text: '旧闻 old', categories: ['金融'] })]);
    db.write({
      articles: [storedArticle(doc({ id: 'a', path: '/lib/a.md', text: '新闻 new', categories: ['国际'] }))],
      failed: [],
      removed: [],
    });
    expect(db.articleCount).toBe(1);
    expect(ids(db, '旧闻')).toEqual([]);
    expect(ids(db, 'old')).toEqual([]);
    expect(ids(db, '旧')).toEqual([]);
    expect(ids(db, '新闻')).toEqual(['a']);
    expect(db.search({ text: 'new', filters: { category: '金融' } }).total).toBe(0);
    expect(db.search({ text: 'new', filters: { category: '国际' } }).total).toBe(1);
    db.write({ articles: [], failed: [], removed: ['/lib/a.md'] });
    expect(db.articleCount).toBe(0);
    expect(ids(db, '新闻')).toEqual([]);
    expect(ids(db, '新')).toEqual([]);
    expect(db.byId('a')).toBeUndefined();
    db.close();
  });

  it('gives back the summary the scan made, a front matter with lone surrogates included', () => {
    const root = mkdtempSync(join(dir, 'surrogates-'));
    const path = join(root, 'a.md');
    writeFileSync(
      path,
      '---\ntitle: "半\\ud800边"\nauthor: "x\\udc00"\ncategories:\n  - "金\\ud801融"\ndate: 2024-01-02\n---\n\n正文 text\n',
    );
    const [scanned] = parseChunk(
      { id: 1, jobs: [{ path, root }] },
      { parse: {}, includeText: true, forDatabase: true },
    ).articles;
    const shown = (a: ArticleSummary) => ({
      title: a.title,
      author: a.author,
      categories: a.categories,
      excerpt: a.excerpt,
    });
    expect(shown(scanned!)).toEqual({
      title: '半\uFFFD边',
      author: 'x\uFFFD',
      categories: ['金\uFFFD融'],
      excerpt: '正文 text',
    });
    const db = LibraryDb.open(':memory:', 'test');
    try {
      db.write({ articles: [{ ...scanned!, text: '', problems: [] }], failed: [], removed: [] });
      // What a warm start lists, what `show` reads and what a search finds are the scan's strings.
      expect(db.summaries().map(shown)).toEqual([shown(scanned!)]);
      expect(shown(db.byPath(path)!)).toEqual(shown(scanned!));
      expect(db.search({ text: '正文' }).matches.map((m) => m.title)).toEqual([scanned!.title]);
      expect(db.search({ text: 'text', filters: { category: scanned!.categories[0]! } }).total).toBe(1);
    } finally {
      db.close();
    }
  });

  it('keeps a file that failed with its stat, and forgets the failure once it reads', () => {
    const db = dbWith([]);
    const problem = {
      path: '/lib/bad.md',
      message: 'broken',
      severity: 'error' as const,
      code: 'binary' as const,
    };
    db.write({
      articles: [],
      failed: [{ path: '/lib/bad.md', root: '/lib', mtimeMs: 5, size: 9, problems: [problem] }],
      removed: [],
    });
    expect(db.fileState('/lib/bad.md')).toEqual({ mtimeMs: 5, size: 9 });
    expect(db.failures('/lib')).toHaveLength(1);
    db.write({
      articles: [storedArticle(doc({ id: 'bad', path: '/lib/bad.md', text: 'fixed' }))],
      failed: [],
      removed: [],
    });
    expect(db.failures('/lib')).toEqual([]);
    expect(ids(db, 'fixed')).toEqual(['bad']);
    db.close();
  });

  it('gives articles of the same millisecond their own keys, newest written first', () => {
    const same = Date.UTC(2020, 5, 1);
    const docs = Array.from({ length: 30 }, (_, i) => doc({ id: `s${i}`, text: 'same', dateMs: same }));
    const db = dbWith(docs);
    const result = db.search({ text: 'same', limit: 100 });
    expect(result.total).toBe(30);
    expect(new Set(result.matches.map((m) => m.id)).size).toBe(30);
    // Rewriting some frees their slots and takes new ones; nothing is lost or doubled.
    db.write({ articles: docs.slice(0, 10).map((d) => storedArticle(d)), failed: [], removed: [] });
    expect(db.search({ text: 'same', limit: 100 }).total).toBe(30);
    db.close();
  });

  it('answers only for the folders asked about', () => {
    const db = dbWith([
      doc({ id: 'in', path: '/a/x.md', text: 'word' }),
      doc({ id: 'sibling', path: '/ab/x.md', text: 'word' }),
      doc({ id: 'out', path: '/b/x.md', text: 'word' }),
    ]);
    expect(db.search({ text: 'word' }, { within: ['/a'] }).matches.map((m) => m.id)).toEqual(['in']);
    expect(db.search({ text: 'word' }, { within: ['/a', '/b'] }).total).toBe(2);
    expect(db.search({ text: 'word' }, { within: ['/'] }).total).toBe(3);
    db.close();
  });

  it('lists the summaries inside folders newest first, by path, and the problems recorded there', () => {
    const warning = (path: string) => ({
      path,
      message: 'no date',
      severity: 'warning' as const,
      code: 'date-unreadable' as const,
    });
    const db = dbWith([
      doc({ id: 'old', path: '/a/old.md', dateMs: Date.UTC(2001, 0, 1) }),
      doc({ id: 'new', path: '/a/new.md', dateMs: Date.UTC(2003, 0, 1) }),
      doc({ id: 'other', path: '/ab/x.md', dateMs: Date.UTC(2002, 0, 1) }),
    ]);
    db.write({
      articles: [
        { ...storedArticle(doc({ id: 'warned', path: '/a/w.md' })), problems: [warning('/a/w.md')] },
      ],
      failed: [{ path: '/a/bad.md', root: '/a', mtimeMs: 1, size: 2, problems: [warning('/a/bad.md')] }],
      removed: [],
    });
    expect(db.summaries(['/a']).map((a) => a.id)).toEqual(['warned', 'new', 'old']);
    expect(db.summaries().map((a) => a.id)).toEqual(['warned', 'new', 'other', 'old']);
    expect(db.summaries(['/nowhere'])).toEqual([]);
    const summary = db.summaryByPath('/a/new.md')!;
    expect(summary).toMatchObject({
      id: 'new',
      path: '/a/new.md',
      root: '/lib',
      date: '2003-01-01T00:00:00.000Z',
    });
    expect('text' in summary).toBe(false);
    expect(db.summaryByPath('/a/bad.md')).toBeUndefined();
    expect(db.problemsWithin('/a')).toEqual(
      new Map([
        ['/a/w.md', [warning('/a/w.md')]],
        ['/a/bad.md', [warning('/a/bad.md')]],
      ]),
    );
    expect(db.problemsWithin('/ab').size).toBe(0);
    db.close();
  });

  it('starts over empty for another engine version', () => {
    const path = join(dir, 'over.db');
    let db = LibraryDb.open(path, 'v1');
    db.write({ articles: [storedArticle(doc({ id: 'x', text: 'gone' }))], failed: [], removed: [] });
    db.startOver('v2');
    expect(db.articleCount).toBe(0);
    expect(ids(db, 'gone')).toEqual([]);
    db.write({ articles: [storedArticle(doc({ id: 'y', text: 'kept' }))], failed: [], removed: [] });
    db.close();
    db = LibraryDb.open(path, 'v2');
    expect(db.report.rebuildReason).toBeUndefined();
    expect(ids(db, 'kept')).toEqual(['y']);
    db.close();
  });
});

describe('LibraryDb damage', () => {
  it('keeps a damaged file aside and starts a fresh database', () => {
    const path = join(dir, LIBRARY_DB_FILE);
    const db = LibraryDb.open(path, 'test');
    db.write({ articles: [storedArticle(doc({ id: 'a', text: 'hello' }))], failed: [], removed: [] });
    db.close();
    writeFileSync(path, 'this is not a database, it is garbage '.repeat(200));
    const reopened = LibraryDb.open(path, 'test', () => new Date('2026-01-02T03:04:05Z'));
    expect(reopened.report.damagedBackup).toBe(`${path}.damaged-2026-01-02T03-04-05-000Z`);
    expect(reopened.report.rebuildReason).toMatch(/damaged/);
    expect(reopened.articleCount).toBe(0);
    reopened.write({ articles: [storedArticle(doc({ id: 'b', text: 'hello' }))], failed: [], removed: [] });
    expect(reopened.search({ text: 'hello' }).total).toBe(1);
    reopened.close();
    expect(readdirSync(dir)).toContain(`${LIBRARY_DB_FILE}.damaged-2026-01-02T03-04-05-000Z`);
  });

  it('rebuilds a database of another engine version', () => {
    const path = join(dir, 'other.db');
    const db = LibraryDb.open(path, 'engine-1');
    db.write({ articles: [storedArticle(doc({ id: 'a', text: 'hello' }))], failed: [], removed: [] });
    db.close();
    const next = LibraryDb.open(path, 'engine-2');
    expect(next.articleCount).toBe(0);
    expect(next.report.rebuildReason).toMatch(/another version/);
    next.close();
  });
});
