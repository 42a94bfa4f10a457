// Unread counts that follow each mark by the ids it changed (ReadIndex's journal), so a keystroke
// costs a few map updates instead of a pass over every article: at 100,000 articles a pass per
// mark made 104–126 ms long tasks. A tally is counted whole once per library change (one pass),
// and again only when it fell further behind than the journal reaches.

import type { DayKey, DayRow } from '../headlines/groupByDay';
import type { HeadlineItem } from '../headlines/headlineItem';
import { type UnreadByFacet, unreadByFacet, unreadInRange } from './readCounts';
import type { ReadFlips, ReadIndex } from './readIndex';

export interface FacetMember {
  id: string;
  categories: readonly string[];
  author?: string;
  folder?: number;
}

/** More ids than this in the changes to follow: counting again is as quick and simpler. */
const RECOUNT_FLIPS = 20_000;

function flipsSince(reads: ReadIndex, lineage: object, version: number): readonly ReadFlips[] | null {
  if (reads.lineage !== lineage) return null;
  const changes = reads.changesSince(version);
  if (!changes) return null;
  let n = 0;
  for (const c of changes) n += c.read.length + c.unread.length;
  return n > RECOUNT_FLIPS ? null : changes;
}

/** Unread per category, per source and in all, over the library's articles. */
export class FacetTally {
  private counts: UnreadByFacet;
  private lineage: object;
  private version: number;

  /**
   * One pass over `articles`; later marks are followed through `memberOf` (the article of an id,
   * undefined when it is not in the library).
   */
  constructor(
    private readonly articles: readonly FacetMember[],
    reads: ReadIndex,
    private readonly memberOf: (id: string) => FacetMember | undefined,
  ) {
    this.counts = unreadByFacet(articles, reads);
    this.lineage = reads.lineage;
    this.version = reads.latestVersion;
  }

  /** The counts as of the newest marks: a new object whenever they changed (the maps are shared). */
  follow(reads: ReadIndex): UnreadByFacet {
    if (reads.lineage === this.lineage && reads.latestVersion === this.version) return this.counts;
    const changes = flipsSince(reads, this.lineage, this.version);
    if (!changes) {
      this.counts = unreadByFacet(this.articles, reads);
    } else {
      const categories = this.counts.categories as Map<string, number>;
      const authors = this.counts.authors as Map<string, number>;
      const folders = this.counts.folders as Map<number, number>;
      let total = this.counts.total;
      const add = (id: string, delta: number) => {
        const a = this.memberOf(id);
        if (!a) return;
        total += delta;
        for (const c of a.categories) bump(categories, c, delta);
        const author = a.author?.trim();
        if (author) bump(authors, author, delta);
        if (a.folder !== undefined) bump(folders, a.folder, delta);
      };
      for (const change of changes) {
        for (const id of change.read) add(id, -1);
        for (const id of change.unread) add(id, 1);
      }
      this.counts = { categories, authors, folders, total };
    }
    this.lineage = reads.lineage;
    this.version = reads.latestVersion;
    return this.counts;
  }
}

function bump<K>(map: Map<K, number>, key: K, delta: number): void {
  const n = (map.get(key) ?? 0) + delta;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/**
 * Unread per day header of one list, counted when a header is first shown; a mark forgets only
 * the days of the articles it changed (`dayOf`), which are counted again when next shown.
 */
export class DayTally {
  private readonly known = new Map<number, { key: DayKey; unread: number }>();
  private lineage: object;
  private version: number;

  constructor(
    private readonly items: readonly Pick<HeadlineItem, 'id' | 'missing'>[],
    reads: ReadIndex,
    /** The day an article of the library falls on; undefined when it is not in the library. */
    private readonly dayOf: (id: string) => DayKey | undefined,
  ) {
    this.lineage = reads.lineage;
    this.version = reads.latestVersion;
  }

  /** Takes in the marks made since the last call (call once per change of `reads`). */
  follow(reads: ReadIndex): void {
    if (reads.lineage === this.lineage && reads.latestVersion === this.version) return;
    const changes = flipsSince(reads, this.lineage, this.version);
    this.lineage = reads.lineage;
    this.version = reads.latestVersion;
    if (!changes) {
      this.known.clear();
      return;
    }
    const days = new Set<DayKey | undefined>();
    for (const change of changes) {
      for (const id of change.read) days.add(this.dayOf(id));
      for (const id of change.unread) days.add(this.dayOf(id));
    }
    for (const [first, day] of this.known) if (days.has(day.key)) this.known.delete(first);
  }

  unread(day: DayRow, reads: ReadIndex): number {
    let known = this.known.get(day.firstItem);
    if (!known) {
      known = { key: day.key, unread: unreadInRange(this.items, day.firstItem, day.count, reads) };
      this.known.set(day.firstItem, known);
    }
    return known.unread;
  }
}
