import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { baseNameWithoutExtension } from './articleFiles';
import { MAX_TITLE_CHARS } from './limits';
import type { ProblemList } from './problems';
import { codePointLength, collapseWhitespace, cutCodePoints } from './text';

export interface TitleSources {
  /** From the front matter, already coerced ('' when missing or unusable). */
  frontMatter: string;
  firstHeading: string;
  documentTitle: string;
  text: string;
  path: string;
}

/**
 * The first non-empty of: front-matter title, first heading, `<title>`, first line of text, file name.
 * Cut at MAX_TITLE_CHARS with a warning.
 */
export function resolveTitle(sources: TitleSources, problems: ProblemList): string {
  const firstLine = () => {
    const end = sources.text.indexOf('\n');
    return sources.text.slice(0, end === -1 ? Math.min(sources.text.length, MAX_TITLE_CHARS * 2) : end);
  };
  const candidates = [
    () => sources.frontMatter,
    () => sources.firstHeading,
    () => sources.documentTitle,
    firstLine,
    () => baseNameWithoutExtension(sources.path),
  ];
  let title = '';
  for (const candidate of candidates) {
    title = collapseWhitespace(candidate());
    if (title !== '') break;
  }
  if (title === '') title = 'Untitled';
  if (codePointLength(title) > MAX_TITLE_CHARS) {
    problems.warn(
      'title-too-long',
      `The title is longer than ${MAX_TITLE_CHARS} characters and was shortened. Put a shorter title in the ` +
        'front matter (title: ...).',
      undefined,
      { limit: MAX_TITLE_CHARS },
    );
    title = `${cutCodePoints(title, MAX_TITLE_CHARS - 1)}…`;
  }
  return title;
}

// A tag name right after `<` (or `</`, `<!`): `a < b` and `x<3` stay text.
const MARKUP = /<[a-zA-Z!/]/;
const LINE_BREAKING = new Set([
  'br',
  'p',
  'div',
  'li',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
]);
const NO_TEXT = new Set(['script', 'style', 'template', 'noscript', 'title', 'svg', 'math', 'head']);

/**
 * A title written with markup as the text a reader sees: `Week in X <BR> August 21, 2016` becomes
 * `Week in X August 21, 2016`; entities are decoded and whitespace collapsed either way.
 */
export function titleText(raw: string): string {
  if (!MARKUP.test(raw)) return collapseWhitespace(decodeHTML(raw));
  let text = '';
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (NO_TEXT.has(name)) skipping++;
        else if (LINE_BREAKING.has(name) || name === 'img') text += ' ';
      },
      onclosetag(name) {
        if (NO_TEXT.has(name)) skipping = Math.max(0, skipping - 1);
        else if (LINE_BREAKING.has(name)) text += ' ';
      },
      ontext(data) {
        if (skipping === 0) text += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(raw);
  return collapseWhitespace(text);
}

/** The text without its first line when that line is the title (a body opening with `# <title>`). */
export function withoutLeadingTitle(text: string, title: string): string {
  const end = text.indexOf('\n');
  const first = end === -1 ? text : text.slice(0, end);
  if (first.length > title.length + 16 || collapseWhitespace(first) !== title) return text;
  return end === -1 ? '' : text.slice(end + 1);
}
