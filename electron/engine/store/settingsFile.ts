// Settings values: defaults, validation of a patch, and the file format
// `{"version":1, "roots":[…], "recentRoots":[…], "theme":…, "language":…, "textSize":…, "dateTimeZone":…, "imageCacheMB":…}`.
// Pure, so every rule is tested directly.

import { isAbsolute } from 'node:path';
import {
  checkWindowSetting,
  clampTextSize,
  DEFAULT_SETTINGS,
  WINDOW_SETTING_KEYS,
  type WindowSettingKey,
} from '../../../shared/settingsRules';
import type { Settings } from '../../../shared/types';

const SETTINGS_FILE_VERSION = 1;
const MAX_RECENT_ROOTS = 10;
const MAX_ROOTS = 100;
const MAX_PATH_CHARS = 4096;

export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, roots: [], recentRoots: [] };
}

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** A rejected settings value; `message` says which one and what is allowed. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function folderList(key: string, value: unknown, max: number): string[] {
  if (!Array.isArray(value))
    throw new SettingsError(`${key} must be a list of folders (got ${show(value)}).`);
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || item === '' || item.length > MAX_PATH_CHARS || !isAbsolute(item)) {
      throw new SettingsError(`${key} must hold absolute folder paths (got ${show(item)}).`);
    }
    if (!out.includes(item)) out.push(item);
  }
  if (out.length > max) {
    if (key === 'recentRoots') return out.slice(0, max);
    throw new SettingsError(`${key} can hold at most ${max} folders (got ${out.length}).`);
  }
  return out;
}

/** Checks one value; returns it normalised or throws a SettingsError. */
export function checkSetting<K extends keyof Settings>(key: K, value: unknown): Settings[K] {
  if (key === 'roots') return folderList(key, value, MAX_ROOTS) as Settings[K];
  if (key === 'recentRoots') return folderList(key, value, MAX_RECENT_ROOTS) as Settings[K];
  if (!(WINDOW_SETTING_KEYS as readonly string[]).includes(key)) {
    throw new SettingsError(`Unknown setting ${String(key)}.`);
  }
  const checked = checkWindowSetting(key as WindowSettingKey, value);
  if (!checked.ok) throw new SettingsError(`${checked.message} (got ${show(value)}).`);
  return checked.value as Settings[K];
}

/** Validates a patch: unknown keys are ignored, any bad value rejects the whole patch. */
export function checkPatch(patch: unknown): Partial<Settings> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new SettingsError(`Settings must be changed with an object of values (got ${show(patch)}).`);
  }
  const source = patch as Record<string, unknown>;
  const out: Partial<Settings> = {};
  for (const key of KEYS) {
    if (source[key] !== undefined) (out as Record<string, unknown>)[key] = checkSetting(key, source[key]);
  }
  return out;
}

type SettingsFileParse =
  | { kind: 'ok'; settings: Settings; reset: string[] }
  | { kind: 'damaged'; reason: string }
  | { kind: 'newer'; version: unknown };

/** Bad values fall back to their defaults one by one (listed in `reset`); the rest is kept. */
export function parseSettingsFile(text: string): SettingsFileParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kind: 'damaged', reason: `it is not valid JSON (${(error as Error).message})` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { kind: 'damaged', reason: 'it does not hold settings' };
  }
  const source = data as Record<string, unknown>;
  if (typeof source.version === 'number' && source.version > SETTINGS_FILE_VERSION) {
    return { kind: 'newer', version: source.version };
  }
  if (source.version !== SETTINGS_FILE_VERSION) {
    return { kind: 'damaged', reason: `its version (${show(source.version)}) is not one Broadsheet knows` };
  }
  const settings = defaultSettings();
  const reset: string[] = [];
  for (const key of KEYS) {
    if (source[key] === undefined) continue;
    // Text sizes saved when the file allowed 10–40 are brought to the nearest size the pane offers.
    if (key === 'textSize' && typeof source[key] === 'number' && Number.isInteger(source[key])) {
      settings.textSize = clampTextSize(source[key]);
      continue;
    }
    try {
      (settings as unknown as Record<string, unknown>)[key] = checkSetting(key, source[key]);
    } catch (error) {
      reset.push((error as Error).message);
    }
  }
  return { kind: 'ok', settings, reset };
}

export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify({ version: SETTINGS_FILE_VERSION, ...settings }, null, 2)}\n`;
}

/** Adds roots (kept in order, no repeats) and moves them to the front of the recent list. */
export function withRootsAdded(settings: Settings, added: readonly string[]): Settings {
  const roots = [...settings.roots];
  for (const root of added) if (!roots.includes(root)) roots.push(root);
  return { ...settings, roots, recentRoots: withRecent(settings.recentRoots, added) };
}

/** Removes a root; it becomes the most recent entry of the recent list, to reopen it easily. */
export function withRootRemoved(settings: Settings, root: string): Settings {
  return {
    ...settings,
    roots: settings.roots.filter((r) => r !== root),
    recentRoots: settings.roots.includes(root)
      ? withRecent(settings.recentRoots, [root])
      : settings.recentRoots,
  };
}

function withRecent(recent: readonly string[], used: readonly string[]): string[] {
  const front = [...new Set(used)];
  return [...front, ...recent.filter((r) => !front.includes(r))].slice(0, MAX_RECENT_ROOTS);
}
