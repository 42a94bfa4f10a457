import { describe, expect, it } from 'vitest';
import { ClauseMatcher } from '../../../shared/ClauseMatcher';
import { parseQuery } from '../../../shared/parseQuery';
import { groupsOf } from '../../../shared/queryGroups';
import { relevanceScore } from './relevance';

/** Score of a document given as title and body (no author or categories). */
function score(query: string, title: string, text: string): number {
  const { clauses } = parseQuery(query);
  const wanted = groupsOf(clauses).filter((g) => !g.negated);
  const folded = `${title}\u0000\u0000${text}`.toLowerCase();
  return relevanceScore(
    folded,
    title.length,
    wanted,
    clauses,
    clauses.map((c) => new ClauseMatcher(c)),
  );
}

describe('relevance', () => {
  it('puts title matches first, then closeness of the terms, then how often they occur', () => {
    const inTitle = score('王毅 拉夫罗夫', '王毅会见', '拉夫罗夫');
    const close = score('王毅 拉夫罗夫', '新闻', '王毅会见拉夫罗夫');
    const far = score('王毅 拉夫罗夫', '新闻', `王毅${'。'.repeat(300)}拉夫罗夫`);
    const often = score('王毅 拉夫罗夫', '新闻', `王毅${'。'.repeat(300)}拉夫罗夫 王毅 王毅`);
    expect(inTitle).toBeGreaterThan(close);
    expect(close).toBeGreaterThan(often);
    expect(often).toBeGreaterThan(far);
  });

  it('counts a term up to ten times, and excluded or field-bound terms not at all', () => {
    expect(score('a', '', 'a '.repeat(50))).toBe(score('a', '', 'a '.repeat(10)));
    expect(score('a -b', '', 'a b b b')).toBe(score('a', '', 'a b b b'));
    expect(score('a author:b', 'b', 'a')).toBe(score('a', 'b', 'a'));
  });
});
