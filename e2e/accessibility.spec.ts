// No serious or critical accessibility violations (axe-core) on the main view or with an article
// open in the reading pane.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { headlines, openHeadline, searchBox } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('main view and reading pane pass axe', async ({ page, devWeb }) => {
      // Three full axe runs over the whole page: over a minute on a loaded 2-core machine (45 s timed out).
      test.slow();
      await openApp(page, devWeb);
      expect(await seriousViolations(page)).toEqual([]);
      await openHeadline(page, '王毅会见俄罗斯外长拉夫罗夫');
      expect(await seriousViolations(page)).toEqual([]);
      // Search highlights in titles and snippets, and the open row, on both themes.
      await searchBox(page).fill('拉夫罗夫');
      await expect(headlines(page).first().locator('mark').first()).toBeVisible();
      await headlines(page).first().click();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
