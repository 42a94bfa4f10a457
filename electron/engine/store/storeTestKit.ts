// Test helpers shared by the user-data stores' tests (stars, read marks): a temporary data folder
// per test, a fixed clock, article summaries and the library lookup the stores follow them by.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { ArticleSummary } from '../../../shared/types';
import type { ArticleLookup } from './articleIdentity';

/** A fresh data folder for each test (made before it, removed after it): call at a file's top level. */
export function tempDataDirPerTest(prefix: string): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

export const fixedNow = { now: () => new Date('2026-11-05T10:20:30.123Z') };

/** A seed-like summary of article `id` in /lib, its content hash `hash-<id>`. */
export function summary(id: string, over: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    contentHash: `hash-${id}`,
    path: `/lib/${id}.md`,
    root: '/lib',
    title: `Title ${id}`,
    date: '2022-08-06T04:07:06.000Z',
    dateSource: 'front-matter',
    categories: [],
    images: {},
    chars: 100,
    excerpt: '',
    bodyFormat: 'html',
    mtimeMs: 1,
    size: 100,
    degraded: false,
    ...over,
  };
}

/** The library as the stores see it: these articles, found by id, content hash or path. */
export function lookupOf(articles: ArticleSummary[], complete?: boolean): ArticleLookup {
  return {
    byId: (id) => articles.find((a) => a.id === id),
    byContentHash: (hash) => articles.filter((a) => a.contentHash === hash),
    byPath: (path) => articles.find((a) => a.path === path),
    complete,
  };
}
