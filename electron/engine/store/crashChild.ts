// Helper process for StarStore.crash.test.ts: toggles stars in a loop through a StarStore and
// reports each state before it is written ("will N [ids]") and once the write resolved ("ok N").
// The test SIGKILLs it at random moments and checks the file against these reports.
// Usage: node --import tsx crashChild.ts DATA_DIR SEED

import { sayToParent as say } from '../testing/sayToParent';
import { seededRandom } from '../testing/seededRandom';
import { StarStore } from './StarStore';
import { syntheticArticle } from './syntheticArticle';

const [dataDir, seedText] = process.argv.slice(2);
if (!dataDir || !seedText) {
  process.stderr.write('usage: crashChild.ts DATA_DIR SEED\n');
  process.exit(2);
}

// Deterministic, so a failing run can be replayed from its seed.
const random = seededRandom(Number(seedText));

// Synchronous writes: a line is in the pipe before the next step starts.

const store = await StarStore.open(dataDir);
const idsOf = (ids: string[]) => JSON.stringify([...ids].sort());
say(`start ${idsOf(store.entries().map((s) => s.id))}`);
for (let step = 1; ; step++) {
  const n = Math.floor(random() * 12);
  const article = syntheticArticle(n);
  const current = new Set(store.entries().map((s) => s.id));
  if (current.has(article.id)) current.delete(article.id);
  else current.add(article.id);
  say(`will ${step} ${idsOf([...current])}`);
  if (store.isStarred(article.id)) await store.unstar(article.id);
  else await store.star(article);
  say(`ok ${step}`);
}
