import type { ProblemCode, ProblemParams } from '../../../shared/problemCodes';
import type { Problem, ProblemSeverity } from '../../../shared/types';
import { MAX_PROBLEMS_PER_FILE } from './limits';

/**
 * Builds a Problem; `line` is 1-based and left out when the problem has no place in the file;
 * `params` are the specifics the message names, for the window's translation (shared/problemCodes).
 */
export function makeProblem(
  path: string,
  code: ProblemCode,
  severity: ProblemSeverity,
  message: string,
  line?: number,
  params?: ProblemParams,
): Problem {
  const problem: Problem = { path, message, severity, code };
  if (line !== undefined) problem.line = line;
  if (params !== undefined) problem.params = params;
  return problem;
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

  warn(code: ProblemCode, message: string, line?: number, params?: ProblemParams): void {
    if (this.warnings < MAX_PROBLEMS_PER_FILE) {
      this.warnings++;
      this.items.push(makeProblem(this.path, code, 'warning', message, line, params));
      return;
    }
    const more = ++this.warnings - MAX_PROBLEMS_PER_FILE;
    const text =
      `…and ${more} more warning${more === 1 ? '' : 's'} in this file, not listed: only the first ` +
      `${MAX_PROBLEMS_PER_FILE} are shown. Fix those and the rest will show.`;
    const summaryParams = { count: more, limit: MAX_PROBLEMS_PER_FILE };
    if (this.summary) {
      this.summary.message = text;
      this.summary.params = summaryParams;
    } else {
      this.summary = makeProblem(this.path, 'more-problems', 'warning', text, undefined, summaryParams);
      this.items.push(this.summary);
    }
  }

  error(code: ProblemCode, message: string, line?: number, params?: ProblemParams): void {
    this.items.push(makeProblem(this.path, code, 'error', message, line, params));
  }
}
