import { useEffect, useState } from 'react';
import type { ThemeSetting } from '../../../shared/types';

type Theme = 'light' | 'dark';

export function resolveTheme(setting: ThemeSetting | undefined, systemPrefersDark: boolean): Theme {
  if (setting === 'light' || setting === 'dark') return setting;
  return systemPrefersDark ? 'dark' : 'light';
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Whether the system asks for dark mode, following changes live. */
function useSystemPrefersDark(): boolean {
  const [dark, setDark] = useState(() =>
    typeof matchMedia === 'function' ? matchMedia(DARK_QUERY).matches : false,
  );
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(DARK_QUERY);
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark;
}

/**
 * Puts the theme on <html> (data-theme + color-scheme), so the whole window, its scrollbars and the
 * article's shadow root (through inherited custom properties) switch together.
 */
export function useAppliedTheme(setting: ThemeSetting | undefined): Theme {
  const theme = resolveTheme(setting, useSystemPrefersDark());
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
