// Reading ahead of the parse workers. A parse worker reads a file, then spends most of its time
// parsing it; on a cold page cache (the first open of an archive) each read also waits on the disk,
// and with one synchronous read per worker the disk never has more than a worker's worth of requests
// to serve. One more thread that only reads (and throws the bytes away) keeps the disk busy while the
// workers parse, so their own reads find the files in memory. It never produces results: a file it
// cannot read is the parse worker's to report.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../parse/limits';
import { OPEN_FLAGS } from '../parse/readArticleFile';

/** Bytes read per call; the data is discarded, so one small buffer serves every file. */
export const READ_AHEAD_BUFFER_BYTES = 256 * 1024;

/**
 * Reads each file once, to bring it into the OS page cache. The same guards as the parse worker's read
 * (non-blocking open, regular files only, the size limit), so a FIFO or a huge file named like an
 * article costs nothing here either. Never throws.
 */
export function readAhead(paths: readonly string[], scratch: Uint8Array): void {
  for (const path of paths) {
    let fd: number | undefined;
    try {
      fd = openSync(path, OPEN_FLAGS);
      const stat = fstatSync(fd);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) continue;
      let position = 0;
      while (position < stat.size) {
        const count = readSync(fd, scratch, 0, Math.min(scratch.length, stat.size - position), position);
        if (count === 0) break;
        position += count;
      }
    } catch {
      // the parse worker reads it again and reports what is wrong with it
    } finally {
      if (fd !== undefined) {
        try {
          closeSync(fd);
        } catch {
          // a read-only descriptor: nothing to lose
        }
      }
    }
  }
}

/** How fast the read-ahead thread got through one batch. */
export interface ReadAheadReport {
  files: number;
  ms: number;
}

/**
 * Whether the files come from memory already, so reading ahead only costs CPU the parse workers need:
 * the last `batches` reports all read faster than `warmMicrosPerFile` per file. A disk read (even an
 * SSD's) takes tens of microseconds at least; a page-cache hit takes a few.
 */
export function pageCacheLooksWarm(
  reports: readonly ReadAheadReport[],
  warmMicrosPerFile: number,
  batches = 3,
): boolean {
  if (reports.length < batches) return false;
  return reports.slice(-batches).every((r) => r.files > 0 && (r.ms * 1000) / r.files < warmMicrosPerFile);
}
