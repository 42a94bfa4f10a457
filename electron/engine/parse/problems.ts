import type { Problem, ProblemSeverity } from '../../../shared/types';
import { MAX_PROBLEMS_PER_FILE } from './limits';

/** Builds a Problem; `line` is 1-based and left out when the problem has no place in the file. */
export function makeProblem(
  path: string,
  code: string,
  severity: ProblemSeverity,
  message: string,
  line?: number,
): Problem {
  return line === undefined ? { path, message, severity, code } : { path, message, severity, line, code };
}

/**
 * Collects problems for one file so helpers need not know the path. At most MAX_PROBLEMS_PER_FILE
 * warnings are kept, then one `more-problems` warning counts the rest: 250 KB of bad YAML made 20,089
 * warnings and hid every other file's problems. Errors (why a file was skipped) are always kept.
 */
export class ProblemList {
  /** The same array for the list's whole life (an article may hold it before parsing ends). */
  readonly items: Problem[] = [];
  private warnings = 0;
  private summary: Problem | null = null;
  constructor(readonly path: string) {}

  warn(code: string, message: string, line?: number): void {
    if (this.warnings < MAX_PROBLEMS_PER_FILE) {
      this.warnings++;
      this.items.push(makeProblem(this.path, code, 'warning', message, line));
      return;
    }
    const more = ++this.warnings - MAX_PROBLEMS_PER_FILE;
    const text =
      `…and ${more} more warning${more === 1 ? '' : 's'} in this file, not listed: only the first ` +
      `${MAX_PROBLEMS_PER_FILE} are shown. Fix those and the rest will show.`;
    if (this.summary) this.summary.message = text;
    else {
      this.summary = makeProblem(this.path, 'more-problems', 'warning', text);
      this.items.push(this.summary);
    }
  }

  error(code: string, message: string, line?: number): void {
    this.items.push(makeProblem(this.path, code, 'error', message, line));
  }
}
