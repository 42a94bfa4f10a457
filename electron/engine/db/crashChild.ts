// Helper process for LibraryDb.crash.test.ts: writes batches to a library database in a loop and
// reports each step before it is written ("will N") and once its transaction committed ("ok N").
// Step N adds 20 articles containing the word batchN and removes the 20 of step N-2. The test
// SIGKILLs it at random moments and checks the database against these reports.
// Usage: node --import tsx crashChild.ts DB_PATH SEED

import { sayToParent as say } from '../testing/sayToParent';
import { seededRandom } from '../testing/seededRandom';
import { LibraryDb } from './LibraryDb';
import { storedArticle } from './testing/dbArticles';

const [path, seedText] = process.argv.slice(2);
if (!path || !seedText) {
  process.stderr.write('usage: crashChild.ts DB_PATH SEED\n');
  process.exit(2);
}
const random = seededRandom(Number(seedText));
const PER_STEP = 20;
const paths = (step: number) => Array.from({ length: PER_STEP }, (_, j) => `/lib/${step}/${j}.md`);

const db = LibraryDb.open(path, 'crash-test');
say(`start ${db.articleCount}`);
for (let step = 1; ; step++) {
  const articles = paths(step).map((p, j) => {
    // Long bodies, so a batch takes long enough to be killed in the middle of it.
    let text = `batch${step} `;
    while (text.length < 3000) text += `中国新闻${Math.floor(random() * 1e6)}合作发展，`;
    return storedArticle({
      id: `s${step}-${j}`,
      path: p,
      title: `第${step}批`,
      text,
      categories: ['金融'],
      dateMs: Date.UTC(2024, 0, 1) + Math.floor(random() * 1e9),
    });
  });
  say(`will ${step}`);
  db.write({ articles, failed: [], removed: step > 2 ? paths(step - 2) : [] });
  say(`ok ${step}`);
}
