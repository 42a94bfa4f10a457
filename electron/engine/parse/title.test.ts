import { describe, expect, it } from 'vitest';
import { MAX_TITLE_CHARS } from './limits';
import { ProblemList } from './problems';
import { codePointLength } from './text';
import { resolveTitle, type TitleSources } from './title';

const base: TitleSources = {
  frontMatter: '',
  firstHeading: '',
  documentTitle: '',
  text: '',
  path: '/lib/a/Against SQL.md',
};

function title(sources: Partial<TitleSources>) {
  const problems = new ProblemList('/lib/a.md');
  return { title: resolveTitle({ ...base, ...sources }, problems), problems: problems.items };
}

describe('resolveTitle', () => {
  it('prefers front matter, then heading, then <title>, then first line, then file name', () => {
    const all = { frontMatter: 'FM', firstHeading: 'H', documentTitle: 'T', text: 'line one\nline two' };
    expect(title(all).title).toBe('FM');
    expect(title({ ...all, frontMatter: '  ' }).title).toBe('H');
    expect(title({ ...all, frontMatter: '', firstHeading: '' }).title).toBe('T');
    expect(title({ text: 'line one\nline two' }).title).toBe('line one');
    expect(title({}).title).toBe('Against SQL');
    expect(title({ path: '/lib/ .md' }).title).toBe('Untitled');
  });

  it('cuts very long titles at the limit with a warning, never splitting a surrogate pair', () => {
    const { title: t, problems } = title({ frontMatter: '😀'.repeat(MAX_TITLE_CHARS + 50) });
    expect(codePointLength(t)).toBe(MAX_TITLE_CHARS);
    expect(t.endsWith('😀…')).toBe(true);
    expect(problems).toMatchObject([{ code: 'title-too-long', severity: 'warning' }]);
  });
});
