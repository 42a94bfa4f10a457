// Helper process for Library.resume.test.ts: opens a library (the database on disk, not watched)
// and reports "ok N" each time the list has grown to N articles: every listed article was committed
// to the database first. Stays alive once the scan is done, so the test always kills it.
// Usage: node --import tsx resumeChild.ts ARCHIVE DATA_DIR

import { sayToParent as say } from '../testing/sayToParent';
import { Library } from './Library';

const [archive, dataDir] = process.argv.slice(2);
if (!archive || !dataDir) {
  process.stderr.write('usage: resumeChild.ts ARCHIVE DATA_DIR\n');
  process.exit(2);
}
say('start 0');
let listed = 0;
await Library.open({ dataDir, roots: [archive], watch: false }, (event) => {
  if (event.type !== 'articles-upserted') return;
  listed += event.articles.length;
  say(`ok ${listed}`);
});
setInterval(() => undefined, 60_000);
