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
    );
    title = `${cutCodePoints(title, MAX_TITLE_CHARS - 1)}…`;
  }
  return title;
}
