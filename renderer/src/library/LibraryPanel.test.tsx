// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/types';
import { I18nContext } from '../i18n/I18nContext';
import { makeTranslate, type UiLanguage } from '../i18n/i18n';
import { LibraryPanel } from './LibraryPanel';

afterEach(cleanup);

const PROBLEMS: Problem[] = [
  {
    path: '/lib/bad.md',
    code: 'yaml-syntax',
    severity: 'warning',
    line: 3,
    message:
      'The front matter has a YAML error on line 3: Nested mappings are not allowed. Fix that line to use it.',
    params: { line: 3, others: '', detail: 'Nested mappings are not allowed', recovered: 'yes' },
  },
  {
    path: '/lib/huge.md',
    code: 'too-large',
    severity: 'error',
    message: 'This file is 21.0 MB, over the 20.0 MB limit for one article, so it was skipped.',
    params: { size: '21.0 MB', limit: '20.0 MB' },
  },
];

function renderPanel(language: UiLanguage) {
  const i18n = {
    language,
    locale: language === 'en' ? 'en-GB' : 'zh-CN',
    t: makeTranslate(language, 'en-GB'),
  };
  render(
    <I18nContext.Provider value={i18n}>
      <LibraryPanel
        roots={[]}
        problems={PROBLEMS}
        settings={null}
        folderDialog={false}
        onPickFolders={() => {}}
        onAddPath={async () => ({ errors: [], added: null })}
        onRemove={() => {}}
        onSettings={() => {}}
        onClose={() => {}}
        imageCache={{
          getImageCache: async () => ({ bytes: 0, pictures: 0, capBytes: 0 }) as never,
          clearImageCache: async () => ({ bytes: 0, pictures: 0, capBytes: 0 }) as never,
          getPrefetch: async () => ({ state: 'off' }) as never,
          setPrefetchPaused: async () => ({ state: 'off' }) as never,
          onEvent: () => () => {},
        }}
      />
    </I18nContext.Provider>,
  );
  return screen.getByRole('table');
}

describe('LibraryPanel problem reasons', () => {
  it('are written in Chinese in the Chinese interface, with their specifics', () => {
    const table = renderPanel('zh-CN');
    const cells = within(table)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toContain(
      '前置元数据第 3 行有 YAML 错误（详情：Nested mappings are not allowed）。该行的字段被略去，其他字段均已读取。请修正该行。',
    );
    expect(cells.some((c) => c?.includes('21.0 MB') && c.includes('20.0 MB') && c.includes('已跳过'))).toBe(
      true,
    );
    expect(cells.join(' ')).not.toContain('This file is');
  });

  it('stay the engine’s English in the English interface', () => {
    const table = renderPanel('en');
    expect(within(table).getByText(PROBLEMS[1]!.message)).toBeTruthy();
  });

  it('are found by the filter in the shown language and in English', () => {
    renderPanel('zh-CN');
    const filter = screen.getByRole('searchbox');
    fireEvent.change(filter, { target: { value: '已跳过' } });
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2); // header + huge.md
    fireEvent.change(filter, { target: { value: 'YAML error' } });
    expect(within(screen.getByRole('table')).getByText(/Nested mappings/)).toBeTruthy();
  });
});
