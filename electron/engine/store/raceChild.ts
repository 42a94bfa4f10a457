// Helper process for storeRace.test.ts: one of two writers (the app and the CLI beside it) changing
// the same user-data file at once. It marks read (or stars) its own articles one at a time, each
// change on disk before the next starts, and exits; the test then checks that no change was lost.
// Usage: node --import tsx raceChild.ts read|star DATA_DIR FIRST COUNT [COMPACT_SLACK_BYTES]

import { ReadStore } from './ReadStore';
import { StarStore } from './StarStore';
import { syntheticArticle } from './syntheticArticle';

const [kind, dataDir, firstText, countText, slackText] = process.argv.slice(2);
if ((kind !== 'read' && kind !== 'star') || !dataDir || !firstText || !countText) {
  process.stderr.write('usage: raceChild.ts read|star DATA_DIR FIRST COUNT\n');
  process.exit(2);
}

const first = Number(firstText);
const count = Number(countText);
if (kind === 'read') {
  // A negative slack compacts the log (rewrites it and renames it over) on every change, as the app
  // does now and then; a large one only appends, as the CLI does.
  const store = await ReadStore.open(dataDir, { compactSlackBytes: Number(slackText ?? 0) });
  for (let n = first; n < first + count; n++) {
    const a = syntheticArticle(n);
    await store.setRead([{ id: a.id, contentHash: a.contentHash }], true);
  }
} else {
  const store = await StarStore.open(dataDir);
  for (let n = first; n < first + count; n++) await store.star(syntheticArticle(n));
}
