// The window's copy of the read marks: which articles are read and how far started ones were read.
// At 100,000 marks a copy per change (one per `j`) would cost more than the change itself, so the
// sets are changed in place and each change makes a new ReadIndex object over them with a higher
// `version`: React sees a new value, and everything derived from it keys on the version.

import type { ReadMarksSnapshot, ReadProgress } from '../../../shared/types';

export class ReadIndex {
  private constructor(
    private readonly readIds: Set<string>,
    private readonly progressById: Map<string, number>,
    readonly version: number,
  ) {}

  static empty(): ReadIndex {
    return new ReadIndex(new Set(), new Map(), 0);
  }

  static from(snapshot: ReadMarksSnapshot | undefined): ReadIndex {
    return new ReadIndex(new Set(snapshot?.read ?? []), new Map(snapshot?.progress ?? []), 0);
  }

  isRead(id: string): boolean {
    return this.readIds.has(id);
  }

  /** How far into the article the reader got, 0 (not started) to 1. */
  progressOf(id: string): number {
    return this.progressById.get(id) ?? 0;
  }

  get readCount(): number {
    return this.readIds.size;
  }

  /** This index with the changes applied; `this` when nothing changed. */
  with(
    read: readonly string[],
    unread: readonly string[],
    progress: readonly ReadProgress[] = [],
  ): ReadIndex {
    let changed = false;
    for (const id of read) {
      if (!this.readIds.has(id)) {
        this.readIds.add(id);
        changed = true;
      }
    }
    for (const id of unread) changed = this.readIds.delete(id) || changed;
    for (const [id, p] of progress) {
      if (this.progressOf(id) === p) continue;
      if (p > 0) this.progressById.set(id, p);
      else this.progressById.delete(id);
      changed = true;
    }
    return changed ? new ReadIndex(this.readIds, this.progressById, this.version + 1) : this;
  }
}
