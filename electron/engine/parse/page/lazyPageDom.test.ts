import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// In a fresh process (this test file's own may have loaded them already): which of linkedom and
// Readability are loaded after parsing a Markdown article, and after parsing a saved web page.
const parseArticleUrl = new URL('../parseArticle.ts', import.meta.url).href;
const testSupportUrl = new URL('../testSupport.ts', import.meta.url).href;
// Both ways in are watched: ESM imports through a resolve hook, require() through the CJS cache.
const hook = `let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/[\\\\/](linkedom|@mozilla[\\\\/]readability)[\\\\/]/.test(result.url)) port.postMessage(result.url);
  return result;
}`;
const script = `
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const imported = [];
port1.on('message', (url) => imported.push(url));
port1.unref();
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}), { data: { port: port2 }, transferList: [port2] });
const settle = () => new Promise((r) => setTimeout(r, 100)); // the hook's messages cross threads
const { parseArticle } = await import(${JSON.stringify(parseArticleUrl)});
const { rawFile } = await import(${JSON.stringify(testSupportUrl)});
const loaded = async () => {
  await settle();
  const required = Object.keys(createRequire(import.meta.url).cache)
    .filter((p) => /[\\\\/](linkedom|@mozilla[\\\\/]readability)[\\\\/]/.test(p));
  return imported.length + required.length > 0;
};
parseArticle(rawFile('---\\ntitle: Markdown\\n---\\n# Hello\\n\\nText.', '/library/a.md'));
const afterMarkdown = await loaded();
const page = '<!DOCTYPE html><html><head><title>Story</title></head><body><nav>menu</nav>' +
  '<article><h1>Story</h1>' + '<p>A paragraph of the story, long enough to count as prose.</p>'.repeat(20) +
  '</article></body></html>';
const article = parseArticle(rawFile(page, '/library/page.html')).article;
console.log(JSON.stringify({ afterMarkdown, afterPage: await loaded(), title: article.title }));
`;

describe('linkedom and Readability are loaded lazily', () => {
  it('by the first saved page, never by Markdown', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../../../', import.meta.url)),
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout.trim())).toEqual({
      afterMarkdown: false,
      afterPage: true,
      title: 'Story',
    });
  });
});
