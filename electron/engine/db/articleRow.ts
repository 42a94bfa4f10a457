// A stored article's row as SQLite gives it back, and the path bounds of a folder: what LibraryDb and
// its search both read.

import { sep } from 'node:path';

export interface ArticleRow {
  id: string;
  path: string;
  root: string;
  content_hash: string;
  title: string;
  date: string;
  date_source: string;
  author: string | null;
  categories: string;
  images: string;
  chars: number;
  excerpt: string;
  body_format: string;
  mtime_ms: number;
  size: number;
  degraded: number;
  problems: string;
  body?: Buffer;
}

/** [lo, hi) of the paths inside a folder, as string bounds for an index range. */
export function pathRange(folder: string): [string, string] {
  const base = folder.endsWith(sep) ? folder : folder + sep;
  const last = base.charCodeAt(base.length - 1);
  return [base, base.slice(0, -1) + String.fromCharCode(last + 1)];
}
