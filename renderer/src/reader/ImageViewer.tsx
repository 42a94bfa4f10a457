import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';

export interface ViewerPicture {
  src: string;
  alt: string;
}

interface Props {
  pictures: ViewerPicture[];
  index: number;
  onClose(): void;
}

const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8];

/** Next zoom step from the current scale (the fitted scale counts as a scale too). */
function nextZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((z) => z > current + 1e-6) ?? ZOOM_STEPS.at(-1)!;
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 1e-6) ?? ZOOM_STEPS[0]!;
}

/**
 * An article's pictures, large: fitted to the window, zoomable (buttons, + and −, 0 to fit),
 * ← and → for the previous and next picture, Esc (or the backdrop) closes. A modal dialog: focus
 * moves in, stays in, and returns to the picture it came from.
 */
export function ImageViewer({ pictures, index: initial, onClose }: Props) {
  const { t } = useI18n();
  const [index, setIndex] = useState(initial);
  /** null: fitted to the window. */
  const [zoom, setZoom] = useState<number | null>(null);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const imgRef = useRef<HTMLImageElement>(null);
  const picture = pictures[index]!;
  const count = pictures.length;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialogRef.current?.focus();
    return () => previous?.focus?.();
  }, []);

  const go = (delta: number) => {
    if (count < 2) return;
    setIndex((i) => (i + delta + count) % count);
    setZoom(null);
    setNatural(null);
  };
  const fittedScale = () => {
    const img = imgRef.current;
    return img && natural ? Math.min(img.clientWidth / natural.width, img.clientHeight / natural.height) : 1;
  };
  const zoomBy = (direction: 1 | -1) => setZoom((z) => nextZoom(z ?? fittedScale(), direction));

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Tab') {
      const focusable = [...dialogRef.current!.querySelectorAll<HTMLElement>('button:not([disabled])')];
      if (focusable.length === 0) return;
      const first = focusable[0]!;
      const last = focusable[focusable.length - 1]!;
      if (
        event.shiftKey &&
        (document.activeElement === first || document.activeElement === dialogRef.current)
      ) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
      return;
    }
    // Nothing typed here reaches the app's shortcuts behind the dialog.
    event.stopPropagation();
    const isButton = (event.target as HTMLElement).tagName === 'BUTTON';
    switch (event.key) {
      case 'Escape':
        event.preventDefault();
        onClose();
        break;
      case 'ArrowLeft':
        event.preventDefault();
        go(-1);
        break;
      case 'ArrowRight':
        event.preventDefault();
        go(1);
        break;
      case '+':
      case '=':
        event.preventDefault();
        zoomBy(1);
        break;
      case '-':
        event.preventDefault();
        zoomBy(-1);
        break;
      case '0':
        event.preventDefault();
        setZoom(null);
        break;
      case 'Enter':
      case ' ':
        if (!isButton) event.preventDefault();
        break;
      default:
        if (!event.ctrlKey && !event.metaKey) event.preventDefault();
    }
  };

  const label = picture.alt
    ? t('viewerLabel', { index: index + 1, count, alt: picture.alt })
    : t('viewerLabelNoAlt', { index: index + 1, count });
  const zoomed = zoom !== null && natural !== null;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a backdrop click is a mouse shortcut; Esc and the Close button serve the keyboard
    <div
      className="image-viewer-backdrop"
      onMouseDown={(e) => {
        if (
          e.target === e.currentTarget ||
          (e.target as HTMLElement).classList.contains('image-viewer-stage')
        ) {
          onClose();
        }
      }}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        tabIndex={-1}
        className="image-viewer"
        onKeyDown={onKeyDown}
      >
        <div className={`image-viewer-stage${zoomed ? ' zoomed' : ''}`}>
          <img
            ref={imgRef}
            key={picture.src}
            src={picture.src}
            alt={picture.alt}
            referrerPolicy="no-referrer"
            onLoad={(e) =>
              setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })
            }
            style={
              zoomed
                ? {
                    width: natural.width * zoom,
                    height: natural.height * zoom,
                    maxWidth: 'none',
                    maxHeight: 'none',
                  }
                : undefined
            }
          />
        </div>
        <div className="image-viewer-bar">
          <span className="image-viewer-caption" aria-hidden="true">
            {count > 1 ? `${index + 1} / ${count}` : ''}
            {picture.alt ? ` ${picture.alt}` : ''}
          </span>
          <div className="image-viewer-tools">
            <button type="button" onClick={() => go(-1)} disabled={count < 2} title={t('viewerPrevious')}>
              <span aria-hidden="true">←</span>
              <span className="sr-only">{t('viewerPrevious')}</span>
            </button>
            <button type="button" onClick={() => go(1)} disabled={count < 2} title={t('viewerNext')}>
              <span aria-hidden="true">→</span>
              <span className="sr-only">{t('viewerNext')}</span>
            </button>
            <button type="button" onClick={() => zoomBy(-1)} title={t('viewerZoomOut')}>
              <span aria-hidden="true">−</span>
              <span className="sr-only">{t('viewerZoomOut')}</span>
            </button>
            <span className="image-viewer-zoom" aria-live="polite">
              {zoom === null ? t('viewerFit') : `${Math.round(zoom * 100)}%`}
            </span>
            <button type="button" onClick={() => zoomBy(1)} title={t('viewerZoomIn')}>
              <span aria-hidden="true">+</span>
              <span className="sr-only">{t('viewerZoomIn')}</span>
            </button>
            <button
              type="button"
              onClick={() => setZoom(null)}
              disabled={zoom === null}
              title={t('viewerFitTitle')}
            >
              {t('viewerFit')}
            </button>
            <button type="button" onClick={onClose} title={t('viewerClose')}>
              <span aria-hidden="true">✕</span>
              <span className="sr-only">{t('viewerClose')}</span>
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
