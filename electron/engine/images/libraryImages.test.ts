// The library and its pictures together: starring an article fetches its pictures into the cache
// in the background (no Referer), the page's routes are answered from the cache once the host is
// gone, and the Library panel's numbers and Clear work.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Library } from '../library/Library';
import { ALLOW_LOOPBACK_ENV } from './imageLimits';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==',
  'base64',
);

let dir: string;
let server: Server;
let origin: string;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bs-library-images-'));
  seen.length = 0;
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'image/png' });
    res.end(Buffer.concat([PNG, Buffer.from(req.url ?? '')]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env[ALLOW_LOOPBACK_ENV] = '1';
});

afterEach(async () => {
  delete process.env[ALLOW_LOOPBACK_ENV];
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

it('prefetches a starred article’s pictures and serves them after the host is gone', async () => {
  const archive = join(dir, 'archive');
  await mkdir(archive, { recursive: true });
  await writeFile(
    join(archive, 'a.md'),
    `---\ntitle: Starred story\ndate: 2022-01-01 10:00:00\nheadimg: ${origin}/head.png\n---\n\n<p><img src="${origin}/one.png"></p><p><img src="${origin}/two.png"></p>\n`,
  );
  const library = await Library.open({
    dataDir: join(dir, 'data'),
    roots: [archive],
    watch: true,
    database: 'memory',
  });
  try {
    await library.whenIdle();
    const id = library.articles()[0]!.id;
    await library.call('setStarred', id, true);
    await library.whenImagesPrefetched();
    expect(seen.map((r) => r.url).sort()).toEqual(['/head.png', '/one.png', '/two.png']);
    expect(seen.every((r) => r.headers.referer === undefined && r.headers.cookie === undefined)).toBe(true);
    expect(await library.call('getImageCache')).toMatchObject({ images: 3, starredImages: 3 });

    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const answer = await library.serveImage(
      { kind: 'remote', articleId: id, url: `${origin}/one.png` },
      false,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('image/png');
    const missing = await library.serveImage(
      { kind: 'remote', articleId: id, url: `${origin}/three.png` },
      false,
    );
    expect(missing.status).toBe(504);
    expect(JSON.parse(Buffer.from(missing.body).toString())).toMatchObject({ reason: 'offline' });

    expect(await library.call('clearImageCache')).toMatchObject({ images: 0, bytes: 0 });
  } finally {
    await library.close();
    server.listen(0); // reopened so afterEach can close it
  }
});

it('prefetches a chosen folder (not the rest), then what the watcher adds there, and pauses', async () => {
  const news = join(dir, 'archive', 'news');
  const blog = join(dir, 'archive', 'blog');
  await mkdir(news, { recursive: true });
  await mkdir(blog, { recursive: true });
  const story = (title: string, date: string, pictures: string[]) =>
    `---\ntitle: ${title}\ndate: ${date}\n---\n\n${pictures.map((p) => `<p><img src="${origin}/${p}"></p>`).join('\n')}\n`;
  await writeFile(join(news, 'a.md'), story('News one', '2022-01-02 10:00:00', ['n1.png', 'n2.png']));
  await writeFile(join(news, 'b.md'), story('News two', '2022-01-01 10:00:00', ['n3.png']));
  await writeFile(join(blog, 'c.md'), story('Blog', '2022-01-03 10:00:00', ['b1.png']));
  const events: string[] = [];
  const library = await Library.open(
    { dataDir: join(dir, 'data'), roots: [join(dir, 'archive')], watch: true, database: 'memory' },
    (event) => {
      if (event.type === 'prefetch') events.push(event.status.state);
    },
  );
  try {
    await library.whenIdle();
    expect(await library.call('getPrefetch')).toMatchObject({ state: 'off' });
    await library.call('updateSettings', { prefetchScope: 'folders', prefetchFolders: [news] });
    await new Promise((r) => setTimeout(r, 20));
    await library.whenLibraryPrefetchSettled();
    expect(seen.map((r) => r.url).sort()).toEqual(['/n1.png', '/n2.png', '/n3.png']);
    expect(seen.every((r) => r.headers.referer === undefined)).toBe(true);
    expect(await library.call('getPrefetch')).toMatchObject({
      state: 'done',
      articlesTotal: 2,
      articlesDone: 2,
      picturesFetched: 3,
    });
    expect(events).toContain('running');

    // A new article in the chosen folder is prefetched as the watcher reports it.
    await writeFile(join(news, 'd.md'), story('News three', '2022-01-04 10:00:00', ['n4.png']));
    await expect.poll(() => seen.map((r) => r.url), { timeout: 15_000 }).toContain('/n4.png');
    await library.whenLibraryPrefetchSettled();
    expect(await library.call('getPrefetch')).toMatchObject({ articlesTotal: 3, articlesDone: 3 });

    // Paused: a new article waits; resumed: it is fetched.
    expect(await library.call('setPrefetchPaused', true)).toMatchObject({ state: 'paused' });
    await writeFile(join(news, 'e.md'), story('News four', '2022-01-05 10:00:00', ['n5.png']));
    await expect
      .poll(() => library.articles().some((a) => a.title === 'News four'), { timeout: 15_000 })
      .toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.map((r) => r.url)).not.toContain('/n5.png');
    await library.call('setPrefetchPaused', false);
    await expect.poll(() => seen.map((r) => r.url), { timeout: 15_000 }).toContain('/n5.png');
    expect(seen.map((r) => r.url)).not.toContain('/b1.png');
  } finally {
    await library.close();
  }
});
