import type { Article, Problem } from '../../../shared/types';
import { isUsable, resolveDate } from './articleDate';
import { extensionOf, isHtmlExtension, isMhtmlExtension } from './articleFiles';
import { detectBodyFormat, renderMarkdown } from './body';
import { chineseScriptOf, normalizeLanguageTag } from './chineseScript';
import { cleanBody, withoutRemovedImages } from './cleanup/cleanArticle';
import type { CleanRule } from './cleanup/cleanRules';
import { decodeText, removeControlRuns } from './decodeText';
import { readFields } from './fields';
import { readHeaderLines } from './headerLines';
import { type HtmlPassResult, htmlPass } from './htmlPass';
import { expandShortcodes } from './hugoShortcodes';
import { articleIdForPath, contentHashOf } from './ids';
import { EXCERPT_CHARS, MAX_ARTICLE_ELEMENTS, MAX_HTML_DEPTH } from './limits';
import { isWholePage } from './page/detectPage';
import { dataUriOf, imageLookup, looksLikeMime, readMhtml } from './page/mhtml';
import { readWebPage, type WebPageReading } from './page/readWebPage';
import { parseDate } from './parseDate';
import { type FrontMatterData, parseFrontMatter } from './parseFrontMatter';
import { expandPermalink, type SitePermalink } from './permalink';
import { ProblemList } from './problems';
import { splitFrontMatter } from './splitFrontMatter';
import { codePointLength, cutCodePoints, wellFormed } from './text';
import { resolveTitle, withoutLeadingTitle } from './title';
import { wallTimeAt } from './zonedTime';

export interface RawFile {
  path: string;
  root: string;
  bytes: Uint8Array;
  mtimeMs: number;
  size: number;
}

export interface ParseOptions {
  /** IANA zone for zone-less dates; '' or undefined = the system zone. */
  timeZone?: string;
  /**
   * The address of the site the archive was built from (a Jekyll/Hexo `_config.yml` `url`), when known:
   * site-relative permalinks become absolute `originalUrl`s against it.
   */
  siteUrl?: string;
  /**
   * Jekyll/Hexo: the site's permalink pattern, for posts whose front matter names no address
   * (expanded from the post's date, file name and categories, then joined to siteUrl).
   */
  sitePermalink?: SitePermalink;
  /** False: the body as written, without the clean-up rules ("show original", the setting off). */
  clean?: boolean;
  /** The user's own clean-up rules (already checked), applied after the built-in ones. */
  userCleanRules?: CleanRule[];
}

/** `article` is null when the file was skipped; `problems` says why (or what was degraded). */
export interface ParseOutcome {
  article: Article | null;
  problems: Problem[];
}

/** Turns one file's bytes into an Article. Never throws: failures become problems. */
export function parseArticle(file: RawFile, options: ParseOptions = {}): ParseOutcome {
  const problems = new ProblemList(file.path);
  try {
    const article = parseOrSkip(file, options, problems);
    if (article) article.degraded = problems.items.length > 0;
    return { article, problems: problems.items };
  } catch (error) {
    problems.error(
      'parse-failed',
      `Broadsheet could not read this article (${(error as Error)?.message ?? String(error)}). ` +
        'Check that it is a text, Markdown or HTML file; please report this if it is.',
      undefined,
      { detail: (error as Error)?.message ?? String(error) },
    );
    return { article: null, problems: problems.items };
  }
}

