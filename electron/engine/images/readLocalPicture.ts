// A picture read from inside the library (an article's local image): opened once, checked to be a
// file inside the real root even after it was opened, bounded in size, and sniffed for its type.

import { open } from 'node:fs/promises';
import { openedOutsideRoot } from '../parse/openedInside';
import type { ImageFailure } from './imageFailure';
import { MAX_IMAGE_BYTES } from './imageLimits';
import { type ImageType, sniffImage } from './sniffImage';

export type ImageAnswer = { ok: true; bytes: Buffer; type: ImageType } | ({ ok: false } & ImageFailure);

/**
 * The picture at `path` (checked to be inside the real library root `root`), or why not. The file
 * opened is checked again (openedInside.ts): a folder on the way swapped for a link after the check
 * would otherwise lead the read outside the library.
 */
export async function readLocalPicture(path: string, root: string): Promise<ImageAnswer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return {
      ok: false,
      reason: 'not-found',
      detail: `The picture could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      return { ok: false, reason: 'not-found', detail: 'The picture path is a folder, not a file.' };
    if (openedOutsideRoot(handle.fd, path, root, info) !== null) {
      return {
        ok: false,
        reason: 'blocked',
        detail: 'The picture changed into a link to a file outside the library folders while it was opened.',
      };
    }
    if (info.size > MAX_IMAGE_BYTES) {
      return {
        ok: false,
        reason: 'too-large',
        detail: `The picture file is over ${Math.round(MAX_IMAGE_BYTES / 1048576)} MB.`,
      };
    }
    const bytes = await handle.readFile();
    const type = sniffImage(bytes);
    if (!type) return { ok: false, reason: 'not-image', detail: 'The file is not a picture.' };
    return { ok: true, bytes, type };
  } finally {
    await handle.close();
  }
}
