// Bounds on what one article may cost. The archive is untrusted: every size that comes from a file is
// capped so a hostile or broken file cannot exhaust memory or stall a scan.

/** Files larger than this are skipped with a `too-large` problem (checked before reading). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Titles longer than this (code points) are cut, with a warning. */
export const MAX_TITLE_CHARS = 1_000;
/** Author names longer than this (code points) are cut. */
export const MAX_AUTHOR_CHARS = 500;
/** At most this many categories, each at most MAX_CATEGORY_CHARS long. */
export const MAX_CATEGORIES = 50;
export const MAX_CATEGORY_CHARS = 200;
/** Image URLs longer than this are not kept. */
export const MAX_IMAGE_URL_CHARS = 4096;
/** Bounds on `extra` (front-matter fields we do not interpret). */
export const MAX_EXTRA_KEYS = 50;
export const MAX_EXTRA_STRING_CHARS = 2_000;
export const MAX_EXTRA_ARRAY_ITEMS = 100;
export const MAX_EXTRA_DEPTH = 5;
export const MAX_EXTRA_JSON_CHARS = 32_000;
/** YAML aliases allowed in one front-matter block; more is refused as an alias bomb. */
export const MAX_YAML_ALIASES = 100;
/** Front matter larger than this (characters) is not parsed. */
export const MAX_FRONT_MATTER_CHARS = 256 * 1024;
/** Markdown nesting (blockquotes, lists, emphasis) deeper than this is rendered flat. */
export const MAX_MARKDOWN_NESTING = 50;
/** Length of the list preview (`excerpt`), in code points. */
export const EXCERPT_CHARS = 200;
/** How much of the start of a file is inspected for binary content. */
export const BINARY_SNIFF_BYTES = 8 * 1024;
/** HTML elements nested deeper than this end the text pass (see htmlPass). */
export const MAX_HTML_DEPTH = 1_000;
/**
 * Saved web pages: the story is extracted with Readability on a linkedom DOM only when the page's
 * markup (its data: images set aside) stays within these. Measured on this machine (bench/parse.ts):
 * Readability is roughly quadratic in nesting (200 levels ~0.14 s, 500 ~0.55 s, 15,000 overflowed the
 * stack after 28 s) and linear in elements (10,000 ~1 s). Real news pages nest under 100 and have
 * 1,000-5,000 elements. Beyond a bound the whole page's text is used instead, with a problem.
 */
export const MAX_PAGE_ELEMENTS = 10_000;
export const MAX_PAGE_DEPTH = 256;
export const MAX_PAGE_MARKUP_CHARS = 2 * 1024 * 1024;
/** data: URIs shorter than this stay in the markup Readability sees; longer ones are set aside. */
export const MIN_STASHED_DATA_URI_CHARS = 256;
/** Parts of one .mhtml/.mht file beyond this many are not read (a page has tens, rarely hundreds). */
export const MAX_MHTML_PARTS = 2_000;
export { MAX_DATA_IMAGE_CHARS } from '../../../shared/limits';
/**
 * Elements a browser may build from one article's HTML (re-created formatting elements included, see
 * elementBudget.ts) before the reading pane shows its text instead: 50,000 is several times a long
 * real article with big tables, and takes Chromium about a second to sanitize and lay out.
 */
export const MAX_ARTICLE_ELEMENTS = 50_000;
/**
 * Warnings kept per file; the rest are counted in one `more-problems` warning, so one broken file
 * cannot crowd every other file's problems out of the list (250 KB of bad YAML made 20,089).
 */
export const MAX_PROBLEMS_PER_FILE = 20;
/** The latest instant a JavaScript Date holds (year 275760): later dates and file times are refused. */
export const MAX_DATE_MS = 8.64e15;
