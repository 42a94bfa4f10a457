export {
  ARTICLE_EXTENSIONS,
  ARTICLE_EXTENSIONS_TEXT,
  isArticleFileName,
} from '../../../shared/articleFiles';
export { MAX_FILE_BYTES } from './limits';

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

/** A web page saved as one MIME message (Chrome/Edge "Save as single file", Internet Explorer). */
export function isMhtmlExtension(ext: string): boolean {
  return ext === '.mhtml' || ext === '.mht';
}
