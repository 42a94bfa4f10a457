// What the library database stores of an article's text, made where the article is parsed: the
// FTS5 token strings (ftsTokens.ts) and the deflated fields (storedText.ts). The scan's parse workers
// make it (ScanOptions.forDatabase) so that the one thread writing the database only inserts rows;
// made there, tokenizing and deflating run on every core instead of in the writer. Pure.

import { type ArticleText, articleTokens, type FieldTokens } from './ftsTokens';
import { packFields } from './storedText';

export interface PreparedText {
  /** text_index's tokens, field by field. */
  tokens: FieldTokens;
  /** char_index's distinct CJK units ('' when there are none). */
  unigrams: string;
  /** The deflated title, author and text (the `body` column). */
  body: Uint8Array;
}

export function prepareText(article: ArticleText): PreparedText {
  const { tokens, unigrams } = articleTokens(article);
  const packed = packFields({ title: article.title, author: article.author ?? '', text: article.text });
  // Its own exact-size buffer: a view into a bigger one would copy all of it between threads.
  return { tokens, unigrams, body: new Uint8Array(packed) };
}

/** The body as better-sqlite3 binds a BLOB, without copying. */
export function bodyBlob(body: Uint8Array): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}