function parseOrSkip(file: RawFile, options: ParseOptions, problems: ProblemList): Article | null {
  const ext = extensionOf(file.path);
  if (isMhtmlExtension(ext) && looksLikeMime(file.bytes)) {
    const page = readMhtmlPage(file.bytes, problems);
    return page ? buildArticle(file, options, problems, { kind: 'none', body: '' }, page) : null;
  }
  const decoded = decodeText(file.bytes);
  if (decoded.kind === 'binary') {
    problems.error(
      'binary',
      `This file looks binary, not text (${decoded.reason}), so it was skipped. ` +
        'Rename it if it is not an article, or re-save it as UTF-8 text.',
      undefined,
      { detail: decoded.reason },
    );
    return null;
  }
  if (decoded.invalidBytes > 0) {
    problems.warn(
      'invalid-bytes',
      `${decoded.invalidBytes} byte sequence(s) are neither UTF-8 nor GB18030 and show as \uFFFD. ` +
        'Re-save the file as UTF-8 to fix them.',
      undefined,
      { count: decoded.invalidBytes },
    );
  }

  const controlFree = removeControlRuns(decoded.text);
  if (controlFree.removed > 0) {
    problems.warn(
      'control-characters',
      `${controlFree.removed} control characters in a row (starting on line ${controlFree.firstLine}) were removed; the rest ` +
        'of the article reads normally. Such runs come from a damaged copy; re-save the file to drop them for good.',
      controlFree.firstLine,
      { count: controlFree.removed, line: controlFree.firstLine },
    );
  }

  const split = splitFrontMatter(controlFree.text);
  // A whole saved web page (no front matter, a complete document): its story is extracted.
  const webPage =
    split.kind === 'none' && (isHtmlExtension(ext) || isMhtmlExtension(ext)) && isWholePage(split.body)
      ? readWebPage(split.body, problems)
      : null;
  return buildArticle(file, options, problems, split, webPage);
}

/** An .mhtml's HTML part read as a web page, its pictures from the other parts; null when unreadable. */
function readMhtmlPage(bytes: Uint8Array, problems: ProblemList): WebPageReading | null {
  const mhtml = readMhtml(bytes);
  if (!mhtml.ok) {
    problems.error(
      'mhtml-unreadable',
      `This .mhtml/.mht file could not be unpacked: ${mhtml.reason}. Open it in a browser to check it, ` +
        'and save the page again if it is damaged.',
      undefined,
      { detail: mhtml.reason },
    );
    return null;
  }
  if (mhtml.truncated) {
    problems.warn(
      'mhtml-truncated',
      'This .mhtml/.mht file ends in the middle of a part (its closing boundary is missing), so the ' +
        'page may be incomplete. Save the page again if something is missing.',
    );
  }
  if (mhtml.tooManyParts) {
    problems.warn(
      'mhtml-too-many-parts',
      'This .mhtml/.mht file has more parts than Broadsheet reads, so some of its pictures are not shown.',
    );
  }
  if (mhtml.outside.length > 0) {
    problems.warn(
      'mhtml-outside-part',
      `${mhtml.outside.length} part(s) of this .mhtml/.mht point outside the saved page ` +
        `(${cutCodePoints(mhtml.outside[0]!, 80)}), so they were not used; nothing is read from there.`,
      undefined,
      { count: mhtml.outside.length, first: cutCodePoints(mhtml.outside[0]!, 80) },
    );
  }
  const find = imageLookup(mhtml);
  return readWebPage(mhtml.html, problems, (stash) => {
    const tokens = new Map<object, string>();
    return (src) => {
      const part = find(src);
      if (!part) return undefined;
      let token = tokens.get(part);
      if (token === undefined) {
        token = stash.stash(dataUriOf(part));
        tokens.set(part, token);
      }
      return token;
    };
  });
}

