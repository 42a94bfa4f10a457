import { describe, expect, it } from 'vitest';
import { saveReadMarks } from './saveReadMarks';

const ids = Array.from({ length: 7 }, (_, n) => `id${n}`);

describe('saveReadMarks', () => {
  it('sends the ids in parts, in order, and gathers what changed', async () => {
    const sent: string[][] = [];
    const saved = await saveReadMarks(
      ids,
      true,
      async (part) => {
        sent.push(part);
        return part.filter((id) => id !== 'id1');
      },
      3,
    );
    expect(sent).toEqual([ids.slice(0, 3), ids.slice(3, 6), ids.slice(6)]);
    expect(saved).toEqual({ changed: ids.filter((id) => id !== 'id1'), unsaved: [] });
  });

  it('stops at a failed part: the parts before stay saved, the rest is reported unsaved', async () => {
    const failure = new Error('413');
    let calls = 0;
    const saved = await saveReadMarks(
      ids,
      false,
      async (part) => {
        if (++calls === 2) throw failure;
        return part;
      },
      3,
    );
    expect(calls).toBe(2);
    expect(saved).toEqual({ changed: ids.slice(0, 3), unsaved: ids.slice(3), error: failure });
  });
});
