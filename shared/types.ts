// Data shapes shared by the engine (Node), the main process, the preload and the renderer.
// Everything here must be structured-clone safe (plain objects, strings, numbers, arrays):
// these values cross worker, IPC and HTTP boundaries.
// Over 400 lines for one job: every shape the window and the engine exchange, each documented, in the
// one place both sides import (the requests themselves are in contract.ts).

import type { ProblemCode, ProblemParams } from './problemCodes';

/**
 * Where an article's date came from. `page` is a saved web page's own metadata (article:published_time,
 * JSON-LD datePublished, <time datetime>). `file-name` means the front matter had no usable date and the
 * file name or its folders did (Jekyll's `2016-08-21-slug.md`, `20160821.md`, `2016/08/21/slug.md`);
 * `file-mtime` means neither had one and the file's modification time stands in.
 */
export type DateSource = 'front-matter' | 'page' | 'file-name' | 'file-mtime';

/** How the body was written in the file. Markdown bodies are rendered to HTML by the engine. */
export type BodyFormat = 'html' | 'markdown';

export interface ArticleImages {
  /** `headimg` in the front matter. */
  head?: string;
  thumbnail?: string;
  cover?: string;
  image?: string;
}

/**
 * What a headline list, the CLI table and the library database need about one article.
 * Kept small on purpose: 100,000 of these cross IPC at startup.
 */
export interface ArticleSummary {
  /**
   * Stable id of this file in the library: derived from its absolute path, so it stays the same
   * across rescans and restarts and two files never share one (the two seeds share a title).
   */
  id: string;
  /**
   * Fingerprint of the content (title, date, author, text). Follows an article across renames and
   * moves; stars use it to find an article again.
   */
  contentHash: string;
  /** Absolute path of the file. */
  path: string;
  /** Absolute path of the library root that contains it. */
  root: string;
  title: string;
  /** ISO 8601 in UTC (`2022-08-06T04:07:06.000Z`). */
  date: string;
  dateSource: DateSource;
  author?: string;
  categories: string[];
  images: ArticleImages;
  /** Length of the plain text of the body, in characters (code points). */
  chars: number;
  /** The first ~200 characters of the plain text, for list previews. */
  excerpt: string;
  bodyFormat: BodyFormat;
  /**
   * The article's address on the web (absolute http(s)): from the front matter's `url`, `link`,
   * `permalink`, `original_url`, `source` or `canonical` (a site-relative permalink joined to the site's
   * address when known), or a saved page's canonical URL. On the summary so lists and the CLI have it.
   */
  originalUrl?: string;
  /** The site a saved web page came from (og:site_name, JSON-LD publisher), when the page says. */
  siteName?: string;
  /** File modification time, ms since epoch (used by caches and the watcher). */
  mtimeMs: number;
  /** File size in bytes. */
  size: number;
  /** True when the file was read but something was degraded (see the problems list for why). */
  degraded: boolean;
}

/**
 * The part of a summary the window's headline list needs: what crosses IPC for every article at
 * startup and with every scan batch. A quarter of a full summary (no paths, images, excerpt): the
 * snapshot of 100,000 is 23.5 MB of JSON instead of 100.6 MB (bench/renderer.ts).
 */
export type ListedArticle = Pick<
  ArticleSummary,
  'id' | 'contentHash' | 'title' | 'date' | 'author' | 'categories' | 'mtimeMs'
> & {
  /**
   * Where the file is, for the sidebar's Folders list: an index into the library's folder table
   * (LibrarySnapshot.folders), a number rather than a path so 100,000 rows stay small.
   */
  folder?: number;
  /**
   * Present (true) only when the article has no usable date and `date` is the file's time
   * (`dateSource` 'file-mtime'): the list puts it under "Undated", after every dated article.
   */
  undated?: true;
};

/**
 * A folder the sidebar's Folders list names: a library root's top-level folder, or the root itself
 * for the files directly in it. The engine numbers them as it meets them (append-only for a run).
 */
export interface FolderRef {
  /** The library root (absolute path). */
  root: string;
  /** The top-level folder's name inside the root; absent for the files directly in the root. */
  name?: string;
}

