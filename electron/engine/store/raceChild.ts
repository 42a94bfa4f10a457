// Helper process for storeRace.test.ts: one of two writers (the app and the CLI beside it) changing
// the same user-data file at once. It marks read (or stars) its own articles one at a time, each
// change on disk before the next starts, and exits; the test then checks that no change was lost.
// Usage: node --import tsx raceChild.ts read|star DATA_DIR FIRST COUNT [COMPACT_SLACK_BYTES]

import type { ArticleSummary } from '../../../shared/types';
import { ReadStore } from './ReadStore';
import { StarStore } from './StarStore';

const [kind, dataDir, firstText, countText, slackText] = process.argv.slice(2);
if ((kind !== 'read' && kind !== 'star') || !dataDir || !firstText || !countText) {
  process.stderr.write('usage: raceChild.ts read|star DATA_DIR FIRST COUNT\n');
  process.exit(2);
}

function article(n: number): ArticleSummary {
  const id = n.toString(16).padStart(16, '0');
  return {
    id,
    contentHash: `c${id.slice(1)}`,
    path: `/archive/article-${n}.md`,
    root: '/archive',
    title: `Article ${n}`,
    date: '2022-08-06T04:07:06.000Z',
    dateSource: 'front-matter',
    categories: [],
    images: {},
    chars: 10,
    excerpt: '',
    bodyFormat: 'markdown',
    mtimeMs: 0,
    size: 10,
    degraded: false,
  };
}

const first = Number(firstText);
const count = Number(countText);
if (kind === 'read') {
  // A negative slack compacts the log (rewrites it and renames it over) on every change, as the app
  // does now and then; a large one only appends, as the CLI does.
  const store = await ReadStore.open(dataDir, { compactSlackBytes: Number(slackText ?? 0) });
  for (let n = first; n < first + count; n++) {
    const a = article(n);
    await store.setRead([{ id: a.id, contentHash: a.contentHash }], true);
  }
} else {
  const store = await StarStore.open(dataDir);
  for (let n = first; n < first + count; n++) await store.star(article(n));
}
