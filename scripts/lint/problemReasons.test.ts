// The engine and the window agree on problems: every problem the engine reports on a set of bad
// files reads in Chinese with the specifics it was reported with (the line, the field, the value,
// the parser's words), and no template is left with a hole. Lives here, beside the layer checks,
// because it imports both sides (the engine and the renderer may not import each other).

import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../electron/engine/parse/parseArticle';
import { unreadable } from '../../electron/engine/parse/readArticleFile';
import { rawFile } from '../../electron/engine/parse/testSupport';
import { problemReason } from '../../renderer/src/i18n/problemText';
import type { Problem } from '../../shared/types';

const BAD_FILES: [name: string, text: string | Uint8Array, path?: string][] = [
  ['yaml error', '---\ntitle: ok\ndate: [unclosed\nauthor: A\n---\nbody'],
  ['unclosed front matter', '---\ntitle: never closed\nbody'],
  ['js front matter', '---js\n{ title: "x" }\n---\nbody'],
  ['toml error', '+++\ntitle = \n+++\nbody'],
  ['json error', '{\n"title": "x",\n}\nbody'],
  ['unreadable date', '---\ntitle: t\ndate: someday soon\n---\nbody', '/library/2016-08-21-x.md'],
  ['unreadable date, no day in the path', '---\ntitle: t\ndate: someday soon\n---\nbody'],
  ['image not a web address', '---\ntitle: t\ncover: C:\\pics\\a.jpg\n---\nbody'],
  ['image not text', '---\ntitle: t\ncover: [1, 2]\n---\nbody'],
  ['title not text', '---\ntitle: {a: 1}\n---\nbody'],
  ['category not text', '---\ntitle: t\ncategories:\n  - {a: 1}\n---\nbody'],
  ['binary', new Uint8Array([0x50, 0, 0, 0, 0x4b, 3, 4, 0, 0, 0])],
  ['control bytes', `---\ntitle: t\n---\nline one\n${'\x10'.repeat(700)}\nline two and more text here`],
  ['shape', '---\n- a\n- b\n---\nbody'],
];

const problemsOf = (text: string | Uint8Array, path?: string): Problem[] =>
  parseArticle(rawFile(text, path)).problems;

describe('problem reasons in Chinese, from what the engine really reports', () => {
  const seen = new Set<string>();
  it.each(BAD_FILES)('%s', (_name, text, path) => {
    const problems = problemsOf(text, path);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      seen.add(problem.code);
      const zh = problemReason(problem, 'zh-CN');
      expect(zh, problem.message).not.toBe(problem.message); // translated, not the English fallback
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toMatch(/undefined|\{\w+\}/);
      if (problem.line !== undefined && problem.params?.line !== undefined)
        expect(zh).toContain(String(problem.line));
      for (const key of ['detail', 'value', 'field', 'day', 'zone', 'language'] as const) {
        const value = problem.params?.[key];
        if (typeof value === 'string' && value !== '') expect(zh, key).toContain(value);
      }
      expect(problemReason(problem, 'en')).toBe(problem.message);
    }
  });

  it('keeps the errno of a file the system would not give', () => {
    const [problem] = unreadable(
      '/library/a.md',
      Object.assign(new Error('EACCES: denied'), { code: 'EACCES' }),
    ).problems;
    expect(problem!.code).toBe('file-unreadable');
    expect(problemReason(problem!, 'zh-CN')).toMatch(/无法读取此文件（EACCES）/);
  });

  it('says which day stands in for an unreadable date', () => {
    const [withDay] = problemsOf('---\ntitle: t\ndate: someday\n---\nb', '/library/2016-08-21-x.md').filter(
      (p) => p.code === 'date-unreadable',
    );
    expect(problemReason(withDay!, 'zh-CN')).toContain('路径中的日期（2016-08-21）');
    const [withTime] = problemsOf('---\ntitle: t\ndate: someday\n---\nb').filter(
      (p) => p.code === 'date-unreadable',
    );
    expect(problemReason(withTime!, 'zh-CN')).toContain('文件的修改时间');
  });
});
