// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from './App';
import { createFakeApi, makeArticle, makeSummary } from './app/fakeApi';
import { syncScheduler } from './app/libraryStore';

beforeAll(() => {
  // jsdom does no layout; give the virtualized list a viewport so it renders rows.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 360 });
});
afterEach(cleanup);

const rows = () => within(screen.getByRole('listbox')).getAllByRole('option');
const findRows = async () => within(await screen.findByRole('listbox')).findAllByRole('option');

const now = Date.now();
const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
const DAY = 86_400_000;

const a1 = makeSummary('a1', iso(60_000), { title: 'Lavrov meets Wang Yi', author: 'CGTN' });
const a2 = makeSummary('a2', iso(DAY), {
  title: '王毅会见俄罗斯外长拉夫罗夫',
  categories: ['金融', '新浪财经'],
});
const a3 = makeSummary('a3', iso(40 * DAY), { title: 'Older story' });

function renderApp(
  api = createFakeApi({ articles: [a1, a2, a3] }, [
    makeArticle(
      a1,
      '<p id="x" onclick="alert(1)">Body <a href="https://example.com/">link</a></p><script>alert(2)</script><style>body{display:none}</style>',
    ),
    makeArticle(a2, '<p>正文</p>'),
  ]),
) {
  render(<App api={api} scheduler={syncScheduler} />);
  return api;
}

