// The window's copy of the read marks: which articles are read and how far started ones were read.
// At 100,000 marks a copy per change (one per `j`) would cost more than the change itself, so the
// sets are changed in place and each change makes a new ReadIndex object over them with a higher
// `version`: React sees a new value, and everything derived from it keys on the version.
// The last changes are kept as a journal (which ids turned read, which unread) so that counts can
// follow a mark by the ids it changed instead of counting the whole library again (unreadTally.ts).

import type { ReadMarksSnapshot, ReadProgress } from '../../../shared/types';

/** The ids one change turned read and turned unread (only those whose state really changed). */
export interface ReadFlips {
  read: readonly string[];
  unread: readonly string[];
}

/** Changes kept for followers that lag behind; one further behind counts again from scratch. */
const JOURNAL_LENGTH = 64;

/** The sets every ReadIndex of one snapshot shares, with the journal of their changes. */
class ReadMarks {
  version = 0;
  /** journal[i] took the marks from version `journalStart + i` to the next one. */
  journal: ReadFlips[] = [];
  journalStart = 0;
  constructor(
    readonly readIds: Set<string>,
    readonly progressById: Map<string, number>,
  ) {}
}

export class ReadIndex {
  private constructor(
    private readonly marks: ReadMarks,
    readonly version: number,
  ) {}

  static empty(): ReadIndex {
    return new ReadIndex(new ReadMarks(new Set(), new Map()), 0);
  }

  static from(snapshot: ReadMarksSnapshot | undefined): ReadIndex {
    return new ReadIndex(new ReadMarks(new Set(snapshot?.read ?? []), new Map(snapshot?.progress ?? [])), 0);
  }

  isRead(id: string): boolean {
    return this.marks.readIds.has(id);
  }

  /** How far into the article the reader got, 0 (not started) to 1. */
  progressOf(id: string): number {
    return this.marks.progressById.get(id) ?? 0;
  }

  get readCount(): number {
    return this.marks.readIds.size;
  }

  /**
   * What stands for this family of indexes (one snapshot of the marks and every change since):
   * a follower compares it to know whether `changesSince` can bring it up to date.
   */
  get lineage(): object {
    return this.marks;
  }

  /** The version of the newest index of this lineage (the shared sets are always at it). */
  get latestVersion(): number {
    return this.marks.version;
  }

  /**
   * The changes from `version` to the latest, oldest first; null when they are no longer kept
   * (or `version` is not of this lineage's past): the follower counts again.
   */
  changesSince(version: number): readonly ReadFlips[] | null {
    const { journal, journalStart } = this.marks;
    if (version < journalStart || version > this.marks.version) return null;
    return journal.slice(version - journalStart);
  }

  /** This index with the changes applied; `this` when nothing changed. */
  with(
    read: readonly string[],
    unread: readonly string[],
    progress: readonly ReadProgress[] = [],
  ): ReadIndex {
    const marks = this.marks;
    const turnedRead: string[] = [];
    const turnedUnread: string[] = [];
    for (const id of read) {
      if (!marks.readIds.has(id)) {
        marks.readIds.add(id);
        turnedRead.push(id);
      }
    }
    for (const id of unread) if (marks.readIds.delete(id)) turnedUnread.push(id);
    let changed = turnedRead.length > 0 || turnedUnread.length > 0;
    for (const [id, p] of progress) {
      if (this.progressOf(id) === p) continue;
      if (p > 0) marks.progressById.set(id, p);
      else marks.progressById.delete(id);
      changed = true;
    }
    if (!changed) return this;
    marks.journal.push({ read: turnedRead, unread: turnedUnread });
    if (marks.journal.length > JOURNAL_LENGTH) {
      marks.journal.shift();
      marks.journalStart++;
    }
    marks.version++;
    return new ReadIndex(marks, marks.version);
  }
}
