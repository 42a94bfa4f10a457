// `broadsheet export DIR --starred|--query Q --format md|html|json --out DEST [--fetch-images]`:
// the same export as the app's (engine/export), with progress on stderr and the summary on stdout.

import { resolve } from 'node:path';
import type { ExportFormat, ExportSelection, ExportSummary } from '../../../shared/types';
import { defaultDataDir } from '../../engine/dataDir';
import { openLibrary } from '../../engine/library/openLibrary';
import { field, jsonLine } from '../cleanOutput';
import { type CliIO, type Command, parseCommandArgs, UsageError } from '../io';

const USAGE =
  'usage: broadsheet export DIR (--starred | --query Q) --format md|html|json --out DEST\n' +
  '                         [--fetch-images] [--json] [--data-dir DIR]\n' +
  '  md: a folder of Markdown files with front matter, pictures in DEST/images\n' +
  '  html: one self-contained file (pictures embedded); json: metadata and text\n' +
  '  Pictures come from beside the articles and the image cache; --fetch-images downloads the rest.';

const FORMATS: readonly ExportFormat[] = ['md', 'html', 'json'];
/** How often progress is written to stderr. */
const PROGRESS_EVERY_MS = 500;

export const exportCommand: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      starred: { type: 'boolean' },
      query: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'fetch-images': { type: 'boolean' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
    },
    USAGE,
  );
  const [dir, ...extra] = positionals;
  if (!dir) throw new UsageError(`export needs a library folder.\n${USAGE}`);
  if (extra.length > 0)
    throw new UsageError(`export takes one folder; unexpected "${field(extra[0]!)}".\n${USAGE}`);
  if (!!values.starred === (values.query !== undefined)) {
    throw new UsageError(`give either --starred or --query Q.\n${USAGE}`);
  }
  if (!FORMATS.includes(values.format as ExportFormat)) {
    throw new UsageError(
      `--format must be md, html or json${values.format ? `, not "${field(values.format)}"` : ''}.\n${USAGE}`,
    );
  }
  if (!values.out) throw new UsageError(`export needs --out DEST.\n${USAGE}`);
  const format = values.format as ExportFormat;
  const selection: ExportSelection = values.starred
    ? { kind: 'starred' }
    : { kind: 'query', query: { text: values.query ?? '' } }; // an empty query means every article

  const library = await openLibrary({
    dataDir: values['data-dir'] ? resolve(io.cwd, values['data-dir']) : defaultDataDir(io.env),
    roots: [resolve(io.cwd, dir)],
    persistRoots: false,
    watch: false,
  });
  let lastReport = 0;
  const off = library.onEvent((event) => {
    if (event.type !== 'export-progress') return;
    const now = performance.now();
    const { done, total, failed } = event.progress;
    if (now - lastReport < PROGRESS_EVERY_MS && done !== total) return;
    lastReport = now;
    io.err(`exported ${done} of ${total}${failed ? ` (${failed} failed)` : ''}\n`);
  });
  const cancel = () => void library.call('cancelExport');
  io.signal.addEventListener('abort', cancel);
  try {
    await library.whenIdle();
    const summary = await library.exportArticles(
      { selection, format, destination: resolve(io.cwd, values.out), title: `Broadsheet: ${dir}` },
      { fetchImages: values['fetch-images'] === true, progressEveryMs: 0 },
    );
    if (values.json) io.out(jsonLine(summary));
    else printSummary(io, summary);
    return summary.failedCount > 0 ? 1 : 0;
  } finally {
    io.signal.removeEventListener('abort', cancel);
    off();
    await library.close();
  }
};

function printSummary(io: CliIO, s: ExportSummary): void {
  const seconds = s.elapsedMs / 1000;
  const rate = seconds > 0 ? ` (${Math.round(s.exported / seconds)} articles/s)` : '';
  io.out(
    `Exported ${s.exported} of ${s.total} articles as ${s.format} to ${field(s.destination)} in ${seconds.toFixed(1)} s${rate}.\n`,
  );
  io.out(`Pictures saved: ${s.imagesSaved}; not saved: ${s.imagesNotSavedCount}.\n`);
  if (s.failedCount > 0) {
    io.out(`Could not export ${s.failedCount}:\n`);
    for (const f of s.failed) io.out(`  ${field(f.title)}  ${field(f.path)}\n    ${field(f.reason)}\n`);
  }
  if (s.imagesNotSavedCount > 0) {
    io.out(`Pictures not saved (first ${s.imagesNotSaved.length}):\n`);
    for (const f of s.imagesNotSaved.slice(0, 20)) io.out(`  ${field(f.path)}: ${field(f.reason)}\n`);
  }
}
