// The day an article's file name or folders give, for files whose front matter has no date: Jekyll
// names posts `2016-08-21-slug.md`, scrapers write `20160821_slug.md` or file a day's articles under
// `2016-08-21/`, and many sites lay posts out as `2016/08/21/slug.md` (Hugo page bundles as
// `2016-08-21-slug/index.md`). Pure: works on the path text only.
import { isInsideFolder } from '../common/pathContainment';

interface DayFromPath {
  /** `YYYY-MM-DD`, for parseDate (read as midnight in the library's zone). */
  day: string;
  /** Which part of the path said so, for messages. */
  from: 'file name' | 'folder name' | 'folders';
}

// 2016-08-21, 2016_08_21, 2016.08.21 followed by the end or a separator (slug, time, nothing).
const DASHED = /^((?:19|20)\d{2})[-_.](\d{1,2})[-_.](\d{1,2})(?![0-9])/;
// 20160821 followed by the end or a non-digit (not a longer number such as an id or a timestamp in ms).
const COMPACT = /^((?:19|20)\d{2})(\d{2})(\d{2})(?![0-9])/;
const YEAR = /^(?:19|20)\d{2}$/;
const MONTH_OR_DAY = /^\d{1,2}$/;

export function dayFromPath(path: string, root: string): DayFromPath | null {
  // Only folders inside the library count: where the library itself sits says nothing about an article.
  const relative =
    root !== '' && isInsideFolder(path, root) ? path.slice(root.length) : path.replace(/^.*[\\/]/, '');
  const parts = relative.split(/[\\/]/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const base = withoutExtension(parts[parts.length - 1]!);
  const own = dayIn(base);
  if (own) return { day: own, from: 'file name' };
  const folders = parts.slice(0, -1);
  // The nearest folder named as a day (a bundle `2016-08-21-slug/index.md`, a daily folder `20160821/`).
  for (let i = folders.length - 1; i >= 0; i--) {
    const day = dayIn(folders[i]!);
    if (day) return { day, from: 'folder name' };
  }
  // YYYY/MM/DD: the innermost such run of folders.
  for (let i = folders.length - 3; i >= 0; i--) {
    const [y, m, d] = [folders[i]!, folders[i + 1]!, folders[i + 2]!];
    if (YEAR.test(y) && MONTH_OR_DAY.test(m) && MONTH_OR_DAY.test(d)) {
      const day = validDay(y, m, d);
      if (day) return { day, from: 'folders' };
    }
  }
  return null;
}

function dayIn(name: string): string | null {
  const m = DASHED.exec(name) ?? COMPACT.exec(name);
  return m ? validDay(m[1]!, m[2]!, m[3]!) : null;
}

function validDay(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return null;
  const days =
    m === 2
      ? (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
        ? 29
        : 28
      : [4, 6, 9, 11].includes(m)
        ? 30
        : 31;
  if (d > days) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}
