// The clean-up step of the parse pipeline: which rules apply to an article (by where it is from) and
// what is left of its body once they ran.

import type { ArticleImages } from '../../../../shared/types';
import { type CleanResult, cleanHtml, compileRules, rulesForSource } from './cleanHtml';
import { BUILTIN_CLEAN_RULES, type CleanRule } from './cleanRules';

// Front-matter fields that say where an article came from.
const SOURCE_FIELDS = ['url', 'original_url', 'originalUrl', 'link', 'source', 'permalink', 'canonical'];

interface CleanContext {
  author?: string;
  categories: readonly string[];
  images: ArticleImages;
  extra: Record<string, unknown>;
}

/** Everything that says where an article is from, lower-cased, for rules with `sources`. */
function sourceOf(context: CleanContext): string {
  const parts: string[] = [];
  if (context.author) parts.push(context.author);
  parts.push(...context.categories);
  for (const url of Object.values(context.images)) if (typeof url === 'string') parts.push(url);
  for (const key of SOURCE_FIELDS) {
    const value = context.extra[key];
    if (typeof value === 'string') parts.push(value.slice(0, 2000));
  }
  return parts.join('\n').toLowerCase();
}

/** Runs the built-in rules and the user's on an HTML body. */
export function cleanBody(
  html: string,
  context: CleanContext,
  userRules: readonly CleanRule[] = [],
): CleanResult {
  const rules = rulesForSource(compileRules(BUILTIN_CLEAN_RULES), sourceOf(context));
  if (userRules.length > 0) rules.push(...rulesForSource(compileRules(userRules), sourceOf(context)));
  return cleanHtml(html, rules);
}

/** The image fields with every image a rule removed from the body left out (the seed's QR advert). */
export function withoutRemovedImages(images: ArticleImages, removed: readonly string[]): ArticleImages {
  if (removed.length === 0) return images;
  const gone = new Set(removed.map((src) => src.trim().replace(/^\/\//, 'https://')));
  const out: ArticleImages = {};
  for (const [key, url] of Object.entries(images) as [keyof ArticleImages, string | undefined][]) {
    if (url !== undefined && !gone.has(url.trim())) out[key] = url;
  }
  return out;
}
