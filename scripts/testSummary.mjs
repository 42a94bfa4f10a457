// Prints one plain line per test suite ("unit: 612 passed, 0 failed, 3 skipped") from the JSON
// reports that `npm test` writes, so CI logs end with a count any reader can check.
import { existsSync, readFileSync } from 'node:fs';

const lines = [];
const unit = 'out/test-results/unit.json';
if (existsSync(unit)) {
  const r = JSON.parse(readFileSync(unit, 'utf8'));
  lines.push(
    `unit: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
  );
}
const e2e = 'out/test-results/e2e.json';
if (existsSync(e2e)) {
  const s = JSON.parse(readFileSync(e2e, 'utf8')).stats;
  lines.push(`e2e: ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
}
console.log(lines.join('\n'));
