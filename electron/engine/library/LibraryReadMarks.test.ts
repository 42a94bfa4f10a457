import { describe, expect, it } from 'vitest';
import { readMarksChange } from './LibraryReadMarks';

describe('readMarksChange', () => {
  const progress = new Map([
    ['b', 0.5],
    ['c', 0],
  ]);
  const progressOf = (id: string) => progress.get(id) ?? 0;

  it('tells the window only what changed, with the progress of the newly read', () => {
    expect(readMarksChange(new Set(['a']), new Set(['b', 'c']), progressOf)).toEqual({
      type: 'read',
      read: ['b', 'c'],
      unread: ['a'],
      progress: [['b', 0.5]],
    });
  });

  it('says nothing when the read ids are the same', () => {
    expect(readMarksChange(new Set(['a', 'b']), new Set(['b', 'a']), progressOf)).toBeNull();
    expect(readMarksChange(new Set(), new Set(), progressOf)).toBeNull();
  });
});
