// Helpers for the watcher's behavioural tests: wait on events (never on fixed sleeps) and record
// everything a watcher reports so a test can check that each file was reported exactly once.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LibraryWatcher } from './LibraryWatcher';
import type { WatchChange, WatchWarning } from './watchTypes';

/**
 * Collects the watcher's changes from now on until `predicate` holds for everything collected.
 * Rejects after `timeoutMs` with what was seen, so a failing test says what arrived instead.
 */
export function nextChanges(
  watcher: LibraryWatcher,
  predicate: (changes: WatchChange[]) => boolean,
  timeoutMs = 10_000,
): Promise<WatchChange[]> {
  return new Promise((resolve, reject) => {
    const seen: WatchChange[] = [];
    const onChanges = (changes: WatchChange[]) => {
      seen.push(...changes);
      if (predicate(seen)) {
        cleanup();
        resolve(seen);
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(`Timed out after ${timeoutMs} ms; saw ${seen.length} changes: ${describeChanges(seen)}`),
      );
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      watcher.off('changes', onChanges);
    };
    watcher.on('changes', onChanges);
  });
}

/** Resolves with the arguments of the next `event` the watcher emits. */
export function nextEvent<E extends 'root-missing' | 'root-restored' | 'warning'>(
  watcher: LibraryWatcher,
  event: E,
  timeoutMs = 10_000,
): Promise<
  E extends 'root-restored' ? [string, WatchChange[]] : E extends 'warning' ? [WatchWarning] : [string]
> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      watcher.off(event, listener as never);
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for "${event}"`));
    }, timeoutMs);
    const listener = (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args as never);
    };
    watcher.once(event, listener as never);
  });
}

/** Everything a watcher reports from now on, in order. */
export function recordChanges(watcher: LibraryWatcher): WatchChange[] {
  const log: WatchChange[] = [];
  watcher.on('changes', (changes) => log.push(...changes));
  return log;
}

let markers = 0;

/**
 * Writes a marker article and waits until it is reported. Batches are reported in order, so once
 * it arrives every earlier write has been reported too: the test can count without sleeping.
 */
export async function settle(watcher: LibraryWatcher, root: string, timeoutMs = 10_000): Promise<void> {
  const marker = join(root, `zz-marker-${++markers}.md`);
  const seen = nextChanges(watcher, (c) => c.some((x) => x.path === marker), timeoutMs);
  await writeFile(marker, `# marker ${markers}\n`);
  await seen;
}

export function isMarker(change: WatchChange): boolean {
  return /zz-marker-\d+\.md$/.test(change.path);
}

export function hasChange(type: WatchChange['type'], path: string) {
  return (changes: WatchChange[]) => changes.some((c) => c.type === type && c.path === path);
}

function describeChanges(changes: WatchChange[]): string {
  const shown = changes.slice(0, 20).map((c) => `${c.type} ${c.path}`);
  return shown.join(', ') + (changes.length > 20 ? `, … (${changes.length - 20} more)` : '');
}
