// What the window asks of the library on the user's behalf (star, settings, folders, files, links),
// each with its failure said in a toast. Stable across renders unless the api, the language or the
// host's capabilities change, so the components they are handed to do not re-render for them.

import { useMemo } from 'react';
import type { BroadsheetApi } from '../../../shared/contract';
import { steppedTextSize, TEXT_SIZE } from '../../../shared/settingsRules';
import type { Settings } from '../../../shared/types';
import { errorMessage } from '../api';
import type { Translate } from '../i18n/i18n';
import type { DropPlan } from '../library/dropPaths';
import type { AddOutcome } from '../library/LibraryPanel';
import type { ArticleCache } from '../reader/articleCache';
import { isStarred } from './libraryState';
import type { LibraryStore } from './libraryStore';
import type { ToastStore } from './toasts';

interface AppActions {
  /** Stars or unstars; unstarring finds the entry the library knows (maybe by content). */
  toggleStar(target: { id: string; contentHash: string }): void;
  /** Shows the change at once and takes it back if the engine refuses it. */
  updateSettings(patch: Partial<Settings>): void;
  changeTextSize(delta: number): void;
  /**
   * Adds folders and says how it went: in toasts, or (`inline`, for the Library panel, whose
   * dialog the toasts would cover) only in the returned outcome.
   */
  addFolders(paths: string[], inline?: boolean): Promise<AddOutcome>;
  /** The native folder dialog, or the library panel where the host has none. */
  pickFolders(): void;
  removeFolder(path: string): void;
  /** Opens one article file for reading without adding it to the library. */
  openFile(path: string): void;
  drop(plan: DropPlan): void;
  openLink(url: string): void;
  /** Puts an address on the clipboard and says so. */
  copyLink(url: string): void;
  /** Shows the article's file in the system's file manager (the app only). */
  showInFolder(id: string): void;
}

interface AppActionDeps {
  api: BroadsheetApi;
  store: LibraryStore;
  toasts: ToastStore;
  t: Translate;
  cache: ArticleCache;
  folderDialog: boolean;
  showLibrary: () => void;
  /** An article opened from a file outside the library is ready to show. */
  onFileOpened: (id: string) => void;
}

export function useAppActions(deps: AppActionDeps): AppActions {
  const { api, store, toasts, t, cache, folderDialog, showLibrary, onFileOpened } = deps;
  return useMemo(() => {
    const fail = (key: Parameters<Translate>[0]) => (e: unknown) =>
      toasts.error(t(key, { message: errorMessage(e) }));

    const updateSettings = (patch: Partial<Settings>) => {
      const before = store.getState().settings;
      if (before) store.setSettings({ ...before, ...patch });
      api
        .updateSettings(patch)
        .then((s) => store.setSettings(s))
        .catch((e: unknown) => {
          if (before) store.setSettings(before);
          fail('settingsFailed')(e);
        });
    };

    const addFolders = (paths: string[], inline = false): Promise<AddOutcome> =>
      api.addFolders(paths).then(
        (result) => {
          const count = result.added.length;
          const outcome: AddOutcome = {
            errors: result.rejected.map((r) => t('folderRejected', { path: r.path, reason: r.reason })),
            added: count === 0 ? null : count === 1 ? t('foldersAddedOne') : t('foldersAdded', { count }),
          };
          if (!inline) {
            for (const e of outcome.errors) toasts.error(e);
            if (outcome.added) toasts.show(outcome.added);
          }
          return outcome;
        },
        (e: unknown) => {
          const message = t('addFoldersFailed', { message: errorMessage(e) });
          if (!inline) toasts.error(message);
          return { errors: [message], added: null };
        },
      );

    const openFile = (path: string) => {
      api
        .openFile(path)
        .then((result) => {
          if (!result.ok) {
            toasts.error(t('openFileFailed', { path, reason: result.reason }));
            return;
          }
          cache.put(result.article);
          onFileOpened(result.article.id);
        })
        .catch((e: unknown) => toasts.error(t('openFileFailed', { path, reason: errorMessage(e) })));
    };

    return {
      toggleStar(target) {
        const { stars, starred } = store.getState();
        const on = isStarred(stars, target);
        // Unstar the entry the library knows, which may carry an older id (matched by content).
        const entry = on
          ? starred.find((s) => s.id === target.id || s.contentHash === target.contentHash)
          : undefined;
        api
          .setStarred(entry?.id ?? target.id, !on)
          .then((list) => store.setStarred(list))
          .catch(fail('starFailed'));
      },
      updateSettings,
      changeTextSize(delta) {
        const current = store.getState().settings?.textSize ?? TEXT_SIZE.default;
        const next = steppedTextSize(current, delta);
        if (next !== current) updateSettings({ textSize: next });
      },
      addFolders,
      pickFolders() {
        if (!folderDialog) {
          showLibrary();
          return;
        }
        api
          .pickFolders()
          .then((paths) => {
            if (paths.length > 0) void addFolders(paths);
          })
          .catch(fail('addFoldersFailed'));
      },
      removeFolder(path) {
        api.removeFolder(path).catch(fail('removeFolderFailed'));
      },
      openFile,
      drop(plan) {
        for (const name of plan.unsupported) toasts.error(t('dropNotSupported', { name }));
        for (const name of plan.unresolved) toasts.error(t('dropNoPath', { name }));
        if (plan.folders.length > 0) void addFolders(plan.folders);
        const first = plan.articles[0];
        if (first) openFile(first);
      },
      openLink(url) {
        api.openExternal(url).catch(fail('linkFailed'));
      },
      copyLink(url) {
        // The clipboard API exists only in secure contexts (app://, localhost): say so if it is not there.
        const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
        if (!clipboard) {
          toasts.error(t('copyLinkFailed', { message: t('clipboardMissing') }));
          return;
        }
        clipboard.writeText(url).then(() => toasts.show(t('linkCopied')), fail('copyLinkFailed'));
      },
      showInFolder(id) {
        api.showInFolder(id).catch(fail('showInFolderFailed'));
      },
    };
  }, [api, store, toasts, t, cache, folderDialog, showLibrary, onFileOpened]);
}