describe('App', () => {
  it('lists headlines grouped by day, newest first', async () => {
    renderApp();
    const list = await screen.findByRole('listbox', { name: 'Headlines' });
    const options = await within(list).findAllByRole('option');
    expect(options.map((o) => o.querySelector('.headline-title')!.textContent)).toEqual([
      'Lavrov meets Wang Yi',
      '王毅会见俄罗斯外长拉夫罗夫',
      'Older story',
    ]);
    expect(list.querySelector('.day-header')!.textContent).toContain('Today');
    expect(screen.getByText('3 articles')).toBeTruthy();
  });

  it('opens an article in an isolated, sanitized shadow root and opens links externally', async () => {
    const api = renderApp();
    await findRows();
    fireEvent.click(await screen.findByText('Lavrov meets Wang Yi'));
    const article = await screen.findByRole('article', { name: 'Lavrov meets Wang Yi' });
    const host = article.querySelector('.article-body')!;
    await waitFor(() => expect(host.shadowRoot?.querySelector('p')).toBeTruthy());
    const shadow = host.shadowRoot!;
    expect(shadow.querySelector('script, [onclick]')).toBeNull();
    expect([...shadow.querySelectorAll('style')]).toHaveLength(1); // only our own sheet
    expect(shadow.querySelector('p')!.id).toBe('user-content-x');
    expect(document.querySelector('.bs-body')).toBeNull(); // nothing leaks into the document
    fireEvent.click(shadow.querySelector('a')!);
    expect(api.calls).toContainEqual({ method: 'openExternal', args: ['https://example.com/'] });
  });

  it('says when an article has no date of its own and shows its file time instead', async () => {
    const undated = makeSummary('u1', iso(5 * 60_000), { title: 'Undated note', dateSource: 'file-mtime' });
    renderApp(
      createFakeApi({ articles: [undated, a3] }, [
        makeArticle(undated, '<p>x</p>'),
        makeArticle(a3, '<p>y</p>'),
      ]),
    );
    fireEvent.click(await screen.findByText('Undated note'));
    const article = await screen.findByRole('article', { name: 'Undated note' });
    expect(within(article).getByText(/No date in the article/)).toBeTruthy();
    fireEvent.click(screen.getByText('Older story'));
    const dated = await screen.findByRole('article', { name: 'Older story' });
    expect(within(dated).queryByText(/No date in the article/)).toBeNull();
  });

  it('lets the user choose the time zone of zone-less dates in the Library panel', async () => {
    const api = renderApp();
    await findRows();
    fireEvent.keyDown(document.body, { key: 'l' });
    const dialog = await screen.findByRole('dialog', { name: 'Library' });
    const select = within(dialog).getByLabelText('Time zone of dates without one');
    fireEvent.change(select, { target: { value: 'Asia/Shanghai' } });
    await waitFor(() =>
      expect(api.calls).toContainEqual({
        method: 'updateSettings',
        args: [{ dateTimeZone: 'Asia/Shanghai' }],
      }),
    );
  });

  it('moves with j/k, stars with s, and shows it in the Starred view', async () => {
    const api = renderApp();
    await findRows();
    fireEvent.keyDown(document.body, { key: 'j' });
    await screen.findByRole('article', { name: 'Lavrov meets Wang Yi' });
    fireEvent.keyDown(document.body, { key: 'j' });
    await screen.findByRole('article', { name: '王毅会见俄罗斯外长拉夫罗夫' });
    expect(within(screen.getByRole('listbox')).getByRole('option', { selected: true }).textContent).toContain(
      '王毅',
    );
    fireEvent.keyDown(document.body, { key: 's' });
    await waitFor(() => expect(api.calls).toContainEqual({ method: 'setStarred', args: ['a2', true] }));
    const star = await screen.findByRole('button', { name: 'Unstar' });
    expect(star.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: /Starred/ }));
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('shows a missing starred article, marked, and lets it be unstarred', async () => {
    const api = createFakeApi({
      articles: [a1],
      starred: [
        {
          id: 'gone',
          contentHash: 'h',
          path: '/archive/gone.md',
          title: 'Deleted story',
          date: iso(3 * DAY),
          starredAt: iso(DAY),
          missing: true,
        },
      ],
    });
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: /Starred/ }));
    const option = (await findRows())[0]!;
    expect(option.textContent).toContain('missing');
    fireEvent.click(option);
    fireEvent.click(await screen.findByRole('button', { name: 'Unstar' }));
    await waitFor(() => expect(api.calls).toContainEqual({ method: 'setStarred', args: ['gone', false] }));
  });

  it('searches as you type, highlights matches, and Esc returns to the list', async () => {
    const api = createFakeApi({ articles: [a1, a2, a3] });
    api.searchImpl = async (q) => ({
      query: q.text,
      total: 1,
      elapsedMs: 2,
      matches: [
        {
          id: 'a2',
          path: a2.path,
          title: a2.title,
          date: a2.date,
          titleHighlights: [[9, 13]],
          snippet: '……会见俄罗斯外长拉夫罗夫……',
          snippetHighlights: [[9, 13]],
          score: 1,
        },
      ],
    });
    renderApp(api);
    await findRows();
    fireEvent.keyDown(document.body, { key: '/' });
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: '拉夫罗夫' } });
    await screen.findByText('1 result');
    const marks = [...document.querySelectorAll('.headline mark')].map((m) => m.textContent);
    expect(marks).toEqual(['拉夫罗夫', '拉夫罗夫']);
    const search = api.calls.filter((c) => c.method === 'search');
    expect(search.at(-1)!.args[0]).toMatchObject({ text: '拉夫罗夫' });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect((box as HTMLInputElement).value).toBe('');
    await screen.findByText('3 articles');
  });

  it('drops stale search responses', async () => {
    const api = createFakeApi({ articles: [a1] });
    const resolvers: ((r: unknown) => void)[] = [];
    api.searchImpl = (q) =>
      new Promise((resolve) => {
        resolvers.push(() => resolve({ query: q.text, total: q.text.length, matches: [], elapsedMs: 1 }));
      });
    renderApp(api);
    const box = await screen.findByRole('searchbox', { name: 'Search articles' });
    fireEvent.change(box, { target: { value: 'ab' } });
    await waitFor(() => expect(resolvers).toHaveLength(1));
    fireEvent.change(box, { target: { value: 'abc' } });
    await waitFor(() => expect(resolvers).toHaveLength(2));
    await act(async () => {
      resolvers[1]!(null);
    });
    await screen.findByText(/^3 results/);
    // The next keystroke's search is in flight: the count of the answer on screen stays, no "0 results".
    fireEvent.change(box, { target: { value: 'abcd' } });
    await waitFor(() => expect(resolvers).toHaveLength(3));
    expect(screen.queryByText(/^0 results/)).toBeNull();
    expect(screen.getByText(/^3 results/)).toBeTruthy();
    await act(async () => {
      resolvers[2]!(null);
    });
    await screen.findByText(/^4 results/);
    await act(async () => {
      resolvers[0]!(null);
    });
    expect(screen.getByText(/^4 results/)).toBeTruthy();
    expect(screen.queryByText(/^2 results/)).toBeNull();
  });

  it('applies library events: new articles appear in order, progress shows', async () => {
    const api = renderApp();
    await screen.findByRole('listbox');
    act(() => {
      api.emit({ type: 'progress', progress: { found: 40000, parsed: 12345, done: false } });
      api.emit({
        type: 'articles-upserted',
        articles: [makeSummary('new', iso(1000), { title: 'Brand new' })],
        folders: [],
      });
    });
    expect(await screen.findByText('Scanning… 12,345 of 40,000')).toBeTruthy();
    await waitFor(() => expect(rows()[0]!.textContent).toContain('Brand new'));
  });

  it('shows the empty state with an Open button when there are no folders', async () => {
    const api = createFakeApi({ roots: [], articles: [] });
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Open a folder…' }));
    // No native dialog in this host: the library panel with a path field opens instead.
    const dialog = await screen.findByRole('dialog', { name: 'Library' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Folder path' }), {
      target: { value: '/home/me/news' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(api.calls).toContainEqual({ method: 'addFolders', args: [['/home/me/news']] }),
    );
  });

  it('keeps a typed path that could not be added, with the reason under the field', async () => {
    const api = createFakeApi({ articles: [a1] });
    api.addFolders = async (paths) => {
      api.calls.push({ method: 'addFolders', args: [paths] });
      return paths[0] === '/home/me/news'
        ? { added: paths, rejected: [] }
        : { added: [], rejected: [{ path: paths[0]!, reason: 'This folder does not exist.' }] };
    };
    renderApp(api);
    await findRows();
    fireEvent.keyDown(document.body, { key: 'l' });
    const dialog = await screen.findByRole('dialog', { name: 'Library' });
    const field = within(dialog).getByRole('textbox', { name: 'Folder path' }) as HTMLInputElement;
    fireEvent.change(field, { target: { value: '/home/me/nwes' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      '/home/me/nwes: This folder does not exist.',
    );
    expect(field.value).toBe('/home/me/nwes');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // Nothing in the corner over the dialog: the message is in the panel.
    expect(
      screen.queryByText('/home/me/nwes: This folder does not exist.', { selector: '.toast-message' }),
    ).toBeNull();

    fireEvent.change(field, { target: { value: '/home/me/news' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect((await within(dialog).findByText('Added 1 folder to the library.')).getAttribute('role')).toBe(
      'status',
    );
    expect(field.value).toBe('');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('changes the text size with - and = (Ctrl +/- are left to zoom)', async () => {
    const api = renderApp();
    await findRows();
    fireEvent.keyDown(document.body, { key: '=' });
    await waitFor(() =>
      expect(api.calls).toContainEqual({ method: 'updateSettings', args: [{ textSize: 18 }] }),
    );
    fireEvent.keyDown(document.body, { key: '-' });
    await waitFor(() =>
      expect(api.calls).toContainEqual({ method: 'updateSettings', args: [{ textSize: 17 }] }),
    );
    const before = api.calls.length;
    fireEvent.keyDown(document.body, { key: '-', ctrlKey: true });
    expect(api.calls.slice(before).filter((c) => c.method === 'updateSettings')).toEqual([]);
  });

  it('lists categories and sources apart in the sidebar, and narrows the list by one', async () => {
    const sina = makeSummary('s1', iso(2 * DAY), { title: 'Wire copy', author: '新浪财经' });
    renderApp(createFakeApi({ articles: [a1, a2, sina] }));
    await findRows();
    const sidebar = screen.getByRole('navigation', { name: 'Categories and sources' });
    // Name and count (the unread count beside them is counted in the background and checked below).
    const names = (section: string) =>
      within(within(sidebar).getByRole('region', { name: section }))
        .getAllByRole('button')
        .map(
          (b) =>
            `${b.querySelector('.sources-name')?.textContent}${b.querySelector('.sources-count')?.firstChild?.textContent}`,
        );
    await waitFor(() => expect(names('Categories')).toEqual(['新闻2', '新浪财经1', '金融1']));
    // Nothing is read yet: every article of a category is unread.
    await waitFor(() =>
      expect(
        within(within(sidebar).getByRole('region', { name: 'Categories' }))
          .getAllByRole('button')
          .map((b) => b.querySelector('.sources-count.all-unread')?.textContent),
      ).toEqual(['2 unread', '1 unread', '1 unread']),
    );
    expect(names('Sources')).toEqual(['CGTN1', '新浪财经1']);
    // The source 新浪财经 is one article (Wire copy), the category 新浪财经 another.
    fireEvent.click(within(within(sidebar).getByRole('region', { name: 'Sources' })).getByText('新浪财经'));
    await waitFor(() =>
      expect(
        within(screen.getByRole('listbox'))
          .getAllByRole('option')
          .map((o) => o.querySelector('.headline-title')?.textContent),
      ).toEqual(['Wire copy']),
    );
    expect(screen.getByRole('button', { name: /新浪财经 · source/ })).toBeTruthy();
    // Filtering the sidebar's lists by typing.
    fireEvent.change(within(sidebar).getByRole('searchbox', { name: 'Filter categories and sources' }), {
      target: { value: '金' },
    });
    expect(names('Categories')).toEqual(['金融1']);
    expect(within(sidebar).getAllByText('None')).toHaveLength(1);
  });

  it('turns API failures into messages instead of a blank window', async () => {
    const api = renderApp();
    api.getArticle = async () => {
      throw new Error('bridge unreachable');
    };
    await findRows();
    fireEvent.click(await screen.findByText('Older story'));
    expect((await screen.findAllByText(/bridge unreachable/)).length).toBeGreaterThan(0);
    expect(screen.getByRole('listbox')).toBeTruthy();
  });

  it('adds dropped folders (uri-list fallback) and explains files it cannot use', async () => {
    const api = renderApp();
    await screen.findByRole('listbox');
    const dataTransfer = {
      files: [],
      items: [],
      types: ['text/uri-list'],
      getData: (type: string) =>
        type === 'text/uri-list' ? 'file:///srv/My%20News\nfile:///srv/photo.jpg' : '',
    };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(await screen.findByText(/Drop folders to add them/)).toBeTruthy();
    fireEvent.drop(window, { dataTransfer });
    await waitFor(() => expect(api.calls).toContainEqual({ method: 'addFolders', args: [['/srv/My News']] }));
    expect(await screen.findByText(/“photo.jpg” is not a folder or an article file/)).toBeTruthy();
    expect(screen.queryByText(/Drop folders to add them/)).toBeNull();
  });

  it('shows the shortcuts dialog on ? and closes it with Esc', async () => {
    renderApp();
    await findRows();
    fireEvent.keyDown(document.body, { key: '?' });
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('explains a failed start and retries', async () => {
    const api = createFakeApi({ articles: [a1] });
    const real = api.getSnapshot;
    let fail = true;
    api.getSnapshot = () => (fail ? Promise.reject(new Error('library locked')) : real());
    renderApp(api);
    expect(await screen.findByText(/library locked/)).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('listbox')).toBeTruthy();
  });
});
