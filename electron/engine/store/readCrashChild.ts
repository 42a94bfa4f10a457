// Helper process for ReadStore.crash.test.ts: marks articles read and unread (one at a time, and
// in batches like "mark all as read") through a ReadStore that compacts its log often, and reports
// each state before it is written ("will N [ids]") and once the write resolved ("ok N").
// The test SIGKILLs it at random moments and checks the file against these reports.
// Usage: node --import tsx readCrashChild.ts DATA_DIR SEED

import { sayToParent as say } from '../testing/sayToParent';
import { seededRandom } from '../testing/seededRandom';
import { ReadStore } from './ReadStore';

const [dataDir, seedText] = process.argv.slice(2);
if (!dataDir || !seedText) {
  process.stderr.write('usage: readCrashChild.ts DATA_DIR SEED\n');
  process.exit(2);
}

const random = seededRandom(Number(seedText));
const target = (n: number) => {
  const id = n.toString(16).padStart(16, '0');
  return { id, contentHash: `c${id.slice(1)}` };
};
const readIds = (store: ReadStore) =>
  JSON.stringify(
    [...store.all()]
      .filter((m) => m.read)
      .map((m) => m.id)
      .sort(),
  );

// A small slack: the log is compacted (rewritten atomically) every few dozen changes.
const store = await ReadStore.open(dataDir, { compactSlackBytes: 1500 });
say(`start ${readIds(store)}`);
for (let step = 1; ; step++) {
  const batch = random() < 0.2;
  const targets = batch
    ? Array.from({ length: 2 + Math.floor(random() * 10) }, () => target(Math.floor(random() * 40)))
    : [target(Math.floor(random() * 40))];
  const read = batch ? random() < 0.7 : !store.isRead(targets[0]!.id);
  const next = new Set([...store.all()].filter((m) => m.read).map((m) => m.id));
  for (const t of targets) {
    if (read) next.add(t.id);
    else next.delete(t.id);
  }
  say(`will ${step} ${JSON.stringify([...next].sort())}`);
  await store.setRead(targets, read);
  if (random() < 0.2) await store.setProgress(targets[0]!, random());
  say(`ok ${step}`);
}
