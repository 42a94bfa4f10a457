// Resume: once the library has booted, the last session's view, filters, order, search and open
// article come back; the open article waits until it is listed (a cold start lists it when the scan
// reaches it). After that the window's session is saved a moment after it last changed, and when
// the page goes away.

import { type RefObject, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { BroadsheetApi } from '../../../shared/contract';
import type {
  ListedArticle,
  RootInfo,
  ScanProgress,
  StarredEntry,
  WindowSession,
} from '../../../shared/types';
import { type RestoredSession, restoreSession, sessionOf } from './session';

/** The session is saved this long after the view, filters, search or open article last changed. */
const SESSION_SAVE_MS = 400;

export interface ResumeDeps {
  api: Pick<BroadsheetApi, 'saveSession'>;
  booted: boolean;
  /** The session the engine kept (null: none). */
  saved: WindowSession | null;
  /** The window as it is now. */
  current: RestoredSession;
  /** Puts the restored view, filters, order and search in place (not the article: see open). */
  restore(session: RestoredSession): void;
  /** Opens the restored article once it is listed (or is a starred file gone missing). */
  open(id: string): void;
  isListed(id: string): boolean;
  /** The list as it grows during a scan: the article is looked for again each time. */
  articles: readonly ListedArticle[];
  starred: readonly StarredEntry[];
  progress: ScanProgress;
  roots: readonly RootInfo[];
}

/**
 * Answers the id of the resumed article while it is being opened: it goes back to where it was left
 * even when that was its end (read tracking clears it).
 */
export function useResume(deps: ResumeDeps): RefObject<string | null> {
  const { api, booted, saved, restore, open, isListed, articles, starred, progress, roots } = deps;
  const restored = useRef(false);
  /** The session's article, until it is listed. */
  const [pendingOpen, setPendingOpen] = useState<string | null>(null);
  const resumeAnywhere = useRef<string | null>(null);
  const restoreOnce = useEffectEvent(() => {
    const last = restoreSession(saved);
    restore(last);
    setPendingOpen(last.openId);
  });
  useEffect(() => {
    if (!booted || restored.current) return;
    restored.current = true;
    restoreOnce();
  }, [booted]);
  const lookFor = useEffectEvent((id: string) => {
    if (isListed(id) || starred.some((s) => s.id === id && s.missing)) {
      resumeAnywhere.current = id;
      open(id);
      setPendingOpen(null);
    } else if (progress.done && roots.every((r) => r.status !== 'scanning')) setPendingOpen(null);
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: looked for again as the scan lists more
  useEffect(() => {
    if (pendingOpen) lookFor(pendingOpen);
  }, [pendingOpen, articles, starred, progress.done, roots]);
  const sessionNow = sessionOf(deps.current);
  const sessionText = JSON.stringify(sessionNow);
  // biome-ignore lint/correctness/useExhaustiveDependencies: sessionText stands for sessionNow
  useEffect(() => {
    if (!restored.current || pendingOpen) return;
    const save = () => api.saveSession(sessionNow).catch(() => undefined);
    const timer = setTimeout(save, SESSION_SAVE_MS);
    // Closing or reloading within the delay still sends it (the request usually gets out).
    window.addEventListener('pagehide', save);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', save);
    };
  }, [api, sessionText, pendingOpen]);
  return resumeAnywhere;
}
