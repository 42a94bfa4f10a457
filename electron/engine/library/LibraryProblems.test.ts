import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryEvent } from '../../../shared/contract';
import type { Problem } from '../../../shared/types';
import { LibraryProblems, libraryWarning, userDataProblem } from './LibraryProblems';
import { LibraryState } from './LibraryState';

const broken: Problem = {
  path: '/lib/a.md',
  message: 'The YAML is broken.',
  severity: 'error',
  code: 'yaml-syntax',
  params: {},
};

describe('LibraryProblems', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells the window once per burst: the library warnings first, then the articles problems', () => {
    const state = new LibraryState();
    const events: LibraryEvent[] = [];
    const problems = new LibraryProblems(state, (event) => events.push(event));
    problems.addQuietly([
      userDataProblem({ path: '/data/stars.json', message: 'Not JSON.', code: 'bad-json' }),
    ]);
    state.addProblem(broken);
    problems.warn(libraryWarning('watch', 'The watcher fell back to polling.', '/lib'));
    problems.changed();
    problems.changed();
    expect(events).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(events).toHaveLength(1);
    const event = events[0] as Extract<LibraryEvent, { type: 'problems' }>;
    expect(event.problems.map((p) => p.code)).toEqual(['user-data', 'watch', 'yaml-syntax']);
    expect(event.problems[0]).toMatchObject({
      severity: 'warning',
      params: { kind: 'bad-json', detail: 'Not JSON.' },
    });
    expect(event.problems[1]).toMatchObject({
      path: '/lib',
      params: { detail: 'The watcher fell back to polling.' },
    });
  });

  it('sends nothing after close', () => {
    const events: LibraryEvent[] = [];
    const problems = new LibraryProblems(new LibraryState(), (event) => events.push(event));
    problems.warn(libraryWarning('cache', 'The cache could not be saved.'));
    problems.close();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });
});
