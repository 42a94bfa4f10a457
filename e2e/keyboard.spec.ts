// The reader works from the keyboard alone: j/k read the next/previous headline, arrows move the
// highlight and Enter opens it, / searches, Esc backs out, ? lists the shortcuts, s stars.

import { headlineList, headlines, readerTitle, readingPane, searchBox } from './support/appPage';
import { expect, openApp, test } from './support/fixtures';

test('keyboard navigation', async ({ page, devWeb }) => {
  await openApp(page, devWeb);
  const titles = await headlines(page).locator('.headline-title').allTextContents();
  expect(titles.length).toBeGreaterThan(4);

  await page.keyboard.press('j');
  await expect(readerTitle(page)).toHaveText(titles[0]!);
  await page.keyboard.press('j');
  await expect(readerTitle(page)).toHaveText(titles[1]!);
  await page.keyboard.press('j');
  await expect(readerTitle(page)).toHaveText(titles[2]!);
  await page.keyboard.press('k');
  await expect(readerTitle(page)).toHaveText(titles[1]!);

  // Arrows move only the highlight; Enter opens what is highlighted.
  await headlineList(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(headlines(page).nth(3)).toHaveAttribute('aria-selected', 'true');
  await expect(readerTitle(page)).toHaveText(titles[1]!);
  await page.keyboard.press('Enter');
  await expect(readerTitle(page)).toHaveText(titles[3]!);
  await page.keyboard.press('ArrowUp');
  await expect(headlines(page).nth(2)).toHaveAttribute('aria-selected', 'true');

  // s stars the open article, and again unstars it.
  const star = readingPane(page).getByRole('button', { name: /^(Star|Unstar)$/ });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('s');
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('s');
  await expect(star).toHaveAttribute('aria-pressed', 'false');

  // / focuses the search; typing there does not trigger shortcuts; Esc clears it.
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('sjk');
  await expect(searchBox(page)).toHaveValue('sjk');
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('No articles match “sjk”.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await expect(headlineList(page)).toBeFocused();

  // ? opens the list of shortcuts; Esc closes it.
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Next headline');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
