// Which files are articles: one list for the engine's walker and watcher, the CLI and the window's
// drop handling. Pure (no Node, no DOM).

/** Extensions read as articles, lower case with the dot. `.mhtml`/`.mht` are saved web pages. */
export const ARTICLE_EXTENSIONS: readonly string[] = [
  '.md',
  '.markdown',
  '.txt',
  '.html',
  '.htm',
  '.mhtml',
  '.mht',
];

const EXTENSION_SET = new Set(ARTICLE_EXTENSIONS);

/** "…md, .markdown, .txt, .html, .htm, .mhtml and .mht", for messages. */
export const ARTICLE_EXTENSIONS_TEXT = `${ARTICLE_EXTENSIONS.slice(0, -1).join(', ')} and ${ARTICLE_EXTENSIONS.at(-1)}`;

/** True for names the library reads as articles: a known extension (any case), not a hidden file. */
export function isArticleFileName(name: string): boolean {
  if (name.length === 0 || name.startsWith('.')) return false;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return false;
  return EXTENSION_SET.has(name.slice(dot).toLowerCase());
}
