import type { Problem, ProblemSeverity } from '../../../shared/types';

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

/** Collects problems for one file so helpers need not know the path. */
export class ProblemList {
  readonly items: Problem[] = [];
  constructor(readonly path: string) {}

  warn(code: string, message: string, line?: number): void {
    this.items.push(makeProblem(this.path, code, 'warning', message, line));
  }

  error(code: string, message: string, line?: number): void {
    this.items.push(makeProblem(this.path, code, 'error', message, line));
  }
}
