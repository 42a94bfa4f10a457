// Prints one plain line per test suite ("unit: 612 passed, 0 failed, 3 skipped") from the JSON
// reports that `npm test` writes, so CI logs end with a count any reader can check. A test that
// failed and then passed on a retry is flaky, not passed: it is counted apart and named.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

interface PlaywrightSuite {
  title: string;
  specs?: { title: string; tests: { status: string; projectName?: string }[] }[];
  suites?: PlaywrightSuite[];
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites?: PlaywrightSuite[];
}

function flakyTitles(suites: PlaywrightSuite[] | undefined, path: string[] = []): string[] {
  const out: string[] = [];
  for (const suite of suites ?? []) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests) if (test.status === 'flaky') out.push([...here, spec.title].join(' › '));
    out.push(...flakyTitles(suite.suites, here));
  }
  return out;
}

export function summarize(unit: VitestReport | null, e2e: PlaywrightReport | null): string[] {
  const lines: string[] = [];
  if (unit)
    lines.push(
      `unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed, ${unit.numPendingTests + unit.numTodoTests} skipped`,
    );
  if (e2e) {
    const s = e2e.stats;
    // The counts line keeps the plain 'N passed, N failed, N skipped' shape CI tools read; flaky tests
    // (passed only on a retry) are not among the passed and get a line of their own.
    lines.push(`e2e: ${s.expected} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
    if (s.flaky > 0) lines.push(`e2e flaky (passed only on a retry): ${s.flaky}`);
    for (const title of flakyTitles(e2e.suites)) lines.push(`  flaky: ${title}`);
  }
  return lines;
}

const read = <T>(path: string): T | null =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lines = summarize(
    read<VitestReport>('out/test-results/unit.json'),
    read<PlaywrightReport>('out/test-results/e2e.json'),
  );
  console.log(lines.join('\n'));
}
