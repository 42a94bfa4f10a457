// The settings rules, in one home: the defaults, the allowed values, and the check of one value.
// The engine's settings file (electron/engine/store/settingsFile), the request validation
// (validateRequest's updateSettings) and the window (the A−/A+ buttons, the values shown before the
// settings arrive) all import them, so the pane, the file and the contract cannot disagree.
// The folder lists (roots, recentRoots) need the platform's path rules and are checked by the
// settings file; the window never sets them directly (addFolders/removeFolder do).

import type {
  ColumnWidth,
  LanguageSetting,
  ListDensity,
  PrefetchScope,
  ReadingFont,
  Settings,
  ThemeSetting,
} from './types';

const THEMES: readonly ThemeSetting[] = ['system', 'light', 'dark'];
const LANGUAGES: readonly LanguageSetting[] = ['system', 'en', 'zh-CN'];

/** Reading-pane text size in CSS px: what A−/A+ (and - / =) step through, one px at a time. */
export const TEXT_SIZE = { min: 12, max: 32, default: 17 } as const;

/** Cap on the image cache in MB. */
export const IMAGE_CACHE_MB = { min: 64, max: 1024 * 1024, default: 4096 } as const;

/** What the library prefetch may cover, and how many chosen folders it keeps. */
const PREFETCH_SCOPES: readonly PrefetchScope[] = ['off', 'library', 'folders'];
const MAX_PREFETCH_FOLDERS = 100;
const MAX_FOLDER_CHARS = 4096;

/** Bandwidth of the library prefetch in KB/s (0: no limit). */
const PREFETCH_KBPS = { min: 0, max: 1_000_000, default: 0 } as const;

/** Longest time-zone name accepted (the longest IANA name is about 30 characters). */
const MAX_TIME_ZONE_CHARS = 64;

/** The reading pane's choices (the Aa menu): typeface, column width, line height in tenths. */
export const READING_FONTS: readonly ReadingFont[] = ['auto', 'serif', 'sans'];
export const COLUMN_WIDTHS: readonly ColumnWidth[] = ['narrow', 'medium', 'wide'];
/** The column's largest width per choice, in CSS px. */
export const COLUMN_WIDTH_PX: Readonly<Record<ColumnWidth, number>> = { narrow: 560, medium: 720, wide: 920 };
export const LINE_HEIGHT = { min: 12, max: 24, default: 17 } as const;
export const LIST_DENSITIES: readonly ListDensity[] = ['compact', 'comfortable', 'preview'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  roots: [],
  recentRoots: [],
  theme: 'system',
  language: 'system',
  textSize: TEXT_SIZE.default,
  dateTimeZone: '',
  cleanUp: true,
  imageCacheMB: IMAGE_CACHE_MB.default,
  prefetchScope: 'off',
  prefetchFolders: [],
  prefetchKBps: PREFETCH_KBPS.default,
  readingFont: 'auto',
  columnWidth: 'medium',
  lineHeight: LINE_HEIGHT.default,
  listDensity: 'comfortable',
});

/** The settings the window may change with updateSettings (the folders change through their own requests). */
export const WINDOW_SETTING_KEYS = [
  'theme',
  'language',
  'textSize',
  'dateTimeZone',
  'cleanUp',
  'imageCacheMB',
  'prefetchScope',
  'prefetchFolders',
  'prefetchKBps',
  'readingFont',
  'columnWidth',
  'lineHeight',
  'listDensity',
] as const satisfies readonly (keyof Settings)[];
export type WindowSettingKey = (typeof WINDOW_SETTING_KEYS)[number];

/** True when `zone` is an IANA time zone this runtime's Intl knows. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The text size one step from `current` (clamped into TEXT_SIZE). */
export function steppedTextSize(current: number, delta: number): number {
  return clampTextSize(current + delta);
}

/** The nearest size the pane offers: a size saved by an older version (10–40) is kept as near as it can be. */
export function clampTextSize(size: number): number {
  return Math.min(TEXT_SIZE.max, Math.max(TEXT_SIZE.min, Math.round(size)));
}

