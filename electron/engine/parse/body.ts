import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import type { BodyFormat } from '../../../shared/types';
import { MAX_MARKDOWN_NESTING } from './limits';

// Block-level tags: a body that opens with one of these was written as HTML. Rendering it as Markdown
// would be wrong: the seeds' bodies end in lines indented by 12 spaces, which Markdown turns into code
// blocks full of raw tags.
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'details',
  'dialog',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hr',
  'html',
  'iframe',
  'img',
  'li',
  'main',
  'meta',
  'nav',
  'ol',
  'p',
  'picture',
  'pre',
  'section',
  'style',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
  'video',
  'audio',
  'link',
  'script',
  'noscript',
]);

const LEADING_TAG = /^(?:\s|<!--[\s\S]*?-->)*<(!doctype|[a-z][a-z0-9-]*)[\s/>]/i;

/**
 * `.html`/`.htm` files are HTML. Other files are HTML when the first thing in the body (after blank
 * lines and comments) is an HTML tag that starts a block, and Markdown otherwise, including Markdown
 * that embeds HTML further down (hkcnews: a `# heading` then `<figure>`).
 */
export function detectBodyFormat(body: string, isHtmlFile: boolean): BodyFormat {
  if (isHtmlFile) return 'html';
  // Only the start matters; a bounded slice keeps a huge comment from making this scan long.
  const m = LEADING_TAG.exec(body.slice(0, 4096));
  if (!m) return 'markdown';
  const tag = m[1]!.toLowerCase();
  return tag === '!doctype' || BLOCK_TAGS.has(tag) ? 'html' : 'markdown';
}

// `html: true` keeps inline HTML (figures, images) as written; the renderer sanitizes with DOMPurify.
// maxNesting bounds recursion on hostile input such as 50,000 nested blockquotes.
// markdown-it-cjk-friendly: `他说。**这是重点。**然后` is bold, as Jekyll and Hugo sites show it, where
// CommonMark's flanking rules leave the asterisks next to CJK punctuation raw.
const markdown = new MarkdownIt('default', {
  html: true,
  linkify: false,
  typographer: false,
  maxNesting: MAX_MARKDOWN_NESTING,
}).use(cjkFriendly);

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
