// The article's date: the front matter's (or the saved page's), read in the chosen zone; failing
// that, the day its file name or folders give; failing that, the file's modification time. Each
// fallback says why in a problem, with the line of the date when it can be found.

import type { Article } from '../../../shared/types';
import { dayFromPath } from './dateFromPath';
import { MAX_DATE_MS } from './limits';
import type { RawFile } from './parseArticle';
import { parseDate } from './parseDate';
import type { ProblemList } from './problems';
import type { splitFrontMatter } from './splitFrontMatter';
import { cutCodePoints } from './text';

/** The front matter's date; failing that the day the file name or folders give; failing that the file's mtime. */
export function resolveDate(
  value: unknown,
  source: 'front-matter' | 'page',
  split: ReturnType<typeof splitFrontMatter>,
  file: Pick<RawFile, 'path' | 'root' | 'mtimeMs'>,
  timeZone: string,
  problems: ProblemList,
): { date: string; dateSource: Article['dateSource'] } {
  let zone = timeZone;
  let reading = parseDate(value, zone);
  if (!reading.ok && reading.reason === 'unknown-zone') {
    problems.warn(
      'time-zone',
      `The time zone setting "${timeZone}" is not a known IANA zone, so the date was read in the system zone. ` +
        'Choose a zone such as Asia/Shanghai in Settings.',
      undefined,
      { zone: timeZone },
    );
    zone = '';
    reading = parseDate(value, zone);
  }
  if (reading.ok && isUsable(reading.ms)) {
    return { date: new Date(reading.ms).toISOString(), dateSource: source };
  }
  const fromPath = dayFromPath(file.path, file.root);
  const pathReading = fromPath ? parseDate(fromPath.day, zone) : null;
  const pathMs = pathReading?.ok && isUsable(pathReading.ms) ? pathReading.ms : null;
  if (!reading.ok && reading.reason === 'unreadable') {
    const shown =
      typeof value === 'string' ? `"${cutCodePoints(value.trim(), 60)}"` : `a ${describeType(value)}`;
    const instead =
      pathMs !== null
        ? `the day in the ${fromPath!.from} (${fromPath!.day})`
        : "the file's modification time";
    problems.warn(
      'date-unreadable',
      `The date ${shown} could not be read, so ${instead} is used. ` +
        'Write it like 2022-08-06 12:56 or Sat, 06 Aug 2022 04:07:06 GMT.',
      split.kind === 'none' || source === 'page' ? undefined : dateLine(split),
      pathMs !== null
        ? { value: shown, instead: 'path', day: fromPath!.day }
        : { value: shown, instead: 'mtime' },
    );
  }
  if (pathMs !== null) return { date: new Date(pathMs).toISOString(), dateSource: 'file-name' };
  const mtimeMs = file.mtimeMs;
  if (isUsable(mtimeMs)) return { date: new Date(mtimeMs).toISOString(), dateSource: 'file-mtime' };
  // A file time past what a date can hold (a year such as 287168) is damage, not a date.
  const year = Number.isFinite(mtimeMs)
    ? `the year ${Math.round(1970 + mtimeMs / 31_556_952_000)}`
    : 'no time';
  problems.warn(
    'file-time-invalid',
    `The file has no date of its own and its modification time says ${year}, which cannot be right, ` +
      'so it is dated 1 January 1970. Add a date to its front matter, or give the file a real time (touch it).',
    undefined,
    Number.isFinite(mtimeMs) ? { year: Math.round(1970 + mtimeMs / 31_556_952_000) } : {},
  );
  return { date: new Date(0).toISOString(), dateSource: 'file-mtime' };
}

/** A time a date can hold (finite, and within MAX_DATE_MS of 1970). */
export function isUsable(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'nested structure' : typeof value;
}

/** Line of the `date:` key in the file, when it can be found. */
function dateLine(split: Exclude<ReturnType<typeof splitFrontMatter>, { kind: 'none' }>): number | undefined {
  const m = /^[ \t]*"?(?:date|publishdate|pubdate|published)"?[ \t]*[:=]/im.exec(split.block);
  if (!m) return undefined;
  let line = split.openLine + 1;
  for (let i = 0; i < m.index; i++) if (split.block.charCodeAt(i) === 0x0a) line++;
  return line;
}
