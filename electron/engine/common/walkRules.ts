// The rules every walk of the library's folders follows, in one place: the scan's walk
// (scan/walkRoots.ts) and the watcher's (watch/walkArticleFiles.ts) both use them, so a name or a
// folder one of them refuses is never listed by the other.
//
// - Names are listed as bytes and must be valid UTF-8. Node would decode `bad-\xff.md` as
//   `bad-\uFFFD.md`: the name of another file, which would then be read (or listed twice) instead.
//   Such a name is reported (file-name-encoding), never opened.
// - A folder must still lead where it led when it was listed, right before and right after it is
//   read. A shared or synced folder can be swapped for a link between the listing and the read; a
//   link to somewhere outside the library is reported (outside-root) and nothing in it is listed.

import { realpath as fsRealpath } from 'node:fs/promises';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import type { Problem } from '../../../shared/types';
import { isInsideFolder } from './pathContainment';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** `opendir`/`readdir` options that list names as bytes, for entryName to check. */
export const NAMES_AS_BYTES = { encoding: 'buffer' } as const;

type EntryName =
  | { ok: true; name: string }
  /** Not UTF-8: the problem to report (null for a hidden name, which no walk reads anyway). */
  | { ok: false; problem: Problem | null };

/** The name of an entry of `folder` listed as bytes, or the problem its bytes make. */
export function entryName(raw: Buffer | string, folder: string): EntryName {
  if (typeof raw === 'string') return { ok: true, name: raw };
  try {
    return { ok: true, name: STRICT_UTF8.decode(raw) };
  } catch {
    const shown = [...raw]
      .map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`))
      .join('');
    if (shown.startsWith('.')) return { ok: false, problem: null };
    return {
      ok: false,
      problem: {
        path: join(folder, raw.toString('utf8')),
        code: 'file-name-encoding',
        severity: 'warning',
        params: { name: shown },
        message: `The name "${shown}" is not valid UTF-8, so Broadsheet cannot open it by name (it would stand for another file). Rename it.`,
      },
    };
  }
}

type FolderCheck =
  | { kind: 'same' }
  /** Now a link to another folder inside the library (its real path). */
  | { kind: 'moved'; realPath: string }
  /** Now leads outside the library: the problem to report. */
  | { kind: 'outside'; problem: Problem }
  | { kind: 'gone' };

/**
 * Where the folder at `path` leads now, against `realPath` (its real path when it was listed) and
 * the library root's real path. `realpath` is passed in for tests.
 */
export async function recheckFolder(
  path: string,
  realPath: string,
  realRoot: string,
  realpath: (p: string) => Promise<string> = fsRealpath,
): Promise<FolderCheck> {
  const now = await realpath(path).catch(() => null);
  if (now === realPath) return { kind: 'same' };
  if (now === null) return { kind: 'gone' };
  if (isInsideFolder(now, realRoot)) return { kind: 'moved', realPath: now };
  return {
    kind: 'outside',
    problem: {
      path,
      code: 'outside-root',
      severity: 'warning',
      message:
        'This folder changed while the library was read: it now leads outside the library folder, so Broadsheet did not read it.',
    },
  };
}
