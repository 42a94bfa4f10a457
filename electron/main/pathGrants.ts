// Which paths the window may hand to openFile and addFolders. The page is untrusted: a compromised
// page could ask for /etc/passwd.md or add the home folder as a library. So a path is accepted only
// when the USER gave it:
//   (a) it is inside a current library folder (after resolving links: a link in the library
//       pointing out of it does not count), or
//   (b) a user action granted it a moment ago: a native dialog result, the command line, or a
//       drop (the preload reports what webUtils.getPathForFile resolved; a page-made File has no
//       path, so the page cannot mint grants), or
//   (c) for addFolders, it is a folder the user added before (Settings.recentRoots).
// Decisions are pure; the file-system lookups (realpath, the roots) are passed in.

import { isAbsolute, normalize, sep } from 'node:path';
import type { AddFoldersResult } from '../../shared/contract';
import { isInsideFolder } from '../engine/common/pathContainment';
import type { PathGuard } from '../host/requestRouter';

type GrantSource = 'dialog' | 'command-line' | 'drop';

/** How long a granted path stays usable: long enough for the request the action triggers. */
export const GRANT_TTL_MS = 2 * 60_000;
/** A bound on remembered grants, so a flood of drop reports cannot grow memory. */
export const MAX_GRANTS = 1_000;

export class PathGrants {
  private readonly grants = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = GRANT_TTL_MS,
  ) {}

  grant(paths: readonly string[], _source: GrantSource): void {
    const expires = this.now() + this.ttlMs;
    for (const raw of paths) {
      const path = plainAbsolutePath(raw);
      if (!path) continue;
      this.grants.delete(path); // re-insert so the newest grants are the last to be evicted
      this.grants.set(path, expires);
    }
    this.prune();
  }

  isGranted(path: string): boolean {
    const expires = this.grants.get(path);
    if (expires === undefined) return false;
    if (expires <= this.now()) {
      this.grants.delete(path);
      return false;
    }
    return true;
  }

  get size(): number {
    return this.grants.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [path, expires] of this.grants) if (expires <= now) this.grants.delete(path);
    while (this.grants.size > MAX_GRANTS) {
      const oldest = this.grants.keys().next().value as string;
      this.grants.delete(oldest);
    }
  }
}

/**
 * The path itself when it is absolute and already in normal form (no `.` or `..` segments, no
 * doubled separators), else null. A path that needs normalizing is refused rather than repaired:
 * `/lib/../etc/passwd.md` is a trick, not a typo.
 */
export function plainAbsolutePath(raw: string): string | null {
  if (!isAbsolute(raw) || raw.includes('\0')) return null;
  const trimmed = raw.length > 1 && raw.endsWith(sep) ? raw.slice(0, -1) : raw;
  return normalize(trimmed) === trimmed ? trimmed : null;
}

/** What the decision needs to know about the library and the file system. */
export interface AccessFacts {
  /** Current library folders, as given and as real paths (links resolved). */
  roots: readonly string[];
  realRoots: readonly string[];
  /** Folders the user added before. */
  recentRoots: readonly string[];
  grants: PathGrants;
  /** Real path of the requested path, or null when it does not resolve (missing, a broken link). */
  realPath: string | null;
}

type AccessDecision = { ok: true } | { ok: false; reason: string };

const NOT_PLAIN =
  'Refused: not a plain absolute path (it has "." or ".." parts). Open the file from its real location.';

/** May the window open this file (openFile)? */
export function decideOpenFile(path: string, facts: AccessFacts): AccessDecision {
  if (plainAbsolutePath(path) !== path) return { ok: false, reason: NOT_PLAIN };
  if (facts.grants.isGranted(path)) return { ok: true };
  const inLibrary = facts.roots.some((root) => isInsideFolder(path, root));
  const reallyInLibrary =
    facts.realPath !== null && facts.realRoots.some((root) => isInsideFolder(facts.realPath!, root));
  if (inLibrary && reallyInLibrary) return { ok: true };
  if (inLibrary) {
    return {
      ok: false,
      reason: 'Refused: this file links to a place outside the library folders. Open its target directly.',
    };
  }
  return {
    ok: false,
    reason:
      'Refused: Broadsheet opens only files inside the library folders or files you drop on the window. Drop the file again.',
  };
}

/** May the window add this folder (addFolders)? */
export function decideAddFolder(path: string, facts: AccessFacts): AccessDecision {
  if (plainAbsolutePath(path) !== path) return { ok: false, reason: NOT_PLAIN };
  if (facts.grants.isGranted(path)) return { ok: true };
  if (facts.recentRoots.includes(path)) return { ok: true };
  if (facts.roots.some((root) => isInsideFolder(path, root))) return { ok: true }; // the library says "already in"
  return {
    ok: false,
    reason:
      'Refused: add folders with File > Open Folder…, by dropping them on the window, or with --library.',
  };
}

/** The I/O the guard needs, passed in so it can be tested without a file system. */
interface PathGuardDeps {
  grants: PathGrants;
  /** Current and recent library folders (from the engine's settings). */
  libraryFolders: () => Promise<{ roots: string[]; recentRoots: string[] }>;
  /** fs.promises.realpath; rejects for missing paths. */
  realpath: (path: string) => Promise<string>;
}

export function createPathGuard(deps: PathGuardDeps): PathGuard {
  const facts = async (path: string): Promise<AccessFacts> => {
    const { roots, recentRoots } = await deps.libraryFolders();
    const real = (p: string) => deps.realpath(p).catch(() => null);
    const realRoots = (await Promise.all(roots.map(real))).filter((r): r is string => r !== null);
    return { roots, realRoots, recentRoots, grants: deps.grants, realPath: await real(path) };
  };
  return {
    async openFile(path) {
      const decision = decideOpenFile(path, await facts(path));
      return decision.ok ? null : { ok: false, reason: decision.reason };
    },
    async addFolders(paths) {
      const allowed: string[] = [];
      const rejected: AddFoldersResult['rejected'] = [];
      for (const path of paths) {
        const decision = decideAddFolder(path, await facts(path));
        if (decision.ok) allowed.push(path);
        else rejected.push({ path, reason: decision.reason });
      }
      return { allowed, rejected };
    },
  };
}

/**
 * The main-process side of the preload's drop report: grants the path when the sender is the app
 * window, and answers the synchronous message either way so the renderer never hangs.
 */
export function createDropGrantListener<E extends { returnValue: unknown }>(
  grants: PathGrants,
  isTrustedSender: (event: E) => boolean,
  log?: (message: string) => void,
): (event: E, path: unknown) => void {
  return (event, path) => {
    event.returnValue = false;
    if (!isTrustedSender(event)) {
      log?.('Refused a dropped-path report from an untrusted frame.');
      return;
    }
    if (typeof path !== 'string' || path.length === 0 || path.length > 4096) return;
    grants.grant([path], 'drop');
    event.returnValue = true;
  };
}
