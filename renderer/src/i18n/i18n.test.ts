import { describe, expect, it } from 'vitest';
import { en } from './en';
import { makeTranslate, resolveLanguage, resolveLocale } from './i18n';
import { zhCN } from './zhCN';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have exactly the same keys in both languages', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty strings and the same placeholders per key', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('translate Chinese strings into Chinese (not copied English)', () => {
    const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter(
      (k) =>
        en[k] === zhCN[k] && /[a-z]{4}/.test(en[k]) && !['appName', 'libraryPathPlaceholder'].includes(k),
    );
    expect(untranslated).toEqual([]);
  });
});

describe('language resolution', () => {
  it('follows the system unless the setting names a language', () => {
    expect(resolveLanguage('system', 'zh-CN')).toBe('zh-CN');
    expect(resolveLanguage('system', 'zh-TW')).toBe('zh-CN');
    expect(resolveLanguage('system', 'de-DE')).toBe('en');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh-CN', 'en-US')).toBe('zh-CN');
  });

  it('keeps the system English variant for dates', () => {
    expect(resolveLocale('en', 'en-US')).toBe('en-US');
    expect(resolveLocale('en', 'fr-FR')).toBe('en-GB');
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
  });

  it('fills placeholders and formats numbers in the locale', () => {
    const t = makeTranslate('en', 'en-GB');
    expect(t('scanning', { parsed: 12345, found: 40000 })).toBe('Scanning… 12,345 of 40,000');
    expect(makeTranslate('zh-CN', 'zh-CN')('articleCount', { count: 3 })).toBe('3 篇文章');
  });
});
