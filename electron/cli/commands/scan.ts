// `broadsheet scan DIR... [--json] [--time-zone ZONE]`: every article and every problem, newest first.

import { resolve } from 'node:path';
import { isKnownTimeZone } from '../../../shared/settingsRules';
import type { Problem } from '../../../shared/types';
import { type ScannedArticle, scanToList } from '../../engine/scan/scanLibrary';
import { field, jsonLine } from '../cleanOutput';
import { type CliIO, type Command, parseCommandArgs, UsageError } from '../io';
import { displayWidth, fitToWidth, formatLocalDateTime, truncateToWidth } from '../terminalText';

const USAGE = 'usage: broadsheet scan DIR... [--json] [--time-zone ZONE]';

export const scan: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(
    argv,
    { json: { type: 'boolean' }, 'time-zone': { type: 'string' } },
    USAGE,
  );
  if (positionals.length === 0) throw new UsageError(`scan needs at least one folder.\n${USAGE}`);
  const timeZone = values['time-zone'];
  if (timeZone !== undefined && timeZone !== '' && !isKnownTimeZone(timeZone)) {
    throw new UsageError(
      `--time-zone takes an IANA zone such as Asia/Shanghai or Europe/Berlin, got "${timeZone}".`,
    );
  }
  const roots = positionals.map((dir) => resolve(io.cwd, dir));
  const started = performance.now();
  const list = await scanToList(roots, {
    parse: timeZone ? { timeZone } : {},
    signal: io.signal,
  });
  if (io.signal.aborted) {
    io.err('Scan interrupted.\n');
    return 130;
  }
  const seconds = (performance.now() - started) / 1000;

  if (values.json) io.out(jsonLine(toJson(list.articles, list.problems)));
  else printHuman(io, list.articles, list.problems, roots.length, seconds);

  const failed = roots.filter((root) => list.problems.some((p) => p.path === root && p.severity === 'error'));
  if (failed.length > 0) {
    io.err(
      `Could not scan ${failed.map((f) => `"${field(f)}"`).join(', ')}: see the problem listed for it, fix the path and run again.\n`,
    );
    return 1;
  }
  return 0;
};

function toJson(articles: ScannedArticle[], problems: Problem[]) {
  return {
    articles: articles.map((a) => ({
      id: a.id,
      path: a.path,
      title: a.title,
      date: a.date,
      dateSource: a.dateSource,
      author: a.author ?? null,
      siteName: a.siteName ?? null,
      originalUrl: a.originalUrl ?? null,
      categories: a.categories,
      images: a.images,
      chars: a.chars,
    })),
    problems: problems.map((p) => ({
      path: p.path,
      message: p.message,
      severity: p.severity,
      code: p.code,
      ...(p.line === undefined ? {} : { line: p.line }),
    })),
  };
}

const DATE_WIDTH = 16;
const MAX_AUTHOR_WIDTH = 20;

function printHuman(
  io: CliIO,
  articles: ScannedArticle[],
  problems: Problem[],
  folders: number,
  seconds: number,
) {
  const columns = Math.max(60, Number(io.env.COLUMNS) || 100);
  const authors = articles.map((a) => truncateToWidth(field(a.author ?? ''), MAX_AUTHOR_WIDTH));
  const authorWidth = Math.max(6, ...authors.map(displayWidth));
  // date, two spaces, marker, space, title, two spaces, author
  const titleWidth = Math.max(20, columns - DATE_WIDTH - 2 - 2 - 2 - authorWidth);
  const zone = io.env.TZ;
  const lines: string[] = [];
  if (articles.length > 0) {
    lines.push(`${fitToWidth('DATE', DATE_WIDTH)}    ${fitToWidth('TITLE', titleWidth)}  AUTHOR`);
  }
  articles.forEach((a, i) => {
    const marker = a.degraded ? '!' : ' ';
    const title = fitToWidth(field(a.title), titleWidth);
    lines.push(
      `${fitToWidth(formatLocalDateTime(a.date, zone), DATE_WIDTH)}  ${marker} ${title}  ${authors[i]}`.trimEnd(),
    );
  });
  if (articles.some((a) => a.degraded)) lines.push('', '! = read with problems (listed below)');
  if (problems.length > 0) {
    lines.push('', 'Problems:');
    for (const p of problems) {
      const where = p.line === undefined ? p.path : `${p.path}:${p.line}`;
      lines.push(
        `  ${p.severity === 'error' ? 'error  ' : 'warning'} ${field(where)}`,
        `          ${field(p.message)}`,
      );
    }
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    '',
    `${plural(articles.length, 'article')}, ${plural(problems.length, 'problem')} in ${plural(folders, 'folder')} (${seconds.toFixed(1)} s)`,
  );
  io.out(`${lines.join('\n')}\n`);
}