function buildArticle(
  file: RawFile,
  options: ParseOptions,
  problems: ProblemList,
  split: ReturnType<typeof splitFrontMatter>,
  webPage: WebPageReading | null,
): Article {
  let data: FrontMatterData = parseFrontMatter(split, problems);
  let body = split.body;
  const htmlFile = isHtmlExtension(extensionOf(file.path));
  if (split.kind === 'none' && !htmlFile && !webPage) {
    // No fences: Pelican / MultiMarkdown `Title: …` lines may open the file instead.
    const headers = readHeaderLines(body);
    if (headers) {
      data = headers.data;
      body = headers.body;
    }
  }
  const fields = readFields(data, problems);

  const originalUrl =
    absoluteUrl(fields.originalUrl, options.siteUrl) ?? (webPage?.meta.originalUrl || undefined);
  let format: Article['bodyFormat'] = 'html';
  let pass: HtmlPassResult;
  let rendered = '';
  let cleaned: ReturnType<typeof cleanBody> | null = null;
  if (webPage) {
    // A saved page's story: Readability already left the site's chrome out, but what a site writes
    // inside its stories (the app advert, the editor line) is still there, so the clean-up rules run
    // on the story too, with the page's own author, site and address saying where it is from.
    // Pelican headers and Hugo shortcodes are source-file syntax: a saved page is the site's rendered
    // output, where such text is what the page shows (a post about Hugo quoting `{{< youtube >}}`).
    pass = webPage;
    if (options.clean !== false) {
      const pageSource = {
        ...fields,
        author: fields.author ?? (webPage.meta.author || undefined),
        extra: { ...fields.extra, source: webPage.meta.siteName, url: originalUrl ?? '' },
      };
      cleaned = cleanBody(webPage.html, pageSource, options.userCleanRules ?? []);
      if (cleaned.removed.length > 0)
        pass = { ...webPage, ...htmlPass(cleaned.html, { videoLink: originalUrl }) };
    }
  } else {
    format = detectBodyFormat(body, htmlFile);
    // Hugo shortcodes become what they mean before rendering, so pane, previews and search agree.
    const expanded = expandShortcodes(body, format);
    rendered = format === 'html' ? expanded.trim() : renderMarkdown(expanded);
    cleaned = options.clean === false ? null : cleanBody(rendered, fields, options.userCleanRules ?? []);
    pass = htmlPass(cleaned ? cleaned.html : rendered, { videoLink: originalUrl });
  }
  const text = pass.text;
  // The content hash stays the one of the body as written, so changing the rules (or turning them
  // off) never makes a star lose its article.
  const hashedText = webPage
    ? webPage.text
    : cleaned && cleaned.removed.length > 0
      ? htmlPass(rendered).text
      : text;
  if (pass.tooDeep) {
    problems.warn(
      'html-too-deep',
      `The article nests HTML elements more than ${MAX_HTML_DEPTH} levels deep; its text was read only up to ` +
        'that point, so search and previews may miss the rest. The file is probably damaged; open it in a ' +
        'browser to check.',
      undefined,
      { limit: MAX_HTML_DEPTH },
    );
  }
  if (pass.tooManyElements) {
    problems.warn(
      'html-too-many-elements',
      `A browser would build more than ${MAX_ARTICLE_ELEMENTS.toLocaleString('en-US')} elements from this ` +
        'article (unclosed formatting tags such as <b> or <font> are re-created in every later paragraph; ' +
        'huge tables add up too), which would freeze the reading pane, so it is shown as plain text. ' +
        'The file is probably damaged or planted; open it in a browser only if you trust it.',
      undefined,
      { limit: MAX_ARTICLE_ELEMENTS },
    );
  }

  const resolvedTitle = resolveTitle(
    {
      frontMatter: fields.title || (webPage?.meta.title ?? ''),
      firstHeading: pass.firstHeading,
      documentTitle: pass.documentTitle,
      text,
      path: file.path,
    },
    problems,
  );
  const pageDate = fields.date === undefined && webPage?.meta.date ? webPage.meta.date : undefined;
  const { date, dateSource } = resolveDate(
    pageDate ?? fields.date,
    pageDate === undefined ? 'front-matter' : 'page',
    split,
    file,
    options.timeZone ?? '',
    problems,
  );

  // The summary's strings are well-formed (text.ts wellFormed); the text keeps what the file holds.
  const title = wellFormed(resolvedTitle);
  const rawAuthor = fields.author ?? (webPage?.meta.author || undefined);
  const author = rawAuthor === undefined ? undefined : wellFormed(rawAuthor);
  const article: Article = {
    id: articleIdForPath(file.path),
    contentHash: contentHashOf(title, date, author, hashedText),
    path: file.path,
    root: file.root,
    title,
    date,
    dateSource,
    categories: fields.categories.map(wellFormed),
    images: cleaned ? withoutRemovedImages(fields.images, cleaned.removedImages) : fields.images,
    chars: codePointLength(text),
    // A body that opens with the title as its heading does not repeat it in the preview.
    excerpt: wellFormed(excerptOf(withoutLeadingTitle(text, resolvedTitle) || text)),
    bodyFormat: format,
    mtimeMs: file.mtimeMs,
    size: file.size,
    degraded: false,
    html: pass.html,
    text,
    extra: fields.extra,
    problems: problems.items,
  };
  if (author !== undefined) article.author = author;
  const address = originalUrl ?? permalinkUrl(file.path, date, dateSource, fields, options);
  if (address !== undefined) article.originalUrl = address;
  const lang = languageOf(fields.lang ?? pass.lang, text);
  if (lang !== undefined) article.lang = lang;
  let updated = parseDate(fields.updated, options.timeZone ?? '');
  if (!updated.ok && updated.reason === 'unknown-zone') updated = parseDate(fields.updated, '');
  if (updated.ok && isUsable(updated.ms)) {
    article.updated = new Date(updated.ms).toISOString();
  }
  if (cleaned && cleaned.removed.length > 0) article.cleaned = cleaned.removed;
  if (cleaned?.editor !== undefined) article.editor = cleaned.editor;
  if (webPage) {
    if (webPage.meta.siteName) article.siteName = webPage.meta.siteName;
    if (webPage.extracted && webPage.wholePage !== null) article.wholePage = webPage.wholePage;
  }
  return article;
}

