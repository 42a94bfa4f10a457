import { describe, expect, it } from 'vitest';
import {
  checkWindowSetting,
  clampTextSize,
  DEFAULT_SETTINGS,
  steppedTextSize,
  TEXT_SIZE,
  WINDOW_SETTING_KEYS,
} from '../../../shared/settingsRules';
import { ContractError, validateRequest } from '../../../shared/validateRequest';
import { checkSetting, parseSettingsFile, SettingsError } from './settingsFile';

// The pane's buttons, the settings file and the request check must agree on every value.
const CASES: [key: (typeof WINDOW_SETTING_KEYS)[number], value: unknown, ok: boolean][] = [
  ['textSize', TEXT_SIZE.min, true],
  ['textSize', TEXT_SIZE.max, true],
  ['textSize', TEXT_SIZE.default, true],
  ['textSize', TEXT_SIZE.min - 1, false],
  ['textSize', TEXT_SIZE.max + 1, false],
  ['textSize', 10, false],
  ['textSize', 40, false],
  ['textSize', 17.5, false],
  ['textSize', '17', false],
  ['theme', 'dark', true],
  ['theme', 'purple', false],
  ['language', 'zh-CN', true],
  ['language', 'fr', false],
  ['cleanUp', false, true],
  ['cleanUp', 'no', false],
  ['imageCacheMB', 64, true],
  ['imageCacheMB', 63, false],
  ['dateTimeZone', '', true],
  ['dateTimeZone', 'Asia/Hong_Kong', true],
  ['dateTimeZone', 'Mars/Olympus', false],
  ['dateTimeZone', 'Asia/Hong_Kong\0', false],
  ['prefetchScope', 'library', true],
  ['prefetchScope', 'folders', true],
  ['prefetchScope', 'everything', false],
  ['prefetchKBps', 0, true],
  ['prefetchKBps', 512, true],
  ['prefetchKBps', -1, false],
  ['prefetchKBps', 1.5, false],
  ['readingFont', 'sans', true],
  ['readingFont', 'comic', false],
  ['columnWidth', 'wide', true],
  ['columnWidth', 900, false],
  ['lineHeight', 12, true],
  ['lineHeight', 24, true],
  ['lineHeight', 1.7, false],
  ['lineHeight', 25, false],
  ['listDensity', 'preview', true],
  ['listDensity', 'dense', false],
];

describe('settings rules, one home', () => {
  it.each(CASES)(
    '%s = %j: allowed %s by the rule, the settings file and the request check alike',
    (key, value, ok) => {
      expect(checkWindowSetting(key, value).ok).toBe(ok);
      if (ok) {
        expect(checkSetting(key, value)).toBe(value);
        expect(validateRequest('updateSettings', [{ [key]: value }])).toEqual([{ [key]: value }]);
      } else {
        expect(() => checkSetting(key, value)).toThrow(SettingsError);
        expect(() => validateRequest('updateSettings', [{ [key]: value }])).toThrow(ContractError);
      }
    },
  );

  it('takes prefetch folders only as a short list of absolute paths', () => {
    for (const good of [[], ['/archive/news'], ['C:\\News', '\\\\server\\share']]) {
      expect(checkWindowSetting('prefetchFolders', good).ok).toBe(true);
      expect(checkSetting('prefetchFolders', good)).toEqual(good);
      expect(validateRequest('updateSettings', [{ prefetchFolders: good }])).toEqual([
        { prefetchFolders: good },
      ]);
    }
    for (const bad of ['/archive', ['relative/path'], [''], ['/a\0b'], [7], Array(101).fill('/x')]) {
      expect(checkWindowSetting('prefetchFolders', bad).ok).toBe(false);
      expect(() => checkSetting('prefetchFolders', bad)).toThrow(SettingsError);
      expect(() => validateRequest('updateSettings', [{ prefetchFolders: bad }])).toThrow(ContractError);
    }
  });

  it('says the range in both messages', () => {
    expect(() => checkSetting('textSize', 9)).toThrow(
      /textSize must be a whole number from 12 to 32 \(got 9\)/,
    );
    expect(() => validateRequest('updateSettings', [{ textSize: 9 }])).toThrow(
      /updateSettings: textSize must be a whole number from 12 to 32/,
    );
  });

  it('keeps the default inside the range and every window key in the defaults', () => {
    expect(TEXT_SIZE.default).toBeGreaterThanOrEqual(TEXT_SIZE.min);
    expect(TEXT_SIZE.default).toBeLessThanOrEqual(TEXT_SIZE.max);
    for (const key of WINDOW_SETTING_KEYS) {
      expect(checkWindowSetting(key, DEFAULT_SETTINGS[key])).toEqual({
        ok: true,
        value: DEFAULT_SETTINGS[key],
      });
    }
  });

  it('steps the text size by whole pixels and stops at the ends', () => {
    expect(steppedTextSize(17, 1)).toBe(18);
    expect(steppedTextSize(TEXT_SIZE.max, 1)).toBe(TEXT_SIZE.max);
    expect(steppedTextSize(TEXT_SIZE.min, -1)).toBe(TEXT_SIZE.min);
    expect(clampTextSize(40)).toBe(TEXT_SIZE.max);
    expect(clampTextSize(10)).toBe(TEXT_SIZE.min);
  });

  it('brings a text size saved under the old 10–40 rule to the nearest one the pane offers, without a reset', () => {
    const file = (textSize: unknown) => JSON.stringify({ version: 1, textSize, theme: 'dark' });
    for (const [saved, read] of [
      [40, 32],
      [10, 12],
      [20, 20],
    ] as const) {
      const parsed = parseSettingsFile(file(saved));
      expect(parsed).toMatchObject({ kind: 'ok', reset: [], settings: { textSize: read, theme: 'dark' } });
    }
    const bad = parseSettingsFile(file('huge'));
    expect(bad).toMatchObject({ kind: 'ok', settings: { textSize: TEXT_SIZE.default } });
    expect(bad.kind === 'ok' && bad.reset.join(' ')).toMatch(/textSize must be a whole number/);
  });
});
