// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Highlighted, splitByRanges } from './highlight';

describe('splitByRanges', () => {
  it('marks the ranges and keeps the text between', () => {
    expect(
      splitByRanges('王毅会见俄罗斯外长拉夫罗夫', [
        [4, 7],
        [9, 13],
      ]),
    ).toEqual([
      { text: '王毅会见', hit: false },
      { text: '俄罗斯', hit: true },
      { text: '外长', hit: false },
      { text: '拉夫罗夫', hit: true },
    ]);
  });

  it('sorts, merges overlapping and touching ranges, and clamps to the text', () => {
    expect(
      splitByRanges('abcdefgh', [
        [5, 99],
        [1, 3],
        [2, 4],
        [4, 5],
        [-3, 0],
      ]),
    ).toEqual([
      { text: 'a', hit: false },
      { text: 'bcdefgh', hit: true },
    ]);
  });

  it('never splits a surrogate pair', () => {
    const text = 'a😀b';
    const segs = splitByRanges(text, [[2, 4]]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.find((s) => s.hit)!.text).toBe('😀b');
  });

  it('returns the whole text when there is nothing to mark', () => {
    expect(splitByRanges('abc', [])).toEqual([{ text: 'abc', hit: false }]);
    expect(splitByRanges('', [[0, 1]])).toEqual([]);
  });
});

describe('Highlighted', () => {
  it('renders <mark> for each hit and escapes markup in the text', () => {
    const { container } = render(
      <p>
        <Highlighted text="<b>Lavrov</b> meets Wang" ranges={[[3, 9]]} />
      </p>,
    );
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Lavrov']);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('<b>Lavrov</b> meets Wang');
  });
});
