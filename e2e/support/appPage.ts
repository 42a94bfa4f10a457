// How the e2e specs find their way around the window: by role and accessible name wherever the app
// offers one, so the specs also check that those names exist.

import { expect, type Locator, type Page } from '@playwright/test';

/** `name` is the list's label in the UI language (English unless the test sets a locale). */
export const headlineList = (page: Page, name = 'Headlines'): Locator => page.getByRole('listbox', { name });
export const headlines = (page: Page, name?: string): Locator => headlineList(page, name).getByRole('option');
export const readingPane = (page: Page): Locator => page.getByRole('region', { name: 'Reading pane' });
export const searchBox = (page: Page): Locator => page.getByRole('searchbox', { name: 'Search articles' });
/** The article's title in the pane's header (the body may repeat it as a heading of its own). */
export const readerTitle = (page: Page): Locator =>
  readingPane(page).getByRole('heading', { level: 1 }).first();

/** Clicks the `nth` headline with this title and waits for the reading pane to show it. */
export async function openHeadline(page: Page, title: string, nth = 0): Promise<void> {
  await headlines(page).filter({ hasText: title }).nth(nth).click();
  await expect(readerTitle(page)).toHaveText(title);
}

/**
 * The article body as the reader sees it: the rendered text of the sanitized content inside its
 * shadow root (innerText skips what is hidden and what is not rendered).
 */
export async function articleBodyText(page: Page): Promise<string> {
  const body = readingPane(page).locator('.article-body');
  await expect(body).toBeAttached();
  return body.evaluate((host) => {
    const root = host.shadowRoot;
    if (!root) return host.innerText;
    return [...root.children]
      .filter((el) => el.localName !== 'style')
      .map((el) => (el as { innerText: string }).innerText)
      .join('\n');
  });
}

export type ListRow = { kind: 'day'; label: string } | { kind: 'item'; title: string; date: string };

/** The rendered rows of the headline list from top to bottom: day headers and headlines. */
export async function renderedRows(page: Page): Promise<ListRow[]> {
  return headlineList(page).evaluate((list) => {
    const rows = [...list.querySelectorAll('.day-header, [role="option"]')]
      .map((el) => ({ el, top: el.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top);
    return rows.map(({ el }): ListRow => {
      if (el.getAttribute('role') !== 'option') {
        return { kind: 'day', label: el.querySelector('.day-label')?.textContent ?? '' };
      }
      return {
        kind: 'item',
        title: el.querySelector('.headline-title')?.textContent ?? '',
        date: el.querySelector('time')?.getAttribute('datetime') ?? '',
      };
    });
  });
}

/**
 * The arguments of the next call of `method` to the dev-web bridge that `match` accepts, once the
 * engine answered it (a save that is on disk). Start waiting before the action that makes the call.
 */
export async function bridgeCall(
  page: Page,
  method: string,
  match: (args: unknown[]) => boolean = () => true,
): Promise<unknown[]> {
  const argsOf = (request: ReturnType<import('@playwright/test').Response['request']>) =>
    ((request.postDataJSON() as { args?: unknown[] } | null)?.args ?? []) as unknown[];
  const response = await page.waitForResponse(
    (r) => new URL(r.url()).pathname === `/api/${method}` && r.ok() && match(argsOf(r.request())),
  );
  return argsOf(response.request());
}
