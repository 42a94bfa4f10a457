import type { LanguageSetting } from '../../../shared/types';
import { type Dictionary, en, type MessageKey } from './en';
import { zhCN } from './zhCN';

export type UiLanguage = 'en' | 'zh-CN';

const DICTIONARIES: Record<UiLanguage, Dictionary> = { en, 'zh-CN': zhCN };

/** The UI language: the setting when it names one, else the system language (Chinese → zh-CN). */
export function resolveLanguage(setting: LanguageSetting | undefined, systemLanguage: string): UiLanguage {
  if (setting === 'en' || setting === 'zh-CN') return setting;
  return systemLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The locale for dates and numbers. English keeps the system's English variant (en-GB writes
 * "Saturday 6 August 2022", en-US "Saturday, August 6, 2022"); otherwise the UI language.
 */
export function resolveLocale(language: UiLanguage, systemLanguage: string): string {
  if (language === 'en') return systemLanguage.toLowerCase().startsWith('en') ? systemLanguage : 'en-GB';
  return 'zh-CN';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function makeTranslate(language: UiLanguage, locale: string): Translate {
  const dict = DICTIONARIES[language];
  const numbers = new Intl.NumberFormat(locale);
  return (key, params) => {
    const template = dict[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

export type { MessageKey };
