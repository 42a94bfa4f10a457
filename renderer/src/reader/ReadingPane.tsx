import { forwardRef, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ImageFailureReason } from '../../../shared/imageRoutes';
import { COLUMN_WIDTH_PX, TEXT_SIZE } from '../../../shared/settingsRules';
import type { Article, StarredEntry } from '../../../shared/types';
import { ErrorBoundary } from '../app/ErrorBoundary';
import type { DateFormats } from '../app/formatDates';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { problemReason } from '../i18n/problemText';
import { StarButton } from '../stars/StarButton';
import { ArticleBody } from './ArticleBody';
import type { ImageFailureText } from './articleImages';
import { canShowWholePage, displayHtml } from './displayHtml';
import { articleLanguage } from './guessLanguage';
import { ImageViewer, type ViewerPicture } from './ImageViewer';
import { MatchNav, type MatchPosition } from './MatchNav';
import { ReadingOptions, type ReadingSettings } from './ReadingOptions';
import type { ArticleLoad } from './useArticle';

interface Props {
  load: ArticleLoad;
  /** The search whose matches are marked in the article. */
  highlight?: { query: string; exactCharacters: boolean } | undefined;
  /** Where the [ and ] keys are among the marked matches ("3 of 12"). */
  match?: MatchPosition;
  /** The article's matches were marked again (a new article or search): how many there are. */
  onMatchCount?: (count: number) => void;
  onStepMatch?: (delta: 1 | -1) => void;
  /** A starred article whose file is gone: there is nothing to load, only the star to manage. */
  missingStar: StarredEntry | null;
  /** The open article is not part of the library (a dropped file). */
  external: boolean;
  starred: boolean;
  onToggleStar(): void;
  /** Opens the folder a starred article sits in (adds it to the library). */
  onOpenFolder(folder: string): void;
  textSize: number;
  onTextSize(delta: number): void;
  formats: DateFormats;
  onOpenLink(url: string): void;
  onCopyLink(url: string): void;
  /** Shows the article's file in its folder; absent where the host cannot (the browser build). */
  onShowInFolder?: (id: string) => void;
  /** The open article as written, without the clean-up rules ("Show original"). */
  loadOriginal(id: string): Promise<Article | null>;
  /** Show a saved web page as saved rather than its story (when the article has one). */
  wholePage: boolean;
  onToggleWholePage(): void;
  /** Typeface, column width, line height, headline density (the Aa menu). */
  reading: ReadingSettings;
  onReading(patch: Partial<ReadingSettings>): void;
}

const REASON_KEYS: Record<ImageFailureReason | 'unknown' | 'not-loaded', MessageKey> = {
  unknown: 'imageReasonUnknown',
  'not-loaded': 'imageReasonNotLoaded',
  offline: 'imageReasonOffline',
  'not-found': 'imageReasonNotFound',
  refused: 'imageReasonRefused',
  'too-large': 'imageReasonTooLarge',
  blocked: 'imageReasonBlocked',
  'not-image': 'imageReasonNotImage',
};

export const ReadingPane = forwardRef<HTMLDivElement, Props>(function ReadingPane(props, ref) {
  const { t } = useI18n();
  const { load, missingStar } = props;
  let content: React.ReactNode;
  if (missingStar) {
    content = (
      <article className="reader-article" aria-label={missingStar.title}>
        <header className="reader-header">
          <h1 className="reader-title">{missingStar.title}</h1>
          <div className="reader-byline">
            <time dateTime={missingStar.date}>
              {props.formats.longDateTime(Date.parse(missingStar.date))}
            </time>
            {missingStar.closedFolder ? (
              <span className="badge badge-closed">{t('folderNotOpen')}</span>
            ) : (
              <span className="badge badge-missing">{t('missing')}</span>
            )}
          </div>
        </header>
        {missingStar.closedFolder ? (
          <>
            <p className="reader-message">
              {t('readerStarInClosedFolder', { folder: missingStar.closedFolder })}
            </p>
            <p>
              <button
                type="button"
                className="button primary"
                onClick={() => props.onOpenFolder(missingStar.closedFolder!)}
              >
                {t('readerOpenFolder')}
              </button>
            </p>
          </>
        ) : (
          <p className="reader-message">{t('readerMissingStar')}</p>
        )}
        <p className="reader-path">{missingStar.path}</p>
        <StarButton starred onToggle={props.onToggleStar} />
      </article>
    );
  } else if (load.status === 'idle') {
    content = (
      <div className="reader-empty">
        <p>{t('readerEmpty')}</p>
        <p className="hint">{t('readerHint')}</p>
      </div>
    );
  } else if (load.status === 'loading') {
    content = (
      <p className="reader-message" role="status">
        {t('readerLoading')}
      </p>
    );
  } else if (load.status === 'not-found') {
    content = <p className="reader-message">{t('readerNotFound')}</p>;
  } else if (load.status === 'error') {
    content = (
      <p className="reader-message error" role="alert">
        {t('articleLoadFailed', { message: load.message })}
      </p>
    );
  } else {
    content = (
      <ErrorBoundary
        key={`${load.article.id}:${load.article.mtimeMs}`}
        fallback={(error) => (
          <p className="reader-message error" role="alert">
            {t('readerFailed', { message: error.message })}
          </p>
        )}
      >
        <ArticleView {...props} article={load.article} />
      </ErrorBoundary>
    );
  }
  return (
    <section className="reader" aria-label={t('readerLabel')}>
      {/* Focusable, so that once it is clicked or tabbed to, arrows, Page Down, Space and End
          scroll the article instead of moving through the headlines. */}
      <div
        ref={ref}
        className="reader-scroll"
        data-reader-scroll
        data-font={props.reading.readingFont}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard
        tabIndex={0}
        style={{
          ['--reader-size' as string]: `${props.textSize}px`,
          ['--reader-line' as string]: String(props.reading.lineHeight / 10),
          ['--reader-width' as string]: `${COLUMN_WIDTH_PX[props.reading.columnWidth]}px`,
        }}
      >
        {content}
      </div>
    </section>
  );
});

