import { describe, expect, it } from 'vitest';
import type { FacetCount } from '../headlines/listFilter';
import { narrowFacets } from './narrowFacets';

const facet = (value: string, count: number): FacetCount => ({ kind: 'author', value, count });
const many = Array.from({ length: 1000 }, (_, i) => facet(`Blog ${i}`, 1000 - i));

describe('narrowFacets', () => {
  it('caps a long list and counts what it leaves out', () => {
    const all = narrowFacets(many, '', null, 100);
    expect(all.shown).toHaveLength(100);
    expect(all.shown[0]!.value).toBe('Blog 0');
    expect(all.hidden).toBe(900);
  });

  it('finds names anywhere, ignoring case and full-width forms', () => {
    const list = [facet('新浪财经', 3), facet('Hacker News', 2), facet('ＩＴ之家', 1)];
    expect(narrowFacets(list, '财经', null).shown.map((f) => f.value)).toEqual(['新浪财经']);
    expect(narrowFacets(list, 'news', null).shown.map((f) => f.value)).toEqual(['Hacker News']);
    expect(narrowFacets(list, 'it', null).shown.map((f) => f.value)).toEqual(['ＩＴ之家']);
    expect(narrowFacets(list, 'zzz', null)).toEqual({ shown: [], hidden: 0 });
  });

  it('keeps the chosen entry in view even past the cap', () => {
    const narrowed = narrowFacets(many, 'blog', 'Blog 999', 10);
    expect(narrowed.shown.map((f) => f.value).at(-1)).toBe('Blog 999');
    expect(narrowed.shown).toHaveLength(11);
    expect(narrowed.hidden).toBe(989);
  });
});

describe('parseSidebarLayout', () => {
  it('reads what was saved, bounds the width, and falls back on anything else', async () => {
    const { parseSidebarLayout, SIDEBAR_WIDTH } = await import('./sidebarLayout');
    expect(parseSidebarLayout('{"open":false,"width":300}')).toEqual({ open: false, width: 300 });
    expect(parseSidebarLayout('{"open":true,"width":5000}').width).toBe(SIDEBAR_WIDTH.max);
    expect(parseSidebarLayout('{"width":"wide"}')).toEqual({ open: true, width: SIDEBAR_WIDTH.initial });
    expect(parseSidebarLayout('not json')).toEqual({ open: true, width: SIDEBAR_WIDTH.initial });
    expect(parseSidebarLayout(null)).toEqual({ open: true, width: SIDEBAR_WIDTH.initial });
  });
});
