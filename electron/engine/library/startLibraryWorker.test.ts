import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { LibraryEvent } from '../../../shared/contract';
import { copyArchive, LIBRARY_ARCHIVE } from '../testing/seeds';
import type { LibraryService } from './LibraryService';
import { startLibraryWorker } from './startLibraryWorker';

let work = '';
let service: LibraryService | null = null;

afterEach(async () => {
  await service?.close();
  service = null;
  if (work) await rm(work, { recursive: true, force: true });
});

it('runs the library in a worker thread and answers requests and events across it', async () => {
  work = await mkdtemp(join(tmpdir(), 'bs-libworker-'));
  const archive = join(work, 'archive');
  copyArchive(LIBRARY_ARCHIVE, archive);
  service = startLibraryWorker({ dataDir: join(work, 'data'), defaultRoots: [archive] });
  const events: LibraryEvent[] = [];
  const done = new Promise<void>((resolve) => {
    service?.onEvent((e) => {
      events.push(e);
      if (e.type === 'progress' && e.progress.done) resolve();
    });
  });
  await done;
  const snapshot = await service.call('getSnapshot');
  expect(snapshot.roots.map((r) => r.path)).toEqual([archive]);
  expect(snapshot.articles).toHaveLength(4);
  const result = await service.call('search', { text: '拉夫罗夫' });
  expect(result.total).toBe(2);
  await expect(service.call('removeFolder', '/not/a/root')).rejects.toThrow('is not one of the library');
  expect((await service.call('getSettings')).roots).toEqual([archive]);
  expect(events.some((e) => e.type === 'articles-upserted')).toBe(true);
});
