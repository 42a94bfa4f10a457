import { useEffect, useState, useSyncExternalStore } from 'react';
import type { BroadsheetApi, Capabilities, LibraryEvent } from '../../../shared/contract';
import type { WindowSession } from '../../../shared/types';
import { errorMessage } from '../api';
import { perfMark } from '../perf/marks';
import { fromSnapshot, type LibraryState } from './libraryState';
import type { LibraryStore } from './libraryStore';

type BootState = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; message: string };

/**
 * Snapshot, then events. Events that arrive while the snapshot is on its way are queued and
 * replayed over it in order: each event sets state (never increments it), so replaying one the
 * snapshot already contains converges on the same result. `attempt` re-runs the whole boot.
 */
export function useLibrary(
  api: BroadsheetApi,
  store: LibraryStore,
  attempt: number,
): {
  state: LibraryState;
  boot: BootState;
  capabilities: Capabilities | null;
  /** Where the window was last time (read once per boot; null the first time or if unreadable). */
  session: WindowSession | null;
} {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const [boot, setBoot] = useState<BootState>({ status: 'loading' });
  const [capabilities, setCapabilities] = useState<Capabilities | null>(null);
  const [session, setSession] = useState<WindowSession | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the boot on "Try again"
  useEffect(() => {
    let live = true;
    let queue: LibraryEvent[] | null = [];
    setBoot({ status: 'loading' });
    const unsubscribe = api.onEvent((event) => {
      if (!live) return;
      // Menu commands are the window's, not the library's (App runs them).
      if (event.type === 'menu') return;
      if (queue) queue.push(event);
      else store.dispatch(event);
      if (event.type === 'progress' && event.progress.done) {
        perfMark('scan-done', { articles: store.getState().articles.length, queued: !!queue });
      }
    });
    // A session that cannot be read only means the window opens on All.
    const lastSession = api.getSession().catch(() => null);
    Promise.all([api.getSnapshot(), api.getSettings(), api.getCapabilities(), lastSession])
      .then(([snapshot, settings, caps, saved]) => {
        if (!live) return;
        perfMark('snapshot-received', {
          articles: snapshot.articles.length,
          settled: snapshot.progress.done && !snapshot.roots.some((r) => r.status === 'scanning'),
        });
        store.reset(fromSnapshot(snapshot, settings));
        for (const event of queue ?? []) store.dispatch(event);
        queue = null;
        setCapabilities(caps);
        setSession(saved);
        setBoot({ status: 'ready' });
      })
      .catch((error: unknown) => {
        if (live) setBoot({ status: 'failed', message: errorMessage(error) });
      });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, store, attempt]);

  return { state, boot, capabilities, session };
}