/** One article in full, as parsed. `html` is NOT sanitized: the renderer sanitizes before display. */
export interface Article extends ArticleSummary {
  html: string;
  /** Plain text of the body: no markup, comments, style or script content; entities decoded. */
  text: string;
  /** Every other front-matter field, bounded in size (see engine limits). */
  extra: Record<string, unknown>;
  /** When the article was last changed (`lastmod`, `updated`, `modified`), ISO 8601 in UTC. */
  updated?: string;
  /**
   * A saved web page (.html page, .mhtml/.mht) whose story was extracted into `html`: the whole page as
   * saved (its images from an .mhtml inlined), for "show the whole page". NOT sanitized either.
   */
  wholePage?: string;
  /**
   * The article's language as a BCP 47 tag, when the file declares it (front matter, `lang` attribute) or
   * its characters show it: Chinese is `zh-Hant` (Traditional) or `zh-Hans` (Simplified), so the pane
   * sets it in the right font.
   */
  lang?: string;
  /** Why this file is degraded, if it is. Same messages as in the library's problem list. */
  problems: Problem[];
  /** What the clean-up rules took out of the body (absent when nothing was, or clean-up was off). */
  cleaned?: CleanedBlock[];
  /** The editor named by an editor line the clean-up rules took out of the body. */
  editor?: string;
}

/** One block of boilerplate (an app advert, an editor line, a share bar) removed from a body. */
export interface CleanedBlock {
  /** Name of the rule that removed it. */
  rule: string;
  /** Its text, cut to 200 characters. */
  text: string;
}

export type ProblemSeverity = 'error' | 'warning';

/**
 * A file skipped (`error`) or read with something lost or guessed (`warning`).
 * `message` says what went wrong and what the user can do, in one or two sentences.
 */
export interface Problem {
  path: string;
  message: string;
  severity: ProblemSeverity;
  /** 1-based line in the file, where the problem has one. */
  line?: number;
  /** Machine-readable kind, e.g. `front-matter-code`, `yaml-syntax`, `binary`, `too-large` (shared/problemCodes). */
  code: ProblemCode;
  /** The specifics the message names, for the window to write the reason in its language. */
  params?: ProblemParams;
}

export interface ScanProgress {
  /** Files with an article extension found so far. */
  found: number;
  /** Of those, how many have been parsed (or failed). */
  parsed: number;
  /** True once the walk has finished and every found file is parsed. */
  done: boolean;
}

/** A library root folder and its state. */
export interface RootInfo {
  path: string;
  /** `missing`: the folder is gone (deleted, unmounted, renamed); its articles stay in stars. */
  status: 'scanning' | 'ready' | 'missing' | 'error';
  articleCount: number;
  message?: string;
}

// ---- Search -------------------------------------------------------------------------------

export interface SearchFilters {
  starredOnly?: boolean;
  /** Inclusive ISO date bounds (UTC). */
  from?: string;
  to?: string;
  /** Article must have this category (exact match). */
  category?: string;
  /** Article's author (trimmed, exact match). */
  author?: string;
  /** A folder FacetChoice value (shared/folders.ts): the article is in it. */
  folder?: string;
  /** Only unread articles, and those in keptUnread. */
  unreadOnly?: boolean;
  /** Read while the Unread view showed: still listed (at most KEPT_UNREAD_LIMIT). */
  keptUnread?: string[];
}

export interface SearchQuery {
  text: string;
  filters?: SearchFilters;
  /** Max matches returned (the total is always counted). Default 200. */
  limit?: number;
  offset?: number;
  /**
   * Chinese characters as typed: 国家 no longer finds 國家 (by default Simplified and Traditional
   * match each other). Case and accents still fold.
   */
  exactCharacters?: boolean;
  /** `relevance` (the default) or `newest` first: see electron/engine/search/relevance.ts. */
  order?: SearchOrder;
}

export type SearchOrder = 'relevance' | 'newest';
export const SEARCH_ORDERS: readonly SearchOrder[] = ['relevance', 'newest'];

