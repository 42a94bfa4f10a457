import { makeTranslate, resolveLanguage, resolveLocale } from '../i18n/i18n';

/** Shown when no host installed window.broadsheet: say what happened and how to start properly. */
export function ApiMissing({ detail }: { detail: string }) {
  const system = typeof navigator === 'undefined' ? 'en' : navigator.language || 'en';
  const language = resolveLanguage('system', system);
  const t = makeTranslate(language, resolveLocale(language, system));
  return (
    <main className="boot api-missing" role="alert">
      <h1>{t('apiMissingTitle')}</h1>
      <p>{t('apiMissingBody')}</p>
      <p className="muted">
        <code>{detail}</code>
      </p>
    </main>
  );
}