/**
 * The article's language: as declared (front matter, then the HTML's lang attribute), with Chinese made
 * zh-Hant or zh-Hans by its characters when the declaration does not say which.
 */
function languageOf(declared: string | undefined, text: string): string | undefined {
  const tag = normalizeLanguageTag(declared);
  if (tag === 'zh-Hant' || tag === 'zh-Hans') return tag;
  if (tag !== undefined && tag !== 'zh') return tag;
  return chineseScriptOf(text) ?? tag;
}

/** A post's address from its site's permalink pattern, when the site and a real date are known. */
function permalinkUrl(
  path: string,
  date: string,
  dateSource: Article['dateSource'],
  fields: { categories: string[]; extra: Record<string, unknown> },
  options: ParseOptions,
): string | undefined {
  if (!options.siteUrl || !options.sitePermalink || dateSource === 'file-mtime') return undefined;
  const wall = wallTimeAt(Date.parse(date), options.timeZone ?? '');
  if (!wall) return undefined;
  const slug = typeof fields.extra.slug === 'string' ? fields.extra.slug : undefined;
  const relative = expandPermalink(options.sitePermalink, {
    path,
    wall,
    categories: fields.categories,
    slug,
  });
  return relative === null ? undefined : absoluteUrl(relative, options.siteUrl);
}

/** An absolute http(s) address as written, or a site-relative one joined to `siteUrl`; otherwise nothing. */
function absoluteUrl(url: string | undefined, siteUrl: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (/^https?:\/\//i.test(url)) return url;
  if (!siteUrl) return undefined;
  try {
    const base = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') return undefined;
    // `/2016/08/21/slug/` is relative to the site root (with its own path, as Jekyll's baseurl is).
    return new URL(url.replace(/^\/+/, ''), base).href;
  } catch {
    return undefined;
  }
}

function excerptOf(text: string): string {
  const head = text.slice(0, EXCERPT_CHARS * 2 + 2).replace(/\s+/g, ' ');
  const cut = cutCodePoints(head, EXCERPT_CHARS);
  return cut.length < head.length || text.length > head.length ? `${cut.trimEnd()}…` : cut;
}
