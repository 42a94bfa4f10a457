// The sidebar's Folders list from the folder table and the counts: each library root (all its
// articles), and under it its top-level folders by name. A folder with no article listed is left
// out; a root is kept while the library has it open, even empty. Pure.

import { baseName, folderPath } from '../../../shared/folders';
import type { FolderRef } from '../../../shared/types';

export interface FolderEntry {
  /** What choosing it filters by (shared/folders: a root or a top-level folder's path). */
  path: string;
  /** The folder's name as written on disk (untrusted text: shown as React text). */
  name: string;
  /** 0 for a root, 1 for a folder inside one. */
  depth: 0 | 1;
  count: number;
  unread: number;
}

export function folderEntries(
  roots: readonly string[],
  table: readonly FolderRef[],
  counts: ReadonlyMap<number, number>,
  unread: ReadonlyMap<number, number> | undefined,
  collator: Intl.Collator,
): FolderEntry[] {
  const byRoot = new Map<string, { count: number; unread: number; children: FolderEntry[] }>();
  for (const root of roots) byRoot.set(root, { count: 0, unread: 0, children: [] });
  table.forEach((ref, n) => {
    const count = counts.get(n) ?? 0;
    if (count === 0) return;
    let root = byRoot.get(ref.root);
    if (!root) {
      // Articles of a root the library no longer lists (removed while a batch was on its way).
      root = { count: 0, unread: 0, children: [] };
      byRoot.set(ref.root, root);
    }
    const u = unread?.get(n) ?? 0;
    root.count += count;
    root.unread += u;
    if (ref.name !== undefined)
      root.children.push({ path: folderPath(ref), name: ref.name, depth: 1, count, unread: u });
  });
  const out: FolderEntry[] = [];
  for (const [path, root] of byRoot) {
    out.push({ path, name: baseName(path), depth: 0, count: root.count, unread: root.unread });
    out.push(...root.children.sort((a, b) => collator.compare(a.name, b.name)));
  }
  return out;
}
