// Read state in the window: marking read after a short dwell or a real scroll (so j-j-j skimming
// marks nothing), `m`, mark all / older with one undo, and each article's reading position, saved
// as the reader scrolls and restored when the article is opened again.

import { type RefObject, useEffect, useMemo, useRef } from 'react';
import type { BroadsheetApi } from '../../../shared/contract';
import { errorMessage } from '../api';
import type { LibraryStore } from '../app/libraryStore';
import type { ToastStore } from '../app/toasts';
import type { Translate } from '../i18n/i18n';
import { saveReadMarks } from './saveReadMarks';

/** How long an article must stay open before it counts as read. */
const DWELL_MS = 1500;
/** Scrolling this share of the pane's height away from where the article opened counts as reading it. */
const SCROLL_READS = 1 / 3;
/** Positions are saved this long after the scrolling stops (and when another article opens). */
const PROGRESS_SAVE_MS = 600;
/** At or past this, the article was read to its end: no resume, no progress bar. */
const READ_TO_END = 0.98;

interface ReadActions {
  /** Marks articles read or unread at once (the engine confirms; a failure puts them back). */
  setRead(ids: readonly string[], read: boolean): Promise<string[]>;
  /** "Mark all / older as read": one toast with Undo, and Ctrl Z, for the last one. */
  markMany(ids: readonly string[]): void;
  undoMarkMany(): void;
  /** `m`: read ↔ unread. Made unread by hand, the open article is not marked read again by dwelling. */
  toggle(id: string): void;
}

interface Deps {
  api: BroadsheetApi;
  store: LibraryStore;
  toasts: ToastStore;
  t: Translate;
  /** Called with ids the user just read one at a time (the Unread view keeps them until left). */
  onReadOne(id: string): void;
  /**
   * Called as soon as many articles changed at once (mark all / older, their undo, or a failed
   * save putting them back): the Unread view's list is made again only then, not per single mark.
   */
  onManyChanged(): void;
}

export function useReadActions({ api, store, toasts, t, onReadOne, onManyChanged }: Deps): ReadActions & {
  /** The article made unread by hand while open (not marked read again until reopened). */
  heldUnread: RefObject<string | null>;
} {
  const lastBulk = useRef<string[] | null>(null);
  const heldUnread = useRef<string | null>(null);
  const readOne = useRef(onReadOne);
  readOne.current = onReadOne;
  const manyChanged = useRef(onManyChanged);
  manyChanged.current = onManyChanged;
  return useMemo(() => {
    // Saves go to the engine one after the other, in the order they were made: an undo pressed
    // while "mark all" is still being saved (100,000 ids take a while) is saved after it.
    let saving: Promise<unknown> = Promise.resolve();
    const apply = (ids: readonly string[], read: boolean, many: boolean) => {
      store.dispatch({
        type: 'read',
        read: read ? [...ids] : [],
        unread: read ? [] : [...ids],
        progress: [],
      });
      if (many) manyChanged.current();
    };
    const setRead = async (ids: readonly string[], read: boolean, many = false): Promise<string[]> => {
      if (ids.length === 0) return [];
      const before = store.getState().reads;
      const changing = ids.filter((id) => before.isRead(id) !== read);
      apply(changing, read, many);
      const save = saving.then(() => saveReadMarks(ids, read, (part, r) => api.setRead(part, r)));
      saving = save;
      const saved = await save;
      if (saved.unsaved.length > 0) {
        // What the engine did not save goes back as it was.
        const unsaved = new Set(saved.unsaved);
        apply(
          changing.filter((id) => unsaved.has(id)),
          !read,
          many,
        );
        toasts.error(t('readFailed', { message: errorMessage(saved.error) }));
      }
      return saved.changed;
    };
    return {
      heldUnread,
      setRead,
      toggle(id) {
        const read = store.getState().reads.isRead(id);
        heldUnread.current = read ? id : null;
        void setRead([id], !read).then((changed) => {
          if (!read && changed.length) readOne.current(id);
        });
      },
      markMany(ids) {
        const reads = store.getState().reads;
        const changing = ids.filter((id) => !reads.isRead(id));
        if (changing.length === 0) return;
        // Undo is there at once (Ctrl Z), not only once the engine has saved them all.
        lastBulk.current = changing;
        void setRead(changing, true, true).then((changed) => {
          // Nothing saved, or already undone: no "Marked … as read" to undo.
          if (changed.length === 0 || lastBulk.current !== changing) return;
          const message =
            changed.length === 1 ? t('markedReadOne') : t('markedRead', { count: changed.length });
          toasts.show(message, 'info', { label: t('undo'), run: () => undo() });
        });
      },
      undoMarkMany: () => undo(),
    };
    function undo() {
      const ids = lastBulk.current;
      if (!ids) return;
      lastBulk.current = null;
      void setRead(ids, false, true).then((changed) => {
        if (changed.length) toasts.show(t('undoneMarkAll', { count: changed.length }));
      });
    }
  }, [api, store, toasts, t]);
}

