// Adding folders from the menu, the command line or a second instance. Folders already in the
// library are skipped quietly; anything else the engine refuses is reported to the user.

import type { AddFoldersResult } from '../../shared/contract';
import type { LibraryService } from '../engine/library/LibraryService';

export async function openFolders(
  service: Pick<LibraryService, 'call'>,
  paths: readonly string[],
): Promise<AddFoldersResult> {
  const { roots } = await service.call('getSettings');
  const fresh = [...new Set(paths)].filter((p) => !roots.includes(p));
  if (fresh.length === 0) return { added: [], rejected: [] };
  return service.call('addFolders', fresh);
}

/** One message for a dialog, or null when nothing was refused. */
export function describeRejections(result: AddFoldersResult): string | null {
  if (result.rejected.length === 0) return null;
  return result.rejected.map((r) => `${r.path}\n${r.reason}`).join('\n\n');
}