type SettingCheck<T> = { ok: true; value: T } | { ok: false; message: string };

function wholeIn(key: string, value: unknown, min: number, max: number, unit = ''): SettingCheck<number> {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) {
    return { ok: true, value };
  }
  return { ok: false, message: `${key} must be a whole number${unit} from ${min} to ${max}` };
}

function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): SettingCheck<T> {
  return allowed.includes(value as T)
    ? { ok: true, value: value as T }
    : { ok: false, message: `${key} must be one of ${allowed.join(', ')}` };
}

/** Absolute on POSIX (`/…`) or Windows (`C:\…`, `\\server\…`). */
const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

/** The prefetch folders: absolute paths, without duplicates, at most MAX_PREFETCH_FOLDERS. */
function folderChoice(value: unknown): SettingCheck<string[]> {
  const bad = {
    ok: false,
    message: `prefetchFolders must be a list of at most ${MAX_PREFETCH_FOLDERS} absolute folder paths`,
  } as const;
  if (!Array.isArray(value) || value.length > MAX_PREFETCH_FOLDERS) return bad;
  for (const item of value) {
    if (
      typeof item !== 'string' ||
      item.length > MAX_FOLDER_CHARS ||
      item.includes('\0') ||
      !ABSOLUTE.test(item)
    )
      return bad;
  }
  return { ok: true, value: [...new Set(value as string[])] };
}

/**
 * Checks one value the window may set. The message names the setting and what is allowed; callers
 * add what they got and wrap it in their own error type.
 */
export function checkWindowSetting<K extends WindowSettingKey>(
  key: K,
  value: unknown,
): SettingCheck<Settings[K]> {
  const result = ((): SettingCheck<unknown> => {
    const k: WindowSettingKey = key;
    switch (k) {
      case 'theme':
        return THEMES.includes(value as ThemeSetting)
          ? { ok: true, value }
          : { ok: false, message: `theme must be one of ${THEMES.join(', ')}` };
      case 'language':
        return LANGUAGES.includes(value as LanguageSetting)
          ? { ok: true, value }
          : { ok: false, message: `language must be one of ${LANGUAGES.join(', ')}` };
      case 'textSize':
        return wholeIn('textSize', value, TEXT_SIZE.min, TEXT_SIZE.max);
      case 'imageCacheMB':
        return wholeIn('imageCacheMB', value, IMAGE_CACHE_MB.min, IMAGE_CACHE_MB.max, ' of megabytes');
      case 'prefetchScope':
        return PREFETCH_SCOPES.includes(value as PrefetchScope)
          ? { ok: true, value }
          : { ok: false, message: `prefetchScope must be one of ${PREFETCH_SCOPES.join(', ')}` };
      case 'prefetchFolders':
        return folderChoice(value);
      case 'prefetchKBps':
        return wholeIn('prefetchKBps', value, PREFETCH_KBPS.min, PREFETCH_KBPS.max, ' of KB/s');
      case 'cleanUp':
        return typeof value === 'boolean'
          ? { ok: true, value }
          : { ok: false, message: 'cleanUp must be true or false' };
      case 'readingFont':
        return oneOf('readingFont', value, READING_FONTS);
      case 'columnWidth':
        return oneOf('columnWidth', value, COLUMN_WIDTHS);
      case 'lineHeight':
        return wholeIn('lineHeight', value, LINE_HEIGHT.min, LINE_HEIGHT.max, ' of tenths');
      case 'listDensity':
        return oneOf('listDensity', value, LIST_DENSITIES);
      case 'dateTimeZone':
        return typeof value === 'string' &&
          value.length <= MAX_TIME_ZONE_CHARS &&
          !value.includes('\0') &&
          (value === '' || isKnownTimeZone(value))
          ? { ok: true, value }
          : {
              ok: false,
              message:
                'dateTimeZone must be empty (the system zone) or an IANA time zone such as Asia/Hong_Kong',
            };
      default: {
        const unknownKey: never = k;
        return { ok: false, message: `Unknown setting ${String(unknownKey)}` };
      }
    }
  })();
  return result as SettingCheck<Settings[K]>;
}
