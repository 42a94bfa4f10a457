export { MAX_FILE_BYTES } from './limits';

const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm']);

/** True for names the library reads as articles: a known extension (any case), not a hidden file. */
export function isArticleFileName(name: string): boolean {
  if (name.length === 0 || name.startsWith('.')) return false;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return false;
  return ARTICLE_EXTENSIONS.has(name.slice(dot).toLowerCase());
}

/** Extension in lower case including the dot, or '' when there is none. */
export function extensionOf(name: string): string {
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const base = name.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** File name without folders and without its extension (the title of last resort). */
export function baseNameWithoutExtension(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const base = path.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? base : base.slice(0, dot);
}

export function isHtmlExtension(ext: string): boolean {
  return ext === '.html' || ext === '.htm';
}
