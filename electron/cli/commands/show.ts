// `broadsheet show DIR PATH_OR_ID [--json] [--time-zone ZONE] [--data-dir DIR]`: one article as
// parsed, with its body HTML (not sanitized: this is the parser's view) and plain text. An id is found
// in the library database brought up to date with DIR (only new and changed files are read); the
// article's own file is then parsed again for what the database does not keep (the body's HTML).

import { isKnownTimeZone } from '../../../shared/settingsRules';
import type { Article, Problem } from '../../../shared/types';
import { readArticleFile } from '../../engine/parse/readArticleFile';
import { resolveArticleRef } from '../articleRef';
import { field, jsonLine, text } from '../cleanOutput';
import { withFolderLibrary } from '../folderLibrary';
import { type CliIO, type Command, parseCommandArgs, UsageError } from '../io';
import { displayWidth, formatLocalDateTime } from '../terminalText';

const USAGE = 'usage: broadsheet show DIR PATH_OR_ID [--json] [--time-zone ZONE] [--data-dir DIR]';

export const show: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(
    argv,
    { json: { type: 'boolean' }, 'time-zone': { type: 'string' } },
    USAGE,
  );
  const [dir, ref] = positionals;
  if (!dir || !ref || positionals.length > 2)
    throw new UsageError(`show needs a folder and an article.\n${USAGE}`);
  const timeZone = values['time-zone'];
  if (timeZone !== undefined && timeZone !== '' && !isKnownTimeZone(timeZone)) {
    throw new UsageError(
      `--time-zone takes an IANA zone such as Asia/Shanghai or Europe/Berlin, got "${timeZone}".`,
    );
  }
  return withFolderLibrary(io, dir, values['data-dir'], async (library) => {
    const root = library.root;
    const found = await resolveArticleRef(root, ref, io.cwd, (id) => library.byId(id)?.path);
    if (!found.ok) {
      io.err(`${field(found.message)}\n`);
      return 1;
    }
    const outcome = await readArticleFile(found.path, root, timeZone ? { timeZone } : {});
    if (!outcome.article) {
      io.err(`${field(found.path)} cannot be read as an article:\n`);
      for (const p of outcome.problems) io.err(`  ${field(p.message)}\n`);
      return 1;
    }
    if (values.json) io.out(jsonLine(toJson(outcome.article, outcome.problems)));
    else printHuman(io, outcome.article, outcome.problems);
    return 0;
  });
};

/**
 * The article as parsed. A saved page's whole page (often megabytes of someone else's markup) is
 * left out: its size says it is there, and `html` is the story the reader shows.
 */
function toJson(article: Article, problems: Problem[]) {
  const { wholePage, ...rest } = article;
  return { ...rest, ...(wholePage === undefined ? {} : { wholePageChars: wholePage.length }), problems };
}

function printHuman(io: CliIO, a: Article, problems: Problem[]): void {
  const title = field(a.title);
  const fields: [string, string][] = [];
  const dateNote =
    a.dateSource === 'file-mtime'
      ? ' (no date in the file: its modification time)'
      : a.dateSource === 'file-name'
        ? ' (from the file name)'
        : '';
  fields.push(['Date', `${formatLocalDateTime(a.date, io.env.TZ)}${dateNote}`]);
  if (a.updated) fields.push(['Updated', formatLocalDateTime(a.updated, io.env.TZ)]);
  if (a.author) fields.push(['Author', a.author]);
  if (a.siteName) fields.push(['Site', a.siteName]);
  if (a.categories.length > 0) fields.push(['Categories', a.categories.join(', ')]);
  for (const [kind, url] of Object.entries(a.images)) if (url) fields.push([`Image (${kind})`, url]);
  if (a.originalUrl) fields.push(['Original', a.originalUrl]);
  fields.push(['File', a.path], ['Id', a.id]);
  const labelWidth = Math.max(...fields.map(([name]) => name.length)) + 2;
  const lines = [title, '='.repeat(Math.min(60, Math.max(3, displayWidth(title))))];
  for (const [name, value] of fields) lines.push(`${`${name}:`.padEnd(labelWidth)}${field(value)}`);
  if (problems.length > 0) {
    lines.push('', 'Problems:');
    for (const p of problems) {
      lines.push(`  ${p.severity}${p.line === undefined ? '' : ` (line ${p.line})`}: ${field(p.message)}`);
    }
  }
  lines.push('', 'HTML (as parsed, before the reader sanitizes it):', '', text(a.html));
  lines.push('', 'Text:', '', text(a.text));
  io.out(`${lines.join('\n')}\n`);
}
