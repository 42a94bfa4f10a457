import { describe, expect, it } from 'vitest';
import { detectBodyFormat, renderMarkdown } from './body';

describe('detectBodyFormat', () => {
  it('treats .html/.htm files as HTML', () => {
    expect(detectBodyFormat('# Not markdown here', true)).toBe('html');
  });
  it('treats a body opening with a block tag as HTML (the seeds)', () => {
    expect(detectBodyFormat('\n<div>   \n<p>x</p>\n            <div>indented</div>', false)).toBe('html');
    expect(detectBodyFormat('<!-- c -->\n<P>x</P>', false)).toBe('html');
    expect(detectBodyFormat('<!DOCTYPE html><html>', false)).toBe('html');
    expect(detectBodyFormat('  <img src="x">', false)).toBe('html');
    expect(detectBodyFormat('<h2>t</h2>', false)).toBe('html');
  });
  it('treats Markdown, even with inline HTML further down (hkcnews), as Markdown', () => {
    expect(detectBodyFormat('\n# 香港\n\n<figure>\n<img src="x">\n</figure>\n', false)).toBe('markdown');
    expect(detectBodyFormat('Plain text.', false)).toBe('markdown');
    expect(detectBodyFormat('<span>inline</span> start', false)).toBe('markdown');
    expect(detectBodyFormat('<divx>', false)).toBe('markdown');
  });
});

describe('renderMarkdown', () => {
  it('renders Markdown and keeps inline HTML', () => {
    expect(renderMarkdown('# T\n\n<figure><img src="x"></figure>\n\n**b**')).toBe(
      '<h1>T</h1>\n<figure><img src="x"></figure>\n<p><strong>b</strong></p>\n',
    );
  });
  it('bounds nesting on hostile input', () => {
    const quotes = renderMarkdown(`${'>'.repeat(50_000)} deep`);
    expect((quotes.match(/<blockquote>/g) ?? []).length).toBeLessThanOrEqual(60);
    const lists = renderMarkdown(
      Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
    );
    expect((lists.match(/<ul>/g) ?? []).length).toBeLessThanOrEqual(60);
    const emphasis = renderMarkdown(`${'*['.repeat(20_000)}x`);
    expect(emphasis.length).toBeGreaterThan(0);
  });
});
