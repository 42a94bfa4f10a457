import { describe, expect, it } from 'vitest';
import { stickyHeaderTop } from './stickyHeader';

describe('stickyHeaderTop', () => {
  const height = 28;

  it('stays at the top while the next day is further down than one header', () => {
    expect(stickyHeaderTop(1000, 500, height)).toBe(0);
    expect(stickyHeaderTop(528, 500, height)).toBe(0);
  });

  it('is pushed up by exactly as much as the next header overlaps it', () => {
    expect(stickyHeaderTop(520, 500, height)).toBe(-8);
    expect(stickyHeaderTop(500, 500, height)).toBe(-28);
  });

  it('stays at the top on the last day (no next header)', () => {
    expect(stickyHeaderTop(undefined, 500, height)).toBe(0);
  });
});
