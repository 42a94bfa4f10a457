import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { MAX_FILE_BYTES } from './limits';
import { openedOutsideRoot } from './openedInside';
import { type ParseOptions, type ParseOutcome, parseArticle } from './parseArticle';
import { makeProblem } from './problems';
import { siteConfigOf } from './siteAddress';

// The size is checked on the open descriptor (fstat), so a file swapped between the check and the
// read cannot slip past the limit; at most `size` bytes are ever read. O_NONBLOCK keeps a FIFO named
// like an article from blocking the open forever (fstat then shows it is not a regular file).
export const OPEN_FLAGS =
  constants.O_NONBLOCK === undefined ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK;

/** stat + size limit + read + parseArticle, without blocking. Never throws. */
export async function readArticleFile(
  path: string,
  root: string,
  options?: ParseOptions,
): Promise<ParseOutcome> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, OPEN_FLAGS);
    const stat = await handle.stat();
    const refused = refuse(path, stat) ?? confine(handle.fd, path, root, stat);
    if (refused) return refused;
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break; // the file shrank while we read it: parse what is there
      filled += bytesRead;
    }
    return parseArticle(
      { path, root, bytes: bytes.subarray(0, filled), mtimeMs: stat.mtimeMs, size: stat.size },
      withSiteAddress(options, root),
    );
  } catch (error) {
    return unreadable(path, error);
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** Time spent waiting for the file system, added up over many reads. */
interface ReadTiming {
  ms: number;
}

/**
 * The same, synchronously (the fastest way inside a worker thread). Never throws. `timing` adds the
 * time of the open and the read (not the parse): the scan pool tells a cold disk by it.
 */
export function readArticleFileSync(
  path: string,
  root: string,
  options?: ParseOptions,
  timing?: ReadTiming,
): ParseOutcome {
  let fd: number | undefined;
  const started = timing ? performance.now() : 0;
  try {
    fd = openSync(path, OPEN_FLAGS);
    const stat = fstatSync(fd);
    const refused = refuse(path, stat) ?? confine(fd, path, root, stat);
    if (refused) return refused;
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const bytesRead = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (timing) timing.ms += performance.now() - started;
    return parseArticle(
      { path, root, bytes: bytes.subarray(0, filled), mtimeMs: stat.mtimeMs, size: stat.size },
      withSiteAddress(options, root),
    );
  } catch (error) {
    return unreadable(path, error);
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // closing a read-only descriptor cannot lose data
      }
    }
  }
}

/** The options, with the site address from the root's generator config when the caller gave none. */
function withSiteAddress(options: ParseOptions | undefined, root: string): ParseOptions | undefined {
  if (options?.siteUrl !== undefined) return options;
  const site = siteConfigOf(root);
  if (site === undefined) return options;
  return site.permalink
    ? { ...options, siteUrl: site.url, sitePermalink: site.permalink }
    : { ...options, siteUrl: site.url };
}

function refuse(path: string, stat: { isFile(): boolean; size: number }): ParseOutcome | null {
  if (!stat.isFile()) {
    return {
      article: null,
      problems: [
        makeProblem(
          path,
          'not-regular-file',
          'error',
          'This is not a regular file, so it was skipped. Rename it if it is not an article.',
        ),
      ],
    };
  }
  if (stat.size > MAX_FILE_BYTES) {
    const sizes = sizesOverLimit(stat.size, MAX_FILE_BYTES);
    return {
      article: null,
      problems: [
        makeProblem(
          path,
          'too-large',
          'error',
          `This file is ${sizes.file}, over the ${sizes.limit} limit for one article, so it was skipped. ` +
            'Split it into smaller articles or move it out of the library.',
          undefined,
          { size: sizes.file, limit: sizes.limit },
        ),
      ],
    };
  }
  return null;
}

const ERRNO_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'the file no longer exists',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a folder in its path is a file',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open on this system',
  EIO: 'a disk read error',
  EBUSY: 'the file is busy',
  EAGAIN: 'the file is temporarily unavailable',
  ETIMEDOUT: 'the disk did not answer in time',
};

const ERRNO_ADVICE: Record<string, string> = {
  EACCES: 'Give your user read permission on it (for example chmod u+r) and rescan.',
  EPERM: 'Give your user read permission on it and rescan.',
  ENOENT: 'It was probably moved or deleted; rescan the library.',
  EMFILE: 'Close other programs or rescan later.',
  ENFILE: 'Close other programs or rescan later.',
  EIO: 'Check the disk or copy the file again.',
};

/** The outcome for a file the file system would not give us, with the errno in words. */
export function unreadable(path: string, error: unknown): ParseOutcome {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  const words = ERRNO_WORDS[code] ?? (error as Error)?.message ?? String(error);
  const advice = ERRNO_ADVICE[code] ?? 'Check that the file can be opened and rescan.';
  return {
    article: null,
    problems: [
      makeProblem(
        path,
        'file-unreadable',
        'error',
        `Broadsheet could not read this file: ${words}${code ? ` (${code})` : ''}. ${advice}`,
        undefined,
        { errno: code, detail: code === '' ? words : '' },
      ),
    ],
  };
}

/**
 * A file's size and the limit it is over, written so they never look equal: in MiB with one
 * decimal, or in bytes when that would round the file down to the limit (21,000,000 bytes is
 * 20.03 MiB, which one decimal shows as the 20.0 MiB limit itself).
 */
export function sizesOverLimit(size: number, limit: number): { file: string; limit: string } {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (mib(size) !== mib(limit)) return { file: mib(size), limit: mib(limit) };
  const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;
  return { file: bytes(size), limit: `${bytes(limit)} (${mib(limit)})` };
}

/** The outcome for a file whose open descriptor leads outside `root` (see openedInside.ts). */
function confine(fd: number, path: string, root: string, stat: Stats): ParseOutcome | null {
  const outside = openedOutsideRoot(fd, path, root, stat);
  return outside === null
    ? null
    : { article: null, problems: [makeProblem(path, 'outside-root', 'error', outside)] };
}