/** No text and nothing to look at: the pane says so instead of showing a blank page. */
function isEmptyArticle(article: Pick<Article, 'text' | 'html'>): boolean {
  return (
    article.text.trim() === '' &&
    !/<(?:img|picture|video|audio|iframe|svg|table|figure)\b/i.test(article.html)
  );
}

type OriginalState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'shown'; article: Article }
  | { status: 'error'; message: string };

function ArticleView(props: Props & { article: Article }) {
  const { t, language } = useI18n();
  const { article: cleaned, formats, loadOriginal } = props;
  const [original, setOriginal] = useState<OriginalState>({ status: 'off' });
  useEffect(() => {
    if (original.status !== 'loading') return;
    let live = true;
    loadOriginal(cleaned.id).then(
      (found) => {
        if (!live) return;
        if (found) setOriginal({ status: 'shown', article: found });
        else setOriginal({ status: 'error', message: t('readerNotFound') });
      },
      (error: unknown) => {
        if (live) setOriginal({ status: 'error', message: (error as Error)?.message ?? String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [original.status, cleaned.id, loadOriginal, t]);
  const article = original.status === 'shown' ? original.article : cleaned;
  const lang = articleLanguage(article.lang, `${article.title} ${article.excerpt}`);
  const hasWholePage = canShowWholePage(article);
  const whole = props.wholePage && hasWholePage;
  const shown = useMemo(() => displayHtml(article, whole), [article, whole]);
  const [viewer, setViewer] = useState<{ pictures: ViewerPicture[]; index: number } | null>(null);
  const textCutNote = (omitted: number) => t('readerTextCut', { count: omitted });
  const failureText: ImageFailureText = ({ reason, count, alt }) => {
    const why = t(REASON_KEYS[reason ?? 'unknown']);
    if (count > 1) return t('imagesNotShown', { count, reason: why });
    return alt ? t('imageNotShownAlt', { alt, reason: why }) : t('imageNotShown', { reason: why });
  };
  return (
    <article
      className="reader-article"
      aria-label={article.title}
      lang={lang}
      data-cjk={lang && /^(?:zh|ja|ko)(?:-|$)/.test(lang) ? '' : undefined}
    >
      <header className="reader-header">
        <div className="reader-tools">
          {hasWholePage && (
            <button
              type="button"
              className="whole-page-button"
              aria-pressed={whole}
              aria-keyshortcuts="w"
              title={t('shortcutWholePage')}
              onClick={props.onToggleWholePage}
            >
              {t(whole ? 'readerShowStory' : 'readerShowWholePage')}
            </button>
          )}
          <StarButton starred={props.starred} onToggle={props.onToggleStar} />
          <ReadingOptions settings={props.reading} onChange={props.onReading} />
          <fieldset className="text-size" aria-label={`${t('textSmaller')} / ${t('textLarger')}`}>
            <button
              type="button"
              title={t('textSmaller')}
              disabled={props.textSize <= TEXT_SIZE.min}
              onClick={() => props.onTextSize(-1)}
            >
              {/* The name comes from the hidden text, so the visible "A−" is not read out as the name
                  (axe: label-content-name-mismatch). */}
              <span aria-hidden="true">A−</span>
              <span className="sr-only">{t('textSmaller')}</span>
            </button>
            <button
              type="button"
              title={t('textLarger')}
              disabled={props.textSize >= TEXT_SIZE.max}
              onClick={() => props.onTextSize(1)}
            >
              {/* The name comes from the hidden text, so the visible "A+" is not read out as the name
                  (axe: label-content-name-mismatch). */}
              <span aria-hidden="true">A+</span>
              <span className="sr-only">{t('textLarger')}</span>
            </button>
          </fieldset>
        </div>
        <h1 className="reader-title">{article.title}</h1>
        <div className="reader-byline">
          <time dateTime={article.date}>{formats.longDateTime(Date.parse(article.date))}</time>
          {article.dateSource === 'file-mtime' && (
            <span className="reader-date-source" title={t('readerDateFromFile')}>
              {t('readerDateFromFile')}
            </span>
          )}
          {article.author && (
            <span className="reader-author">{t('readerBy', { author: article.author })}</span>
          )}
          {cleaned.editor && (
            <span className="reader-editor">{t('readerEditor', { editor: cleaned.editor })}</span>
          )}
          {article.siteName && <span className="reader-site">{article.siteName}</span>}
        </div>
        {(article.originalUrl || (props.onShowInFolder && !props.external)) && (
          <div className="reader-links">
            {article.originalUrl && (
              <>
                <button
                  type="button"
                  className="link-button"
                  title={t('readerOpenOriginalTitle', { url: article.originalUrl })}
                  onClick={() => props.onOpenLink(article.originalUrl!)}
                >
                  {t('readerOpenOriginalPage')}
                  <span aria-hidden="true"> ↗</span>
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => props.onCopyLink(article.originalUrl!)}
                >
                  {t('readerCopyLink')}
                </button>
              </>
            )}
            {props.onShowInFolder && !props.external && (
              <button type="button" className="link-button" onClick={() => props.onShowInFolder!(article.id)}>
                {t('readerShowInFolder')}
              </button>
            )}
          </div>
        )}
        {article.categories.length > 0 && (
          <ul className="reader-categories">
            {article.categories.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        )}
        {cleaned.cleaned && cleaned.cleaned.length > 0 && (
          <div className="reader-cleaned">
            <span title={cleaned.cleaned.map((block) => `${block.rule}: ${block.text}`).join('\n')}>
              {original.status === 'shown'
                ? t('readerShowingOriginal')
                : t('readerCleaned', { count: String(cleaned.cleaned.length) })}
            </span>
            <button
              type="button"
              className="link-button"
              aria-pressed={original.status === 'shown'}
              disabled={original.status === 'loading'}
              onClick={() =>
                setOriginal(original.status === 'shown' ? { status: 'off' } : { status: 'loading' })
              }
            >
              {original.status === 'shown' ? t('readerShowCleaned') : t('readerShowOriginal')}
            </button>
            {original.status === 'error' && (
              <span className="error" role="alert">
                {t('readerOriginalFailed', { message: original.message })}
              </span>
            )}
          </div>
        )}
        {props.external && <p className="reader-note">{t('readerOpenedFile', { path: article.path })}</p>}
        {article.problems.length > 0 && (
          <details className="reader-problems">
            <summary>{t('readerDegraded')}</summary>
            <ul>
              {article.problems.map((p) => (
                <li key={`${p.code}:${p.line ?? ''}:${p.message}`}>{problemReason(p, language)}</li>
              ))}
            </ul>
          </details>
        )}
      </header>
      {whole && <p className="reader-note">{t('readerWholePageNote')}</p>}
      {!whole && isEmptyArticle(article) && (
        <p className="reader-note reader-empty-article">{t('readerEmptyArticle')}</p>
      )}
      {shown.asText && (
        <p className="reader-note">
          {t(
            shown.asText === 'too-deep'
              ? 'readerAsTextDeep'
              : shown.asText === 'too-many-elements'
                ? 'readerAsTextElements'
                : 'readerAsTextLarge',
          )}
        </p>
      )}
      {props.highlight && props.highlight.query.trim() !== '' && props.match && props.onStepMatch && (
        <MatchNav match={props.match} onStep={props.onStepMatch} />
      )}
      <ArticleBody
        html={shown.html}
        title={article.title}
        headImage={article.images.head}
        articleId={article.id}
        baseUrl={article.originalUrl}
        unavailableLinkText={(href) => t('readerLinkUnavailable', { href })}
        failureText={failureText}
        text={article.text}
        overBoundNote={t('readerAsTextElements')}
        textCutNote={textCutNote}
        onOpenLink={props.onOpenLink}
        onOpenImage={(pictures, index) => setViewer({ pictures, index })}
        highlight={props.highlight}
        onMatchCount={props.onMatchCount}
      />
      {viewer &&
        createPortal(
          <ImageViewer pictures={viewer.pictures} index={viewer.index} onClose={() => setViewer(null)} />,
          document.body,
        )}
    </article>
  );
}
