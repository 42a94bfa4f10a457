// How the settings and the user's clean-up rules shape parsing, and which warm-start cache they
// can use. Pure: the library passes in what it holds.

import { hash } from 'node:crypto';
import type { Settings } from '../../../shared/types';
import type { CleanRule } from '../parse/cleanup/cleanRules';
import type { ParseOptions } from '../parse/parseArticle';
import { ENGINE_VERSION } from './warmStart';

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
 * The cache is only good for the engine and the clean-up rules that filled it: the version names
 * both, so turning clean-up off or editing the rules file parses every file again at the next start.
 */
export function cacheVersionFor(
  settings: Pick<Settings, 'cleanUp'>,
  userCleanRules: readonly CleanRule[],
): string {
  if (!settings.cleanUp) return `${ENGINE_VERSION}/clean-off`;
  if (userCleanRules.length === 0) return ENGINE_VERSION;
  return `${ENGINE_VERSION}/rules-${hash('sha1', JSON.stringify(userCleanRules)).slice(0, 16)}`;
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
