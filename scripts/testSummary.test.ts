import { describe, expect, it } from 'vitest';
import { summarize } from './testSummary';

describe('summarize', () => {
  it('counts a test that passed on retry as flaky and names it', () => {
    const e2e = {
      stats: { expected: 40, unexpected: 0, flaky: 1, skipped: 2 },
      suites: [
        {
          title: 'search.spec.ts',
          specs: [
            { title: 'finds Chinese runs', tests: [{ status: 'expected' }] },
            { title: 'highlights matches', tests: [{ status: 'flaky' }] },
          ],
          suites: [{ title: 'nested', specs: [{ title: 'skipped one', tests: [{ status: 'skipped' }] }] }],
        },
      ],
    };
    expect(summarize(null, e2e)).toEqual([
      'e2e: 40 passed, 0 failed, 2 skipped',
      'e2e flaky (passed only on a retry): 1',
      '  flaky: search.spec.ts › highlights matches',
    ]);
  });

  it('prints the unit line from vitest’s report', () => {
    expect(
      summarize({ numPassedTests: 612, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1 }, null),
    ).toEqual(['unit: 612 passed, 1 failed, 3 skipped']);
  });
});
