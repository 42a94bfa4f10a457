import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChunk } from '../scan/parseChunk';
import { SEED_DIR, SEED_NAMES } from '../testing/seeds';
import { articleTokens } from './ftsTokens';
import { LibraryDb } from './LibraryDb';
import { prepareText } from './preparedText';
import { unpackFields } from './storedText';

const library = SEED_DIR;
const seeds = SEED_NAMES.map((name) => join(SEED_DIR, name));

function parsed(forDatabase: boolean) {
  const result = parseChunk(
    { id: 1, jobs: seeds.map((path) => ({ path, root: library })) },
    { parse: {}, includeText: true, forDatabase },
  );
  expect(result.articles).toHaveLength(seeds.length);
  return result.articles;
}

describe('the stored text made in the parse workers', () => {
  it('is what the writer would make from the text, and the text itself is not sent', () => {
    const withText = parsed(false);
    const prepared = parsed(true);
    for (const [i, a] of prepared.entries()) {
      const text = withText[i]!.text!;
      expect(a.text).toBeUndefined();
      expect(a.prepared).toBeDefined();
      expect({ tokens: a.prepared!.tokens, unigrams: a.prepared!.unigrams }).toEqual(
        articleTokens({ ...a, text }),
      );
      expect(unpackFields(a.prepared!.body)).toEqual({ title: a.title, author: a.author ?? '', text });
      // Its own buffer, exactly as long as the data (a view into a bigger one is copied whole).
      expect(a.prepared!.body.buffer.byteLength).toBe(a.prepared!.body.byteLength);
      expect(prepareText({ ...a, text })).toEqual(a.prepared);
    }
  });

  it('gives the same database answers as the text written by the writer', () => {
    const answers = (articles: ReturnType<typeof parsed>) => {
      const db = LibraryDb.open(':memory:', 'test');
      db.write({
        articles: articles.map((a) => ({ ...a, text: a.text ?? '', problems: [] })),
        failed: [],
        removed: [],
      });
      const out = ['王毅', '拉夫罗夫', '"东亚合作"', '外'].map((text) => {
        const r = db.search({ text, limit: 10, order: 'newest' });
        return { total: r.total, ids: r.matches.map((m) => m.id), snippets: r.matches.map((m) => m.snippet) };
      });
      const stored = db.byPath(seeds[0]!)!.text;
      db.close();
      return { out, stored };
    };
    const fromText = answers(parsed(false));
    expect(fromText.out[0]!.total).toBeGreaterThan(0);
    expect(answers(parsed(true))).toEqual(fromText);
  });
});
