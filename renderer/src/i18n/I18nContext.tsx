import { createContext, useContext } from 'react';
import { makeTranslate, type Translate, type UiLanguage } from './i18n';

export interface I18n {
  language: UiLanguage;
  /** BCP 47 locale for dates and numbers. */
  locale: string;
  t: Translate;
}

const defaultI18n: I18n = { language: 'en', locale: 'en-GB', t: makeTranslate('en', 'en-GB') };

export const I18nContext = createContext<I18n>(defaultI18n);

export function useI18n(): I18n {
  return useContext(I18nContext);
}