interface TrackDeps {
  api: BroadsheetApi;
  store: LibraryStore;
  readerRef: RefObject<HTMLElement | null>;
  /** The open article, once its body is on screen and it is part of the library; else null. */
  readyId: string | null;
  actions: ReadActions & { heldUnread: RefObject<string | null> };
  onReadOne(id: string): void;
  /** An article opened by resuming the last session: it goes back to its place even at its end. */
  resumeAnywhere?: RefObject<string | null>;
}

/** Marks the open article read after a dwell or a scroll, and remembers and restores its position. */
export function useReadTracking(deps: TrackDeps): void {
  const { api, store, readerRef, readyId, actions, onReadOne, resumeAnywhere } = deps;
  const readOne = useRef(onReadOne);
  readOne.current = onReadOne;
  useEffect(() => {
    const pane = readerRef.current;
    if (!readyId || !pane) return;
    const id = readyId;
    if (actions.heldUnread.current !== id) actions.heldUnread.current = null;
    const markRead = () => {
      const { reads } = store.getState();
      if (reads.isRead(id) || actions.heldUnread.current === id) return;
      void actions.setRead([id], true).then((changed) => {
        if (changed.length) readOne.current(id);
      });
    };
    // Where the reader left off (a half-read article), once the body is laid out.
    const saved = store.getState().reads.progressOf(id);
    const anywhere = resumeAnywhere?.current === id;
    if (anywhere && resumeAnywhere) resumeAnywhere.current = null;
    const range = () => Math.max(0, pane.scrollHeight - pane.clientHeight);
    let startTop = 0;
    const frame = requestAnimationFrame(() => {
      startTop = saved > 0 && (saved < READ_TO_END || anywhere) ? Math.round(saved * range()) : 0;
      pane.scrollTop = startTop;
    });
    const dwell = setTimeout(markRead, DWELL_MS);

    let lastSaved = saved;
    let saveTimer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      saveTimer = null;
      const max = range();
      const progress = max === 0 ? 1 : Math.min(1, pane.scrollTop / max);
      if (Math.abs(progress - lastSaved) < 0.01) return;
      lastSaved = progress;
      store.dispatch({ type: 'read', read: [], unread: [], progress: [[id, progress]] });
      api.setReadProgress(id, progress).catch(() => undefined);
    };
    const onScroll = () => {
      if (Math.abs(pane.scrollTop - startTop) > pane.clientHeight * SCROLL_READS) markRead();
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = setTimeout(save, PROGRESS_SAVE_MS);
    };
    pane.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(dwell);
      pane.removeEventListener('scroll', onScroll);
      if (saveTimer) {
        clearTimeout(saveTimer);
        save();
      }
    };
  }, [readyId, api, store, readerRef, actions, resumeAnywhere]);
}
