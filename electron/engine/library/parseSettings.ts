// How the settings and the user's clean-up rules shape parsing, and which library database they can
// use. Pure: the library passes in what it holds.

import { hash } from 'node:crypto';
import type { Settings } from '../../../shared/types';
import type { CleanRule } from '../parse/cleanup/cleanRules';
import type { ParseOptions } from '../parse/parseArticle';

/**
 * Bump when parsing changes what an article looks like: a library database made by another version
 * is rebuilt from the files (the CLI's `index` uses it too).
 */
export const ENGINE_VERSION = 'engine-13';

type ParseSettings = Pick<Settings, 'dateTimeZone' | 'cleanUp'>;

/** The parser's options: the zone for zone-less dates, and the clean-up (off, built-in, or with the user's rules). */
export function parseOptionsFor(settings: ParseSettings, userCleanRules: CleanRule[]): ParseOptions {
  const { dateTimeZone: zone, cleanUp } = settings;
  const options: ParseOptions = zone ? { timeZone: zone } : {};
  if (!cleanUp) options.clean = false;
  else if (userCleanRules.length > 0) options.userCleanRules = userCleanRules;
  return options;
}

/**
 * The library database is only good for the engine, the clean-up and the zone that filled it: the
 * version names all three, so turning clean-up off, editing the rules file or changing the zone for
 * zone-less dates parses every file again (at once, or at the next start if the app was closed
 * meanwhile). The default settings give ENGINE_VERSION, which the CLI's `index` uses too.
 */
export function libraryVersionFor(settings: ParseSettings, userCleanRules: readonly CleanRule[]): string {
  const zone = settings.dateTimeZone ? `/zone-${settings.dateTimeZone}` : '';
  if (!settings.cleanUp) return `${ENGINE_VERSION}/clean-off${zone}`;
  if (userCleanRules.length === 0) return `${ENGINE_VERSION}${zone}`;
  return `${ENGINE_VERSION}/rules-${hash('sha1', JSON.stringify(userCleanRules)).slice(0, 16)}${zone}`;
}

/**
 * Whether a settings change means every file is parsed again: zone-less dates change meaning, or
 * bodies lose (or get back) their boilerplate.
 */
export function changeNeedsReparse(before: ParseSettings, patch: Partial<Settings>): boolean {
  const zoneChanged = patch.dateTimeZone !== undefined && patch.dateTimeZone !== before.dateTimeZone;
  const cleanUpChanged = patch.cleanUp !== undefined && patch.cleanUp !== before.cleanUp;
  return zoneChanged || cleanUpChanged;
}
