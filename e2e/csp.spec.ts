// The window's CSP has no style-src 'unsafe-inline': the article's stylesheet is a constructed one
// adopted by its shadow root. Nothing of the app's may be refused by the policy while the app and an
// article show, and the article must still be styled.

import { headlines, readerTitle, readingPane, searchBox } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

/** The page's globals used below (the e2e code compiles without the DOM library). */
interface PageGlobals {
  __cspViolations?: string[];
  document: {
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: {
        violatedDirective: string;
        blockedURI: string;
        sourceFile: string;
        lineNumber: number;
        sample: string;
      }) => void,
    ): void;
  };
  location: { href: string };
  getComputedStyle(element: unknown): {
    marginTop: string;
    marginBottom: string;
    fontSize: string;
    display: string;
  };
}

test('no CSP violation, and the article keeps its own styles without unsafe-inline', async ({
  page,
  devWeb,
}) => {
  await page.addInitScript(() => {
    const page = globalThis as unknown as PageGlobals;
    const seen: string[] = [];
    page.__cspViolations = seen;
    page.document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      ),
    );
  });
  await openApp(page, devWeb);
  const policy = await page.evaluate(async () =>
    (await fetch((globalThis as unknown as PageGlobals).location.href)).headers.get(
      'content-security-policy',
    ),
  );
  expect(policy).toMatch(/style-src 'self'(;|$)/);
  // An article without <style> of its own: the sanitizer parses an article's <style> in an inert
  // document, which Chromium reports as refused by this policy (harmless: it is stripped anyway).
  // Found by search: where an undated article sits in the list is not this test's business.
  await searchBox(page).fill('Palace Museum');
  await headlines(page).filter({ hasText: 'Palace Museum a place of arts and politics' }).first().click();
  await expect(readerTitle(page)).toContainText('Palace Museum a place of arts and politics');
  const styled = await readingPane(page)
    .locator('.article-body')
    .evaluate((host) => {
      const root = host.shadowRoot!;
      const p = root.querySelector('p')!;
      const { getComputedStyle } = globalThis as unknown as PageGlobals;
      return {
        adopted: root.adoptedStyleSheets.length,
        styleElements: root.querySelectorAll('style').length,
        // ARTICLE_CSS: p { margin: 0 0 1em }, :host { display: block }
        pMarginTop: getComputedStyle(p).marginTop,
        pMarginBottom: getComputedStyle(p).marginBottom,
        pFontSize: getComputedStyle(p).fontSize,
        hostDisplay: getComputedStyle(host).display,
      };
    });
  expect(styled.adopted).toBe(1);
  expect(styled.styleElements).toBe(0);
  expect(styled.pMarginTop).toBe('0px');
  expect(styled.pMarginBottom).toBe(styled.pFontSize);
  expect(styled.hostDisplay).toBe('block');
  await page.screenshot({ path: 'out/e2e-results/csp-article.png' });
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations)).toEqual([]);
});
