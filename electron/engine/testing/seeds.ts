// The two seed articles, where the repository keeps them once: in the sample archive the app ships
// (resources/sample-archive). Tests and benches read them from here instead of keeping copies; a
// test that needs them inside a fixture folder's shape copies them there with `copyArchive`.
import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEED_DIR = fileURLToPath(
  new URL('../../../resources/sample-archive/新浪财经/', import.meta.url),
);
export const SEED_NAMES = ['000_9fc613d590d79208.txt', '001_c6695ae4905b6fb4.txt'] as const;

/** A committed fixture archive (its own files only) and the folder inside it the seeds belong in. */
export interface ArchiveFixture {
  dir: string;
  seedFolder: string;
}

/** The engine's small archive: an English article, a hkcnews one, and the seeds in sina/. */
export const LIBRARY_ARCHIVE: ArchiveFixture = {
  dir: fileURLToPath(new URL('../library/fixtures/archive', import.meta.url)),
  seedFolder: 'sina',
};

/** The scan's archive: dated folders, broken files and a picture, and the seeds in 2022/. */
export const SCAN_ARCHIVE: ArchiveFixture = {
  dir: fileURLToPath(new URL('../scan/fixtures/library', import.meta.url)),
  seedFolder: '2022',
};

/** Copies the seeds (all, or the ones named) into `dest`, creating it if need be. */
export function copySeeds(dest: string, names: readonly string[] = SEED_NAMES): void {
  mkdirSync(dest, { recursive: true });
  for (const name of names) copyFileSync(join(SEED_DIR, name), join(dest, name));
}

/** Copies a fixture archive to `dest` with the seeds in their folder: the archive tests open. */
export function copyArchive(fixture: ArchiveFixture, dest: string): void {
  cpSync(fixture.dir, dest, { recursive: true });
  copySeeds(join(dest, fixture.seedFolder));
}
