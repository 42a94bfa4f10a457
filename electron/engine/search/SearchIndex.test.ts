import { describe, expect, it } from 'vitest';
import { CJK, CLASS, foldString } from '../../../shared/charClass';
import { seededRandom } from '../testing/seededRandom';
import type { IndexDoc } from './IndexState';
import { SearchIndex } from './SearchIndex';
import { bruteForceSearch } from './testing/bruteForceSearch';
import { EN_PHRASES, syntheticArchive } from './testing/syntheticArchive';

const ids = (index: SearchIndex, text: string, extra: object = {}) =>
  index.search({ text, limit: 100_000, ...extra }).matches.map((m) => m.id);

function doc(
  id: string,
  title: string,
  text: string,
  dateMs: number,
  more: Partial<IndexDoc> = {},
): IndexDoc {
  return { id, path: `/lib/${id}.md`, title, text, categories: [], dateMs, ...more };
}

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

describe('Simplified and Traditional Chinese', () => {
  const docs = [
    doc('s', '国家安全法', '维护国家安全', Date.UTC(2024, 0, 3)),
    doc('t', '國家安全法', '維護國家安全', Date.UTC(2024, 0, 2)),
    doc('hk', '衞生', '裡面的綫', Date.UTC(2024, 0, 1)),
  ];
  const index = new SearchIndex();
  index.addMany(docs);

  it('match each other by default, with highlights on the characters as written', () => {
    expect(ids(index, '国家安全')).toEqual(['s', 't']);
    expect(ids(index, '國家安全')).toEqual(['s', 't']);
    expect(ids(index, '卫生 里面 线')).toEqual(['hk']);
    const t = index.search({ text: '国家安全' }).matches.find((m) => m.id === 't')!;
    expect(t.title).toBe('國家安全法');
    expect(t.titleHighlights).toEqual([[0, 4]]);
    expect(t.snippet.slice(t.snippetHighlights[0]![0], t.snippetHighlights[0]![1])).toBe('國家安全');
  });

  it('match only as typed with exact characters, and the switch still folds case', () => {
    expect(ids(index, '国家安全', { exactCharacters: true })).toEqual(['s']);
    expect(ids(index, '國家安全', { exactCharacters: true })).toEqual(['t']);
    expect(ids(index, '家安', { exactCharacters: true })).toEqual(['s', 't']);
    expect(ids(index, '衞生', { exactCharacters: true })).toEqual(['hk']);
    expect(ids(index, '卫生', { exactCharacters: true })).toEqual([]);
    const upper = new SearchIndex();
    upper.add(doc('e', 'Hong Kong 國家', '', 0));
    expect(ids(upper, 'hong 國家', { exactCharacters: true })).toEqual(['e']);
    expect(ids(upper, 'hong 国家', { exactCharacters: true })).toEqual([]);
  });
});

describe('SearchIndex operators', () => {
  const index = new SearchIndex();
  index.addMany([
    doc('sina', '王毅会见拉夫罗夫', '', Date.UTC(2022, 7, 6), { author: '新浪财经', categories: ['金融'] }),
    doc('hk', '王毅訪港', '', Date.UTC(2023, 0, 2), { author: '記者', categories: ['新浪财经'] }),
    doc('en', 'Lavrov meets Wang Yi', '', Date.UTC(2024, 4, 1), { author: 'CGTN', categories: ['World'] }),
  ]);
  const found = (text: string) => ids(index, text).sort();

  it('excludes, ORs, binds fields and dates', () => {
    expect(found('王毅 -拉夫罗夫')).toEqual(['hk']);
    expect(found('拉夫罗夫 OR lavrov')).toEqual(['en', 'sina']);
    expect(found('author:新浪')).toEqual(['sina']);
    expect(found('category:新浪')).toEqual(['hk']);
    expect(found('source:新浪财经')).toEqual(['hk', 'sina']);
    expect(found('王毅 after:2023')).toEqual(['hk']);
    expect(found('王毅 OR wang before:2024-05-01')).toEqual(['hk', 'sina']);
    expect(found('王 -author:記者')).toEqual(['sina']);
    expect(index.search({ text: 'NOT 王毅' })).toMatchObject({
      total: 0,
      notices: [{ kind: 'onlyExcluded' }],
    });
  });
});

