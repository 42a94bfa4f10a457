// The reading pane's "Aa" menu: typeface, column width, line height and the headline rows'
// density, each a setting (shared/settingsRules.ts holds the choices), remembered across starts.

import { useEffect, useRef, useState } from 'react';
import { COLUMN_WIDTHS, LINE_HEIGHT, LIST_DENSITIES, READING_FONTS } from '../../../shared/settingsRules';
import type { Settings } from '../../../shared/types';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';

export type ReadingSettings = Pick<Settings, 'readingFont' | 'columnWidth' | 'lineHeight' | 'listDensity'>;

const FONT_LABEL: Record<Settings['readingFont'], MessageKey> = {
  auto: 'fontAuto',
  serif: 'fontSerif',
  sans: 'fontSans',
};
const WIDTH_LABEL: Record<Settings['columnWidth'], MessageKey> = {
  narrow: 'widthNarrow',
  medium: 'widthMedium',
  wide: 'widthWide',
};
const DENSITY_LABEL: Record<Settings['listDensity'], MessageKey> = {
  compact: 'densityCompact',
  comfortable: 'densityComfortable',
  preview: 'densityPreview',
};

interface Props {
  settings: ReadingSettings;
  onChange(patch: Partial<ReadingSettings>): void;
}

function Choices<T extends string>(props: {
  label: string;
  values: readonly T[];
  current: T;
  name: (value: T) => string;
  onChoose: (value: T) => void;
}) {
  return (
    <fieldset className="options-row">
      <legend>{props.label}</legend>
      <div className="segmented">
        {props.values.map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={value === props.current}
            onClick={() => props.onChoose(value)}
          >
            {props.name(value)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function ReadingOptions({ settings, onChange }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  // Closes on a click elsewhere and on Escape, like any menu.
  useEffect(() => {
    if (!open) return;
    const away = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        setOpen(false);
      }
    };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', onEscape, true);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', onEscape, true);
    };
  }, [open]);
  const line = settings.lineHeight;
  return (
    <div className="reading-options" ref={ref}>
      <button
        type="button"
        className="options-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        title={t('readingOptions')}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">Aa</span>
        <span className="sr-only">{t('readingOptions')}</span>
      </button>
      {open && (
        <div className="options-panel" role="dialog" aria-label={t('readingOptions')}>
          <Choices
            label={t('optionFont')}
            values={READING_FONTS}
            current={settings.readingFont}
            name={(v) => t(FONT_LABEL[v])}
            onChoose={(readingFont) => onChange({ readingFont })}
          />
          <Choices
            label={t('optionWidth')}
            values={COLUMN_WIDTHS}
            current={settings.columnWidth}
            name={(v) => t(WIDTH_LABEL[v])}
            onChoose={(columnWidth) => onChange({ columnWidth })}
          />
          <fieldset className="options-row">
            <legend>{t('optionLineHeight')}</legend>
            <div className="segmented">
              <button
                type="button"
                disabled={line <= LINE_HEIGHT.min}
                onClick={() => onChange({ lineHeight: line - 1 })}
              >
                <span aria-hidden="true">−</span>
                <span className="sr-only">{t('lineHeightLess')}</span>
              </button>
              <output aria-live="polite">{(line / 10).toFixed(1)}</output>
              <button
                type="button"
                disabled={line >= LINE_HEIGHT.max}
                onClick={() => onChange({ lineHeight: line + 1 })}
              >
                <span aria-hidden="true">+</span>
                <span className="sr-only">{t('lineHeightMore')}</span>
              </button>
            </div>
          </fieldset>
          <Choices
            label={t('optionDensity')}
            values={LIST_DENSITIES}
            current={settings.listDensity}
            name={(v) => t(DENSITY_LABEL[v])}
            onChoose={(listDensity) => onChange({ listDensity })}
          />
        </div>
      )}
    </div>
  );
}
