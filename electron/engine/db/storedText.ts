// The article text as the library database keeps it, and the folded view searches check and cut
// snippets from. Title, author and body are stored together, deflated as UTF-16LE: exact for every
// string (SQLite's TEXT is UTF-8, which turns a lone surrogate into U+FFFD; searches must see what the
// oracle sees) and about half the size of plain UTF-8 for Chinese.

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { FOLD } from '../../../shared/charClass';
import type { ArticleText } from './ftsTokens';

export interface PackedFields {
  title: string;
  author: string;
  text: string;
}

/** `<title length>,<author length>;` then the three strings back to back. */
export function packFields(fields: PackedFields): Buffer {
  const head = `${fields.title.length},${fields.author.length};`;
  return deflateRawSync(Buffer.from(head + fields.title + fields.author + fields.text, 'utf16le'), {
    level: 1,
  });
}

export function unpackFields(bytes: Uint8Array): PackedFields {
  const all = inflateRawSync(bytes).toString('utf16le');
  const comma = all.indexOf(',');
  const semi = all.indexOf(';', comma);
  const titleEnd = semi + 1 + Number(all.slice(0, comma));
  const authorEnd = titleEnd + Number(all.slice(comma + 1, semi));
  return {
    title: all.slice(semi + 1, titleEnd),
    author: all.slice(titleEnd, authorEnd),
    text: all.slice(authorEnd),
  };
}

/** Folded fields joined by U+0000 (which no field contains), as ClauseMatcher and snippet.ts take them. */
export interface FoldedArticle {
  folded: string;
  /** Pairs of (position, original unit) where folding changed the text, or null when it changed none. */
  diffs: Uint32Array | null;
  titleLen: number;
  textStart: number;
}

export function foldArticle(article: ArticleText): FoldedArticle {
  const fields = [article.title, article.author ?? '', ...article.categories];
  const parts: string[] = [];
  const diffs: number[] = [];
  let at = 0;
  const add = (field: string) => {
    let out = '';
    let last = 0;
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      const f = FOLD[c]!;
      if (f !== c) {
        out += field.slice(last, i) + String.fromCharCode(f);
        last = i + 1;
        diffs.push(at + i, c);
      }
    }
    parts.push(last === 0 ? field : out + field.slice(last));
    at += field.length;
  };
  for (const field of fields) {
    add(field);
    parts.push('\u0000');
    at++;
  }
  const textStart = at;
  add(article.text);
  return {
    folded: parts.join(''),
    diffs: diffs.length ? Uint32Array.from(diffs) : null,
    titleLen: article.title.length,
    textStart,
  };
}