/** A half-open [start, end) range of UTF-16 code units into the string it belongs to. */
export type HighlightRange = [start: number, end: number];

export interface SearchMatch {
  id: string;
  path: string;
  title: string;
  date: string;
  titleHighlights: HighlightRange[];
  snippet: string;
  snippetHighlights: HighlightRange[];
  score: number;
  contentHash?: string;
  /** Author, else the first category. */
  source?: string;
  undated?: boolean;
  read?: boolean;
  starred?: boolean;
}

export interface SearchResult {
  query: string;
  /** Exact, unless `totalEstimated`. */
  total: number;
  /**
   * The total is an estimate (a query matching more than 100,000 articles): shown as "about N";
   * the exact count is asked for separately.
   */
  totalEstimated?: boolean;
  matches: SearchMatch[];
  elapsedMs: number;
  /** What the query parser could not use as typed (an unclosed quote, an unknown operator...). */
  notices?: SearchNotice[];
}

/** Something in a query that was not searched as typed: always told, never silently dropped. */
export type SearchNotice =
  | { kind: 'queryCut'; limit: number }
  | { kind: 'tooManyTerms'; limit: number }
  | { kind: 'unclosedQuote' }
  | { kind: 'badDate'; operator: string; value: string }
  | { kind: 'unknownOperator'; operator: string }
  | { kind: 'emptyOperator'; operator: string }
  | { kind: 'negatedOperator'; operator: string }
  | { kind: 'brackets' }
  | { kind: 'wildcard' }
  | { kind: 'danglingOr' }
  | { kind: 'onlyExcluded' };

// ---- Stars ----------------------------------------------------------------------------------

export interface StarredEntry {
  /** The id the article had when last seen. */
  id: string;
  contentHash: string;
  path: string;
  title: string;
  date: string;
  starredAt: string;
  /** True when no file in the library matches this star right now. */
  missing: boolean;
  /**
   * Set when `missing` only because its file is in a folder that is not open: that folder (one it
   * was opened from, else the file's own), for the window to offer to open. The file is there.
   */
  closedFolder?: string;
}

// ---- Read state -----------------------------------------------------------------------------

/** How far into an article the reader got: [article id, 0 (top) to 1 (the end)]. */
export type ReadProgress = [id: string, progress: number];

/** The read state the window starts from: which articles are read, how far started ones were read. */
export interface ReadMarksSnapshot {
  /** Ids of the read articles (as last matched: marks follow moved and edited articles). */
  read: string[];
  progress: ReadProgress[];
}

// ---- Resume ---------------------------------------------------------------------------------

/**
 * Where the window was, to come back to it after a restart or a reload: the view, its filters, the
 * search text and the open article (its scroll position is the article's read progress). The engine
 * keeps it as the window gives it (bounded in size, see SESSION_LIMIT_CHARS); the window checks
 * each value when it restores them, so a value a later version no longer knows is simply dropped.
 */
export interface WindowSession {
  view: string;
  filter: Record<string, unknown>;
  query: string;
  openId: string | null;
  /** The list's order ('newest' or 'oldest'). */
  order?: string;
  /** The search's "exact characters" switch (Simplified and Traditional kept apart). */
  exactCharacters?: boolean;
  /** The search results' order ('relevance' or 'newest'). */
  searchOrder?: string;
}

/** The largest session the engine keeps, as JSON. */
export const SESSION_LIMIT_CHARS = 16_384;

// ---- Settings -------------------------------------------------------------------------------

export type ThemeSetting = 'system' | 'light' | 'dark';
export type LanguageSetting = 'system' | 'en' | 'zh-CN';

/** `auto`: a serif for Latin text and a sans-serif for Chinese, as each reads best on screen. */
export type ReadingFont = 'auto' | 'serif' | 'sans';
export type ColumnWidth = 'narrow' | 'medium' | 'wide';
export type ListDensity = 'compact' | 'comfortable' | 'preview';

