// The stars file format, `{"version":1,"stars":[{id, contentHash, path, title, date, starredAt}]}`:
// parsing with per-entry validation, and serialising. Pure, so every damage case is tested directly.

import type { StarredEntry } from '../../../shared/types';

const STARS_FILE_VERSION = 1;

/** One star as stored: what the article looked like when last seen (`missing` is worked out live). */
export type StoredStar = Omit<StarredEntry, 'missing' | 'closedFolder'>;

interface DroppedEntry {
  /** 0-based position in the file's `stars` array. */
  index: number;
  reason: string;
}

type StarsFileParse =
  | { kind: 'ok'; stars: StoredStar[]; dropped: DroppedEntry[] }
  | { kind: 'damaged'; reason: string }
  | { kind: 'newer'; version: unknown };

const REQUIRED_TEXT = ['id', 'contentHash', 'path', 'date', 'starredAt'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkEntry(value: unknown): StoredStar | string {
  if (!isRecord(value)) return 'it is not an object';
  for (const key of REQUIRED_TEXT) {
    const field = value[key];
    if (typeof field !== 'string' || field === '') return `"${key}" is missing or not text`;
  }
  if (typeof value.title !== 'string') return '"title" is missing or not text';
  if (Number.isNaN(Date.parse(value.starredAt as string))) return '"starredAt" is not a date';
  return {
    id: value.id as string,
    contentHash: value.contentHash as string,
    path: value.path as string,
    title: value.title,
    date: value.date as string,
    starredAt: value.starredAt as string,
  };
}

export function parseStarsFile(text: string): StarsFileParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kind: 'damaged', reason: `it is not valid JSON (${(error as Error).message})` };
  }
  if (!isRecord(data)) return { kind: 'damaged', reason: 'it does not hold a stars list' };
  if (typeof data.version === 'number' && data.version > STARS_FILE_VERSION) {
    return { kind: 'newer', version: data.version };
  }
  if (data.version !== STARS_FILE_VERSION) {
    return {
      kind: 'damaged',
      reason: `its version (${JSON.stringify(data.version)}) is not one Broadsheet knows`,
    };
  }
  if (!Array.isArray(data.stars)) return { kind: 'damaged', reason: 'it has no "stars" list' };
  const stars: StoredStar[] = [];
  const dropped: DroppedEntry[] = [];
  const seen = new Set<string>();
  data.stars.forEach((entry, index) => {
    const checked = checkEntry(entry);
    if (typeof checked === 'string') dropped.push({ index, reason: checked });
    else if (seen.has(checked.id))
      dropped.push({ index, reason: `it repeats the star for id ${checked.id}` });
    else {
      seen.add(checked.id);
      stars.push(checked);
    }
  });
  return { kind: 'ok', stars, dropped };
}

export function serializeStars(stars: readonly StoredStar[]): string {
  const entries = stars.map((s) => ({
    id: s.id,
    contentHash: s.contentHash,
    path: s.path,
    title: s.title,
    date: s.date,
    starredAt: s.starredAt,
  }));
  return `${JSON.stringify({ version: STARS_FILE_VERSION, stars: entries }, null, 1)}\n`;
}