describe('SearchIndex against brute force', () => {
  const docs = syntheticArchive({ docs: 2000, bodyChars: 300, seed: 7 });
  const index = new SearchIndex();
  index.addMany(docs);
  const starred = new Set(docs.filter((_, i) => i % 7 === 0).map((d) => d.id));
  const isStarred = (id: string) => starred.has(id);

  it('finds exactly the brute-force match set, in the same order, for random queries', () => {
    const queries = randomQueries(docs, 350, 11);
    let nonEmpty = 0;
    for (const text of queries) {
      const expected = bruteForceSearch(docs, text);
      const result = index.search({ text, limit: 100_000 });
      expect({ text, total: result.total }).toEqual({ text, total: expected.total });
      expect(result.matches.map((m) => m.id)).toEqual(expected.ids);
      if (expected.total > 0) nonEmpty++;
    }
    // The generator must mostly produce hits, or the comparison proves little.
    expect(nonEmpty).toBeGreaterThan(200);
  }, 120_000);

  it('applies filters exactly like brute force', () => {
    const random = seededRandom(5);
    const queries = randomQueries(docs, 120, 23);
    const cats = ['金融', '国际', 'World', 'missing'];
    for (const text of queries) {
      const filters = {
        from: random() < 0.5 ? '2018-01-01' : undefined,
        to: random() < 0.5 ? '2021-06-30' : undefined,
        category: random() < 0.4 ? cats[Math.floor(random() * cats.length)] : undefined,
        starredOnly: random() < 0.3,
      };
      const expected = bruteForceSearch(docs, text, filters, isStarred);
      const result = index.search({ text, filters, limit: 100_000 }, { isStarred });
      expect(result.matches.map((m) => m.id)).toEqual(expected.ids);
      expect(result.total).toBe(expected.total);
    }
  });

  it('pages with limit and offset while counting every match', () => {
    const all = bruteForceSearch(docs, '的');
    expect(all.total).toBeGreaterThan(500);
    const page = index.search({ text: '的', limit: 50, offset: 100 });
    expect(page.total).toBe(all.total);
    expect(page.matches.map((m) => m.id)).toEqual(all.ids.slice(100, 150));
    expect(index.search({ text: '的' }).matches).toHaveLength(200);
  });

  it('highlights exactly the matched text in titles and snippets', () => {
    for (const text of ['王毅', 'lavr', '"high level"', '俄罗斯外长', 'COVID-19', '中', 'café']) {
      const tokens = foldString(text.replaceAll('"', '')).split(/[\s-]+/);
      const result = index.search({ text, limit: 30 });
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

  it('gives the same answers after a serialize round trip, and keeps working', () => {
    const copy = SearchIndex.deserialize(index.serialize());
    expect(copy.size).toBe(index.size);
    for (const text of randomQueries(docs, 60, 31)) {
      expect(copy.search({ text, limit: 50 }).matches).toEqual(index.search({ text, limit: 50 }).matches);
    }
    copy.add(doc('fresh', '新鲜标题 Quokka', '一只短尾矮袋鼠', Date.UTC(2030, 0, 1)));
    expect(ids(copy, 'quok')).toEqual(['fresh']);
    expect(ids(copy, '矮袋鼠')).toEqual(['fresh']);
    expect(copy.search({ text: '王毅' }).total).toBe(index.search({ text: '王毅' }).total);
  });
});

describe('SearchIndex updates', () => {
  it('replaces a document re-added under the same id and forgets removed ones', () => {
    const index = new SearchIndex();
    index.add(doc('a', '央行降息', '贷款市场报价利率 LPR 下调', Date.UTC(2022, 1, 1)));
    index.add(doc('b', '外长会谈', '王毅会见拉夫罗夫', Date.UTC(2022, 1, 2)));
    expect(ids(index, 'LPR')).toEqual(['a']);
    index.add(doc('a', '央行按兵不动', '利率维持不变', Date.UTC(2022, 1, 1)));
    expect(index.size).toBe(2);
    expect(ids(index, 'LPR')).toEqual([]);
    expect(ids(index, '按兵不动')).toEqual(['a']);
    expect(index.remove('b')).toBe(true);
    expect(index.remove('b')).toBe(false);
    expect(index.has('b')).toBe(false);
    expect(ids(index, '王毅')).toEqual([]);
    expect(index.size).toBe(1);
    const again = SearchIndex.deserialize(index.serialize());
    expect(ids(again, '央行')).toEqual(['a']);
    expect(again.has('b')).toBe(false);
  });

  it('stays correct through many interleaved upserts and removals (compaction included)', () => {
    const docs = syntheticArchive({ docs: 400, bodyChars: 80, seed: 3 });
    const random = seededRandom(9);
    const index = new SearchIndex();
    const live = new Map<string, IndexDoc>();
    for (let step = 0; step < 30_000; step++) {
      const d = docs[Math.floor(random() * docs.length)]!;
      if (random() < 0.3) {
        expect(index.remove(d.id)).toBe(live.delete(d.id));
      } else {
        const version = { ...d, text: `${d.text} 版本${step % 5}` };
        index.add(version);
        live.set(d.id, version);
      }
    }
    expect(index.size).toBe(live.size);
    const current = [...live.values()];
    for (const text of ['版本3', '王毅', 'lavrov', '的', '"high level"']) {
      expect(ids(index, text)).toEqual(bruteForceSearch(current, text).ids);
    }
  });
});

describe('SearchIndex semantics', () => {
  const index = new SearchIndex();
  index.addMany([
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
    expect(ids(index, '王毅')).toEqual(['old-title', 'newest-body', 'new-body', 'nan-date']);
  });

  it('matches single CJK characters, words by prefix, digits and joined tokens', () => {
    expect(ids(index, '毅')).toHaveLength(4);
    expect(ids(index, 'LAVR')).toEqual(['new-body']);
    expect(ids(index, 'avrov')).toEqual([]);
    expect(ids(index, '97.0.2')).toEqual(['newest-body']);
    expect(ids(index, '97.0')).toEqual(['newest-body']);
    expect(ids(index, '97.1')).toEqual([]);
    expect(ids(index, 'covid-19')).toEqual(['newest-body']);
    expect(ids(index, 'zoe')).toEqual(['newest-body']);
    expect(ids(index, '科技')).toEqual(['newest-body']);
  });

  it('requires every term, and phrases in order', () => {
    expect(ids(index, '王毅 lavrov')).toEqual(['new-body']);
    expect(ids(index, '"high level"')).toEqual(['new-body']);
    expect(ids(index, '"level high"')).toEqual([]);
    expect(ids(index, '"high lev"')).toEqual([]);
    expect(ids(index, '"俄罗斯外长"')).toEqual(['old-title']);
    expect(ids(index, '外长 "拉夫罗夫"')).toEqual(['old-title']);
  });

  it('answers nothing for an empty query and repairs an unclosed quote with a notice', () => {
    expect(index.search({ text: '   ' })).toMatchObject({ total: 0, matches: [] });
    const repaired = index.search({ text: '"high level' });
    expect(repaired.total).toBe(1);
    expect(repaired.notices).toEqual([{ kind: 'unclosedQuote' }]);
  });

  it('filters by inclusive dates, category and stars, and reports bad dates', () => {
    expect(ids(index, '王毅', { filters: { from: '2022-01-01', to: '2022-01-01' } })).toEqual(['new-body']);
    expect(ids(index, '王毅', { filters: { category: '科技' } })).toEqual(['newest-body']);
    expect(ids(index, '王毅', { filters: { starredOnly: true } })).toEqual([]);
    const starred = index.search(
      { text: '王毅', filters: { starredOnly: true } },
      { isStarred: (id) => id === 'old-title' },
    );
    expect(starred.matches.map((m) => m.id)).toEqual(['old-title']);
    const bad = index.search({ text: '王毅', filters: { from: 'yesterday' } });
    expect(bad.total).toBe(4);
    expect(bad.notices).toEqual([{ kind: 'badDate', operator: 'from', value: 'yesterday' }]);
  });

  it('returns paths, ISO dates and a one-line snippet around the first body hit', () => {
    const [m] = index.search({ text: 'released' }).matches;
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

describe('SearchIndex.deserialize', () => {
  const index = new SearchIndex();
  index.addMany(syntheticArchive({ docs: 50, bodyChars: 100, seed: 1 }));
  const bytes = index.serialize();

  it('rejects damaged, truncated, foreign and future data with a clear error', () => {
    const flipped = bytes.slice();
    flipped[Math.floor(bytes.length / 2)]! ^= 0x10;
    expect(() => SearchIndex.deserialize(flipped)).toThrow(/damaged.*checksum/);
    expect(() => SearchIndex.deserialize(bytes.subarray(0, bytes.length - 3))).toThrow(/damaged/);
    expect(() => SearchIndex.deserialize(new TextEncoder().encode('{"not":"an index"}'))).toThrow(/damaged/);
    expect(() => SearchIndex.deserialize(new Uint8Array(0))).toThrow(/damaged/);
    const future = bytes.slice();
    future[4] = 99;
    expect(() => SearchIndex.deserialize(future)).toThrow(/version 99/);
  });

  it('reads data that does not start on a 4-byte boundary', () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(SearchIndex.deserialize(shifted.subarray(1)).size).toBe(50);
  });
});

describe('SearchIndex character and run edge cases', () => {
  const docs = [
    doc('laugh', '哈哈哈', '他笑了：哈哈，哈', Date.UTC(2021, 0, 3)),
    doc('edge', '标题结尾', '开头正文以人', Date.UTC(2021, 0, 2), { author: '作者甲' }),
    doc('mixed', 'Mixed 中文title', 'iPhone发布会在上海举行，价格5999元。', Date.UTC(2021, 0, 1)),
  ];
  const index = new SearchIndex();
  index.addMany(docs);

  it('agrees with brute force on repeated characters, field edges and mixed scripts', () => {
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
      expect({ text, ids: ids(index, text) }).toEqual({ text, ids: bruteForceSearch(docs, text).ids });
    }
    expect(ids(index, '尾开')).toEqual([]);
    expect(ids(index, '哈哈哈')).toEqual(['laugh']);
  });

  it('keeps one-character lists exact through removal, re-adding and a serialize round trip', () => {
    const live = new SearchIndex();
    live.addMany(docs);
    live.remove('laugh');
    live.add(doc('laugh2', '笑', '哈', Date.UTC(2022, 0, 1)));
    const copy = SearchIndex.deserialize(live.serialize());
    for (const index of [live, copy]) {
      expect(ids(index, '哈')).toEqual(['laugh2']);
      expect(ids(index, '人')).toEqual(['edge']);
      expect(index.search({ text: '元' }).total).toBe(1);
    }
  });
});
