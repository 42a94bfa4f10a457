import { describe, expect, it } from 'vitest';
import { pollingFallbackMessage, watchFailureKind } from './watchFailure';

describe('watchFailureKind', () => {
  it('recognises the inotify limits in the wording parcel and Node use', () => {
    expect(watchFailureKind(new Error("inotify_add_watch on '/a' failed: No space left on device"))).toBe(
      'watch-limit',
    );
    expect(watchFailureKind(Object.assign(new Error('watch failed'), { code: 'ENOSPC' }))).toBe(
      'watch-limit',
    );
    expect(watchFailureKind(new Error('Unable to initialize inotify: Too many open files'))).toBe(
      'instance-limit',
    );
    expect(watchFailureKind(Object.assign(new Error('x'), { code: 'EMFILE' }))).toBe('instance-limit');
    expect(watchFailureKind(new Error('Permission denied'))).toBe('other');
  });
});

describe('pollingFallbackMessage', () => {
  it('names the limit, the folder, the polling interval and how to raise the limit', () => {
    const message = pollingFallbackMessage('/news', new Error('No space left on device'), 3000);
    expect(message).toContain('fs.inotify.max_user_watches');
    expect(message).toContain('/news every 3 seconds');
    expect(message).toContain('sudo sysctl fs.inotify.max_user_watches=');
  });

  it('passes on other failures as they are', () => {
    expect(pollingFallbackMessage('/news', new Error('Permission denied'), 1000)).toBe(
      'Broadsheet cannot watch /news for changes (Permission denied). It falls back to checking the folder every 1 second.',
    );
  });
});
