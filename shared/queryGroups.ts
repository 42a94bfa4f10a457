// How a parsed query's clauses combine (parseQuery.ts): clauses of one group are alternatives (OR),
// groups are all required (AND), a negated group must not match, and a field clause (author:x) only
// counts inside its field. Shared by both engines, which find candidates their own way and then decide
// here, on the document's folded fields joined as  title \0 author \0 category \0 ... \0 text .

import type { TextMatcher } from './ExactMatcher';
import type { QueryClause, QueryField } from './parseQuery';

export interface ClauseGroup {
  /** Indexes into the clause list. */
  members: number[];
  negated: boolean;
}

export function groupsOf(clauses: readonly QueryClause[]): ClauseGroup[] {
  const groups: ClauseGroup[] = [];
  let last = -1;
  clauses.forEach((clause, i) => {
    if (clause.group !== last || groups.length === 0) {
      groups.push({ members: [i], negated: clause.negated });
      last = clause.group;
    } else groups[groups.length - 1]!.members.push(i);
  });
  return groups;
}

/** Where the fields of one document lie in its joined folded text. */
export interface FieldLayout {
  titleLen: number;
  authorLen: number;
  categoryLens: readonly number[];
}

export function layoutOf(
  title: string,
  author: string | undefined,
  categories: readonly string[],
): FieldLayout {
  return {
    titleLen: title.length,
    authorLen: author?.length ?? 0,
    categoryLens: categories.map((c) => c.length),
  };
}

/** [from, to) ranges in which a clause of `field` may start (the whole text when there is no field). */
function fieldRanges(layout: FieldLayout, field: QueryField | undefined, length: number): [number, number][] {
  if (field === undefined) return [[0, length]];
  const out: [number, number][] = [];
  const authorStart = layout.titleLen + 1;
  const authorEnd = authorStart + layout.authorLen;
  if (field !== 'category' && authorEnd > authorStart) out.push([authorStart, authorEnd]);
  if (field !== 'author') {
    let at = authorEnd + 1;
    for (const len of layout.categoryLens) {
      if (len > 0) out.push([at, at + len]);
      at += len + 1;
    }
  }
  return out;
}

/** Whether the clause occurs where it must (its field, or anywhere). */
function clauseFound(
  matcher: TextMatcher,
  field: QueryField | undefined,
  folded: string,
  layout: FieldLayout,
): boolean {
  for (const [from, to] of fieldRanges(layout, field, folded.length)) {
    if (matcher.find(folded, from, to) >= 0) return true;
  }
  return false;
}

/** Whether some alternative of the group occurs (negation is the caller's). */
export function groupFound(
  group: ClauseGroup,
  clauses: readonly QueryClause[],
  matchers: readonly TextMatcher[],
  folded: string,
  layout: FieldLayout,
): boolean {
  return group.members.some((i) => clauseFound(matchers[i]!, clauses[i]!.field, folded, layout));
}

/** The clauses whose matches are highlighted: those searched for, not excluded or field-bound. */
export function highlighted<T>(clauses: readonly QueryClause[], matchers: readonly T[]): T[] {
  return matchers.filter((_, i) => !clauses[i]!.negated && clauses[i]!.field === undefined);
}
