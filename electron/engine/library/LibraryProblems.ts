// What the Library panel lists as problems: the articles' own (kept in LibraryState, per file) after
// the library's warnings (unreadable user data, the watcher, the cache, the picture cache). The window
// hears of a change at most every 200 ms, so a burst of broken files is one event.

import type { LibraryEvent } from '../../../shared/contract';
import type { Problem } from '../../../shared/types';
import type { LibraryState } from './LibraryState';

const EMIT_AFTER_MS = 200;

/** A store's warning (settings, stars, read marks that could not be read as written) as a problem. */
export function userDataProblem(warning: { path: string; message: string; code: string }): Problem {
  return {
    path: warning.path,
    message: warning.message,
    severity: 'warning',
    code: 'user-data',
    params: { kind: warning.code, detail: warning.message },
  };
}

/** A warning of the library's own (`code` says whose) with its message as the detail. */
export function libraryWarning(
  code: Problem['code'],
  message: string,
  path = '',
  severity: Problem['severity'] = 'warning',
): Problem {
  return { path, message, severity, code, params: { detail: message } };
}

export class LibraryProblems {
  private readonly warnings: Problem[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly state: LibraryState,
    private readonly emit: (event: LibraryEvent) => void,
  ) {}

  /** The library's warnings first, then the articles' problems. */
  all(): Problem[] {
    return [...this.warnings, ...this.state.problems()];
  }

  warn(problem: Problem): void {
    this.warnings.push(problem);
    this.changed();
  }

  /** Records warnings found while opening, before anyone listens (no event). */
  addQuietly(problems: readonly Problem[]): void {
    this.warnings.push(...problems);
  }

  /** The problems changed: the window hears of it soon, once. */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.emit({ type: 'problems', problems: this.all() });
    }, EMIT_AFTER_MS);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