export interface Settings {
  roots: string[];
  recentRoots: string[];
  theme: ThemeSetting;
  language: LanguageSetting;
  /** Reading pane text size in CSS px. */
  textSize: number;
  /**
   * IANA time zone for zone-less dates such as `2021-03-22 05:05:06` (Hexo reads them in the
   * machine's zone). Empty means the system zone.
   */
  dateTimeZone: string;
  /**
   * Clean-up rules on: app adverts, QR codes, share bars and editor lines are taken out of bodies
   * (the pane, previews, search). Off: every body as written.
   */
  cleanUp: boolean;
  /** Cap on the image cache, in MB; least recently used pictures go first, starred ones never. */
  imageCacheMB: number;
  /**
   * Pictures saved ahead of reading: `off` (only starred articles and what is read), the whole
   * `library`, or the articles under `prefetchFolders`.
   */
  prefetchScope: PrefetchScope;
  /** Folders whose articles are prefetched when `prefetchScope` is `folders`. */
  prefetchFolders: string[];
  /** Bandwidth the prefetch may use, in KB/s; 0 means no limit. Reading is never limited. */
  prefetchKBps: number;
  /** The reading pane's typeface: serif, sans-serif, or each script's best (auto). */
  readingFont: ReadingFont;
  /** The reading pane's column width. */
  columnWidth: ColumnWidth;
  /** Line height of the article text, in tenths (17 = 1.7). */
  lineHeight: number;
  /** Headline rows: one-line titles, titles of up to two lines, or a title and a one-line preview. */
  listDensity: ListDensity;
}

export type PrefetchScope = 'off' | 'library' | 'folders';

/** How far the library prefetch is (the Library panel; `prefetch` events). */
export interface PrefetchStatus {
  /**
   * `off`: the setting is off. `running`. `paused` by the user. `cache-full`: the cache is at its
   * cap, so nothing more is fetched ahead (it never evicts pictures to make room). `done`.
   */
  state: 'off' | 'running' | 'paused' | 'cache-full' | 'done';
  /** Articles in the chosen scope, and those whose pictures were tried. */
  articlesTotal: number;
  articlesDone: number;
  picturesFetched: number;
  picturesFailed: number;
  bytesFetched: number;
  /** Over the last few seconds. */
  bytesPerSecond: number;
}

/** The image cache as the Library panel shows it. */
export interface ImageCacheInfo {
  /** Bytes of distinct pictures stored. */
  bytes: number;
  /** Distinct pictures stored. */
  images: number;
  /** Of those, pictures kept because a starred article shows them. */
  starredImages: number;
  capBytes: number;
  /** Absolute path of the cache folder. */
  folder: string;
}

// ---- Export ---------------------------------------------------------------------------------

/** Markdown files with front matter (+ images), one self-contained HTML file, or JSON. */
export type ExportFormat = 'md' | 'html' | 'json';

/** Which articles: the starred ones, a given list (the window's current list, one article), or a search. */
export type ExportSelection =
  | { kind: 'starred' }
  | { kind: 'ids'; ids: string[] }
  | { kind: 'query'; query: SearchQuery };

export interface ExportRequest {
  selection: ExportSelection;
  format: ExportFormat;
  /** Heading of the HTML file. */
  title?: string;
  /**
   * Where to write. Never taken from the window (the validator refuses it): the host sets it from
   * its own save dialog, the CLI from --out; absent, the engine writes under the user-data folder.
   */
  destination?: string;
}

export interface ExportProgress {
  done: number;
  total: number;
  failed: number;
}

export interface ExportProblem {
  title: string;
  /** The article's file, or the picture's address. */
  path: string;
  reason: string;
}

export interface ExportSummary {
  format: ExportFormat;
  /** The file (html, json) or folder (md) written; '' when the export was cancelled before it began. */
  destination: string;
  total: number;
  exported: number;
  /** Articles that could not be exported (the first 500; `failedCount` counts them all). */
  failed: ExportProblem[];
  failedCount: number;
  imagesSaved: number;
  /** Pictures left as remote links (md) or left out (html), with why. */
  imagesNotSaved: ExportProblem[];
  imagesNotSavedCount: number;
  cancelled: boolean;
  bytesWritten: number;
  elapsedMs: number;
}
