import { describe, expect, it } from 'vitest';
import { isPlaceholderImageUrl, normalizeImageUrl, readFields } from './fields';
import { MAX_CATEGORIES, MAX_EXTRA_KEYS, MAX_EXTRA_STRING_CHARS } from './limits';
import { ProblemList } from './problems';

function read(data: Record<string, unknown>) {
  const problems = new ProblemList('/lib/a.md');
  return { fields: readFields(data, problems), problems: problems.items };
}

describe('readFields', () => {
  it('reads the seed fields', () => {
    const { fields, problems } = read({
      title: '王毅会见俄罗斯外长拉夫罗夫',
      categories: ['金融', '新浪财经'],
      headimg: 'https://n.sinaimg.cn/a.jpg',
      author: '新浪财经',
      comments: false,
      date: 'Sat, 06 Aug 2022 04:07:06 GMT',
      thumbnail: '//n.sinaimg.cn/b.jpg',
    });
    expect(problems).toEqual([]);
    expect(fields).toEqual({
      title: '王毅会见俄罗斯外长拉夫罗夫',
      date: 'Sat, 06 Aug 2022 04:07:06 GMT',
      author: '新浪财经',
      categories: ['金融', '新浪财经'],
      images: { head: 'https://n.sinaimg.cn/a.jpg', thumbnail: 'https://n.sinaimg.cn/b.jpg' },
      extra: { comments: false },
    });
  });

  it('decodes entities and collapses whitespace (incl. blank lines) in titles', () => {
    expect(read({ title: 'A &amp; B\n\n  C&#x4E2D;' }).fields.title).toBe('A & B C中');
  });

  it('coerces numbers and lists, and falls back with a warning for objects', () => {
    expect(read({ title: 2021 }).fields.title).toBe('2021');
    expect(read({ title: ['Part', 1] }).fields.title).toBe('Part 1');
    expect(read({ title: true }).fields.title).toBe('true');
    const odd = read({ title: { a: 1 } });
    expect(odd.fields.title).toBe('');
    expect(odd.problems).toMatchObject([{ code: 'title-type', severity: 'warning' }]);
    expect(read({ author: 42 }).fields.author).toBe('42');
    expect(read({ author: ['A', 'B'] }).fields.author).toBe('A, B');
    expect(read({ authors: [{ name: 'A' }, 'B'] }).fields.author).toBe('A, B');
    expect(read({ author: { name: 'x' } }).fields.author).toBe('x');
    expect(read({ author: { id: 7 } }).problems).toMatchObject([{ code: 'author-type' }]);
    expect(read({ author: '' }).fields.author).toBeUndefined();
  });

  it('accepts category (hkcnews) as well as categories, single or listed, nested or not', () => {
    expect(read({ category: '眾說' }).fields.categories).toEqual(['眾說']);
    expect(read({ categories: 'News' }).fields.categories).toEqual(['News']);
    expect(read({ categories: [['A', 'B'], 'C', 'A', '', null, 7] }).fields.categories).toEqual([
      'A',
      'B',
      'C',
      '7',
    ]);
    expect(read({}).fields.categories).toEqual([]);
    expect(read({ categories: [true, new Date('2022-08-06T00:00:00Z')] }).fields.categories).toEqual([
      'true',
      '2022-08-06',
    ]);
  });

  it('reports categories it had to leave out, and only those', () => {
    expect(read({ categories: ['A', '', null] }).problems).toEqual([]);
    const odd = read({ categories: ['A', { name: 'B' }, [[['too deep']]]] });
    expect(odd.fields.categories).toEqual(['A']);
    expect(odd.problems).toMatchObject([
      { code: 'categories-type', severity: 'warning', message: expect.stringMatching(/^2 categories/) },
    ]);
    expect(read({ categories: { a: 1 } }).problems).toMatchObject([
      { code: 'categories-type', message: expect.stringMatching(/^One category/) },
    ]);

    const many = Array.from({ length: MAX_CATEGORIES + 5 }, (_, i) => `c${i}`);
    const cut = read({ categories: [...many.slice(0, MAX_CATEGORIES), 'c0', 'c1'] });
    expect(cut.fields.categories).toHaveLength(MAX_CATEGORIES);
    expect(cut.problems).toEqual([]); // repeats of kept names lose nothing
    const over = read({ categories: many });
    expect(over.fields.categories).toEqual(many.slice(0, MAX_CATEGORIES));
    expect(over.problems).toMatchObject([{ code: 'categories-truncated' }]);
  });

  it('keeps tags and unknown fields in extra', () => {
    const { fields } = read({ tags: ['歐盟', '稅制'], url: 'https://x', category: 'c' });
    expect(fields.extra).toEqual({ tags: ['歐盟', '稅制'], url: 'https://x' });
  });

  it('keeps only http(s) and protocol-relative image URLs, dropping empties and placeholders', () => {
    const { fields } = read({
      headimg: 'javascript:alert(1)',
      thumbnail: '',
      cover: 'file:///etc/passwd',
      image: 'HTTP://ok.example/x.png',
    });
    expect(fields.images).toEqual({ image: 'HTTP://ok.example/x.png' });
    expect(
      read({ thumbnail: 'https://file.digitaling.com/images/common/loadimg.gif' }).fields.images,
    ).toEqual({});
    expect(read({ headimg: 'https://www.jianshu.com/p/undefined' }).fields.images).toEqual({});
    expect(read({ headimg: 42 }).fields.images).toEqual({});
  });

  it('reports an image it cannot show, but not a scraper placeholder or an empty field', () => {
    expect(read({ headimg: 'https://x/p/undefined', thumbnail: '', cover: null }).problems).toEqual([]);
    const local = read({ cover: '/images/cover.jpg' });
    expect(local.problems).toMatchObject([
      {
        code: 'image-url',
        severity: 'warning',
        message: expect.stringContaining('"cover" ("/images/cover.jpg") is not a web address'),
      },
    ]);
    expect(read({ headimg: 'javascript:alert(1)' }).problems).toMatchObject([{ code: 'image-url' }]);
    expect(read({ image: `https://x/${'a'.repeat(5000)}` }).problems).toMatchObject([
      { code: 'image-url', message: expect.stringContaining('longer than 4,096 characters') },
    ]);
    expect(read({ thumbnail: ['https://a/1.jpg', 'https://a/2.jpg'] }).problems).toMatchObject([
      { code: 'image-type', message: expect.stringContaining('"thumbnail" is not text (it is a list)') },
    ]);
  });

  it('bounds extra: key count, string length, depth and total size', () => {
    const many: Record<string, unknown> = {};
    for (let i = 0; i < MAX_EXTRA_KEYS + 20; i++) many[`k${i}`] = i;
    const a = read(many);
    expect(Object.keys(a.fields.extra)).toHaveLength(MAX_EXTRA_KEYS);
    expect(a.problems).toMatchObject([{ code: 'extra-truncated' }]);

    const b = read({ long: 'x'.repeat(10_000) });
    expect((b.fields.extra.long as string).length).toBe(MAX_EXTRA_STRING_CHARS);

    let deep: unknown = 'bottom';
    for (let i = 0; i < 1000; i++) deep = { d: deep };
    const c = read({ deep });
    expect(JSON.stringify(c.fields.extra).length).toBeLessThan(200);

    const big: Record<string, unknown> = {};
    for (let i = 0; i < 40; i++) big[`k${i}`] = 'y'.repeat(1_900);
    expect(JSON.stringify(read(big).fields.extra).length).toBeLessThanOrEqual(32_000);
  });

  it('stores a __proto__ key as a plain field', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}');
    const { fields } = read(data);
    expect(Object.getPrototypeOf(fields.extra)).toBe(Object.prototype);
    expect((fields.extra as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(fields.extra)).toEqual(['__proto__', 'x']);
  });
});

describe('image URL helpers', () => {
  it('recognizes scraper placeholders', () => {
    expect(isPlaceholderImageUrl('data:image/gif;base64,R0lGOD')).toBe(true);
    expect(isPlaceholderImageUrl('https://x/images/common/loadimg.gif?v=1')).toBe(true);
    expect(isPlaceholderImageUrl('https://x/real.gif')).toBe(false);
  });
  it('makes protocol-relative URLs https', () => {
    expect(normalizeImageUrl(' //n.sinaimg.cn/a.jpg ')).toBe('https://n.sinaimg.cn/a.jpg');
    expect(normalizeImageUrl('/relative.jpg')).toBeUndefined();
  });
});
