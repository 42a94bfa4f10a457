import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './dataDir';

describe('defaultDataDir', () => {
  it('prefers the environment variable', () => {
    expect(defaultDataDir({ BROADSHEET_DATA_DIR: '/x/y' }, 'linux', '/home/a')).toBe('/x/y');
  });
  it('follows each platform’s convention, like Electron’s userData', () => {
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/Broadsheet');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/a')).toBe('/cfg/Broadsheet');
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/Broadsheet');
  });
});
