import { forwardRef } from 'react';
import { LIMITS } from '../../../shared/validateRequest';
import { useI18n } from '../i18n/I18nContext';

interface Props {
  value: string;
  onChange(value: string): void;
  /** Esc: clear and go back to the list. */
  onEscape(): void;
  /** Enter/ArrowDown: move into the results. */
  onEnterResults(): void;
  /** Chinese characters as typed (off: Simplified and Traditional match each other). */
  exactCharacters: boolean;
  onExactCharacters(exact: boolean): void;
}

export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox(
  { value, onChange, onEscape, onEnterResults, exactCharacters, onExactCharacters },
  ref,
) {
  const { t } = useI18n();
  // The switch shows a mark; its accessible name starts with that mark (axe: label-content-name-mismatch).
  const exactMark = exactCharacters ? '繁≠简' : '繁=简';
  return (
    <div className="search-box">
      <span className="search-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        ref={ref}
        type="search"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={value}
        spellCheck={false}
        autoComplete="off"
        maxLength={LIMITS.queryChars}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onEscape();
          } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
            e.preventDefault();
            onEnterResults();
          }
        }}
      />
      {value && (
        <button
          type="button"
          className="icon-button search-clear"
          aria-label={t('searchClear')}
          onClick={onEscape}
        >
          ×
        </button>
      )}
      <button
        type="button"
        className={`search-exact${exactCharacters ? ' on' : ''}`}
        aria-pressed={exactCharacters}
        aria-label={`${exactMark} ${t('searchExactCharacters')}`}
        title={t('searchExactCharactersHint')}
        onClick={() => onExactCharacters(!exactCharacters)}
      >
        {exactMark}
      </button>
    </div>
  );
});
