// The user's settings, in `<dataDir>/settings.json`, with defaults. Same guarantees as the stars:
// atomic writes, a damaged file kept aside and reported, a newer file never overwritten.

import { join, resolve } from 'node:path';
import type { Settings } from '../../../shared/types';
import { atomicWriteFile, removeStaleTemps, StoreWriteError } from './atomicWriteFile';
import type { StoreOptions } from './StarStore';
import {
  checkPatch,
  defaultSettings,
  parseSettingsFile,
  serializeSettings,
  withRootRemoved,
  withRootsAdded,
} from './settingsFile';
import { nodeStoreFs, type StoreFs } from './storeFs';
import { copyAsideDamaged, readUserDataFile, type StoreWarning, setAsideDamaged } from './userDataFile';

const SETTINGS_FILE = 'settings.json';
const KEPT = 'your previous settings are kept';

export class SettingsStore {
  readonly warnings: StoreWarning[] = [];
  private current: Settings = defaultSettings();
  private readOnlyReason: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly fs: StoreFs,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, options: StoreOptions = {}): Promise<SettingsStore> {
    const fs = options.fs ?? nodeStoreFs;
    const store = new SettingsStore(join(dataDir, SETTINGS_FILE), fs, options.now ?? (() => new Date()));
    await fs.mkdir(dataDir);
    await removeStaleTemps(store.path, fs);
    await store.load();
    return store;
  }

  /** Why changes are refused (a newer or unreadable file), or null when the store is writable. */
  get readOnly(): string | null {
    return this.readOnlyReason;
  }

  get damage(): StoreWarning | undefined {
    return this.warnings.find((w) => w.code === 'damaged' || w.code === 'entries-dropped');
  }

  get(): Settings {
    return { ...this.current, roots: [...this.current.roots], recentRoots: [...this.current.recentRoots] };
  }

  /** Validates and saves a patch; unknown keys are ignored, a bad value rejects with a SettingsError. */
  async update(patch: Partial<Settings>): Promise<Settings> {
    const checked = checkPatch(patch);
    return this.change((s) => ({ ...s, ...checked }));
  }

  /** Adds library folders; they also become the most recent entries of `recentRoots`. */
  async addRoots(roots: readonly string[]): Promise<Settings> {
    const absolute = roots.map((r) => resolve(r));
    checkPatch({ roots: absolute });
    return this.change((s) => withRootsAdded(s, absolute));
  }

  removeRoot(root: string): Promise<Settings> {
    const absolute = resolve(root);
    return this.change((s) => withRootRemoved(s, absolute));
  }

  private change(apply: (settings: Settings) => Settings): Promise<Settings> {
    const run = this.queue.then(async () => {
      if (this.readOnlyReason) throw new StoreWriteError(this.readOnlyReason, this.path, 'EREADONLY');
      const next = checkPatch(apply(this.get())) as Settings;
      await atomicWriteFile(this.path, serializeSettings(next), { fs: this.fs, kept: KEPT });
      this.current = next;
      return this.get();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<void> {
    const read = await readUserDataFile(this.fs, this.path);
    if (read.kind === 'missing') return;
    if (read.kind === 'unreadable') {
      this.readOnlyReason = `Broadsheet cannot read your settings file ${this.path} (${read.code ?? 'unknown error'}). Check its permissions; default settings are used and the file is not overwritten.`;
      this.warnings.push({ path: this.path, code: 'unreadable', message: this.readOnlyReason });
      return;
    }
    const parsed = parseSettingsFile(read.text);
    if (parsed.kind === 'newer') {
      this.readOnlyReason = `Your settings file ${this.path} was written by a newer version of Broadsheet (format ${String(parsed.version)}). The settings this version understands are used, and the file is not overwritten; update Broadsheet to change settings.`;
      // Use what this version can read of it (folders, theme…), without ever writing it back.
      const salvage = parseSettingsFile(JSON.stringify({ ...JSON.parse(read.text), version: 1 }));
      if (salvage.kind === 'ok') this.current = salvage.settings;
      this.warnings.push({ path: this.path, code: 'newer-version', message: this.readOnlyReason });
      return;
    }
    if (parsed.kind === 'damaged') {
      const backupPath = await setAsideDamaged(this.fs, this.path, this.now());
      this.warnings.push({
        path: this.path,
        code: 'damaged',
        backupPath,
        message: `Your settings file was damaged (${parsed.reason}); it was kept as ${backupPath} and default settings are used.`,
      });
      return;
    }
    this.current = parsed.settings;
    if (parsed.reset.length > 0) {
      const backupPath = await copyAsideDamaged(this.fs, this.path, this.now());
      this.warnings.push({
        path: this.path,
        code: 'entries-dropped',
        backupPath,
        message: `Some settings were damaged and set back to their defaults (${parsed.reset.join(' ')}); the original file was kept as ${backupPath}.`,
      });
    }
  }
}
