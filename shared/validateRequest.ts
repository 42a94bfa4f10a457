// Checks the arguments of every request that crosses into the main process or the dev-web bridge.
// The page is treated as compromised: wrong types, huge values and unknown keys are refused with a
// ContractError before anything reaches the engine. Whether a path is inside the library is checked
// by the engine, which knows the roots.

import { LIST_ORDERS, type ListOrder } from './articleOrder';
import { type GetArticleOptions, REQUEST_METHODS, type RequestArgs, type RequestMethod } from './contract';
import { KEPT_UNREAD_LIMIT, LIST_ROWS_LIMIT, type ListQuery } from './listQuery';
import {
  DATE_RANGES,
  type DateRange,
  type FacetChoice,
  type FacetKind,
  type ListFilter,
  parseDay,
  VIEWS,
  type View,
} from './listSelection';
import { cleanMailtoUrl } from './mailtoUrl';
import { checkWindowSetting, WINDOW_SETTING_KEYS } from './settingsRules';
import {
  type ExportFormat,
  type ExportRequest,
  type ExportSelection,
  SEARCH_ORDERS,
  SESSION_LIMIT_CHARS,
  type SearchFilters,
  type SearchOrder,
  type SearchQuery,
  type Settings,
  type WindowSession,
} from './types';

export const LIMITS = {
  pathChars: 4096,
  idChars: 128,
  queryChars: 1000,
  urlChars: 8192,
  folders: 100,
  searchLimit: 100_000,
  exportIds: 1_000_000,
  /** Previews asked for at once (the rows on screen, with some ahead). */
  excerptIds: 500,
  /** Articles marked read or unread in one request ("mark all as read" on the whole library). */
  readIds: 1_000_000,
  /** A place in the headline list (offsets, positions). */
  listIndex: 10_000_000,
  timeZoneChars: 64,
  facetChars: 4096,
} as const;

export class ContractError extends Error {
  override name = 'ContractError';
}

function fail(method: string, what: string): never {
  throw new ContractError(`${method}: ${what}`);
}

function str(method: string, name: string, v: unknown, max: number, allowEmpty = false): string {
  if (typeof v !== 'string') fail(method, `${name} must be a string, got ${typeof v}`);
  if (!allowEmpty && v.length === 0) fail(method, `${name} must not be empty`);
  if (v.length > max) fail(method, `${name} is ${v.length} characters, the limit is ${max}`);
  if (v.includes('\0')) fail(method, `${name} contains a NUL character`);
  return v;
}

function bool(method: string, name: string, v: unknown): boolean {
  if (typeof v !== 'boolean') fail(method, `${name} must be a boolean, got ${typeof v}`);
  return v;
}

function plainObject(method: string, name: string, v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(method, `${name} must be an object`);
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) fail(method, `${name} must be a plain object`);
  return v as Record<string, unknown>;
}

function onlyKeys(
  method: string,
  name: string,
  obj: Record<string, unknown>,
  allowed: readonly string[],
): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(method, `${name} has an unknown field "${key.slice(0, 40)}"`);
  }
}

function intIn(method: string, name: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    fail(method, `${name} must be a whole number from ${min} to ${max}`);
  }
  return v;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function filters(method: string, v: unknown): SearchFilters {
  const o = plainObject(method, 'filters', v);
  onlyKeys(method, 'filters', o, [
    'starredOnly',
    'from',
    'to',
    'category',
    'author',
    'folder',
    'unreadOnly',
    'keptUnread',
  ]);
  const out: SearchFilters = {};
  if (o.starredOnly !== undefined) out.starredOnly = bool(method, 'filters.starredOnly', o.starredOnly);
  for (const key of ['from', 'to'] as const) {
    if (o[key] !== undefined) {
      const s = str(method, `filters.${key}`, o[key], 40);
      if (!ISO_DATE.test(s) || Number.isNaN(Date.parse(s)))
        fail(method, `filters.${key} must be an ISO date`);
      out[key] = s;
    }
  }
  if (o.category !== undefined) out.category = str(method, 'filters.category', o.category, 500);
  if (o.author !== undefined) out.author = str(method, 'filters.author', o.author, LIMITS.facetChars);
  if (o.folder !== undefined) out.folder = str(method, 'filters.folder', o.folder, LIMITS.pathChars);
  if (o.unreadOnly !== undefined) out.unreadOnly = bool(method, 'filters.unreadOnly', o.unreadOnly);
  if (o.keptUnread !== undefined)
    out.keptUnread = idList(method, 'filters.keptUnread', o.keptUnread, KEPT_UNREAD_LIMIT);
  return out;
}

function oneOf<T extends string>(method: string, name: string, v: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) fail(method, `${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

function idList(method: string, name: string, v: unknown, max: number): string[] {
  if (!Array.isArray(v) || v.length > max) fail(method, `${name} must be a list of at most ${max} ids`);
  return v.map((id, i) => str(method, `${name}[${i}]`, id, LIMITS.idChars));
}

const FACET_KINDS: readonly FacetKind[] = ['category', 'author', 'folder'];

/** An IANA time zone the runtime knows, or '' (the engine's own zone). */
function timeZone(method: string, v: unknown): string {
  const zone = str(method, 'query.timeZone', v, LIMITS.timeZoneChars, true);
  if (zone === '') return zone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    fail(method, 'query.timeZone must be an IANA time zone');
  }
  return zone;
}

function listFilter(method: string, v: unknown): ListFilter {
  const o = plainObject(method, 'query.filter', v);
  onlyKeys(method, 'query.filter', o, ['facet', 'range', 'from', 'to']);
  let facet: FacetChoice | null = null;
  if (o.facet !== null) {
    const f = plainObject(method, 'query.filter.facet', o.facet);
    onlyKeys(method, 'query.filter.facet', f, ['kind', 'value']);
    facet = {
      kind: oneOf(method, 'query.filter.facet.kind', f.kind, FACET_KINDS),
      value: str(method, 'query.filter.facet.value', f.value, LIMITS.facetChars),
    };
  }
  const out: ListFilter = {
    facet,
    range: oneOf<DateRange>(method, 'query.filter.range', o.range, DATE_RANGES),
  };
  for (const key of ['from', 'to'] as const) {
    if (o[key] === undefined) continue;
    const day = str(method, `query.filter.${key}`, o[key], 10);
    if (parseDay(day) === null) fail(method, `query.filter.${key} must be a calendar day YYYY-MM-DD`);
    out[key] = day;
  }
  return out;
}

/** What the headline list shows (shared/listQuery): every field required, each checked and copied. */
function listQuery(method: string, v: unknown): ListQuery {
  const o = plainObject(method, 'query', v);
  onlyKeys(method, 'query', o, ['view', 'filter', 'order', 'now', 'timeZone', 'keptUnread']);
  const now = o.now;
  if (typeof now !== 'number' || !Number.isFinite(now) || Math.abs(now) > 8.64e15) {
    fail(method, 'query.now must be a time in ms');
  }
  return {
    view: oneOf<View>(method, 'query.view', o.view, VIEWS),
    filter: listFilter(method, o.filter),
    order: oneOf<ListOrder>(method, 'query.order', o.order, LIST_ORDERS),
    now,
    timeZone: timeZone(method, o.timeZone),
    keptUnread: idList(method, 'query.keptUnread', o.keptUnread, KEPT_UNREAD_LIMIT),
  };
}

function searchQuery(method: string, v: unknown): SearchQuery {
  const o = plainObject(method, 'query', v);
  onlyKeys(method, 'query', o, ['text', 'filters', 'limit', 'offset', 'exactCharacters', 'order']);
  const out: SearchQuery = { text: str(method, 'query.text', o.text, LIMITS.queryChars, true) };
  if (o.filters !== undefined) out.filters = filters(method, o.filters);
  if (o.limit !== undefined) out.limit = intIn(method, 'query.limit', o.limit, 0, LIMITS.searchLimit);
  if (o.offset !== undefined) out.offset = intIn(method, 'query.offset', o.offset, 0, 10_000_000);
  if (o.exactCharacters !== undefined)
    out.exactCharacters = bool(method, 'query.exactCharacters', o.exactCharacters);
  if (o.order !== undefined) {
    if (!SEARCH_ORDERS.includes(o.order as SearchOrder))
      fail(method, `query.order must be one of ${SEARCH_ORDERS.join(', ')}`);
    out.order = o.order as SearchOrder;
  }
  return out;
}

function settingsPatch(method: string, v: unknown): Partial<Settings> {
  const o = plainObject(method, 'patch', v);
  // roots and recentRoots change only through addFolders/removeFolder, which check the folders.
  onlyKeys(method, 'patch', o, WINDOW_SETTING_KEYS);
  const out: Record<string, unknown> = {};
  for (const key of WINDOW_SETTING_KEYS) {
    if (o[key] === undefined) continue;
    const checked = checkWindowSetting(key, o[key]);
    if (!checked.ok) fail(method, checked.message);
    out[key] = checked.value;
  }
  return out as Partial<Settings>;
}

function arity(method: string, args: readonly unknown[], n: number): void {
  if (args.length !== n) fail(method, `expects ${n} argument(s), got ${args.length}`);
}

/**
 * Returns the arguments, checked and copied, or throws ContractError. `method` itself is untrusted
 * too (it comes from a URL in the bridge).
 */
export function validateRequest<M extends RequestMethod>(method: M, args: unknown): RequestArgs<M>;
export function validateRequest(method: string, args: unknown): unknown[] {
  if (!(REQUEST_METHODS as readonly string[]).includes(method)) {
    throw new ContractError(`unknown method "${String(method).slice(0, 40)}"`);
  }
  if (!Array.isArray(args)) fail(method, 'arguments must be an array');
  switch (method as RequestMethod) {
    case 'getCapabilities':
    case 'getSnapshot':
    case 'pickFolders':
    case 'getSettings':
    case 'cancelExport':
    case 'getSession':
    case 'getImageCache':
    case 'clearImageCache':
    case 'getPrefetch':
    case 'getSidebarCounts':
      arity(method, args, 0);
      return [];
    case 'getArticle': {
      if (args.length === 1) return [str(method, 'id', args[0], LIMITS.idChars)];
      arity(method, args, 2);
      const options = plainObject(method, 'options', args[1]);
      onlyKeys(method, 'options', options, ['original']);
      const out: GetArticleOptions = {};
      if (options.original !== undefined) out.original = bool(method, 'options.original', options.original);
      return [str(method, 'id', args[0], LIMITS.idChars), out];
    }
    case 'search':
      arity(method, args, 1);
      return [searchQuery(method, args[0])];
    case 'setPrefetchPaused':
      arity(method, args, 1);
      return [bool(method, 'paused', args[0])];
    case 'showInFolder':
      arity(method, args, 1);
      return [str(method, 'id', args[0], LIMITS.idChars)];
    case 'setStarred':
      arity(method, args, 2);
      return [str(method, 'id', args[0], LIMITS.idChars), bool(method, 'starred', args[1])];
    case 'setRead': {
      arity(method, args, 2);
      const ids = args[0];
      if (!Array.isArray(ids) || ids.length > LIMITS.readIds) {
        fail(method, `ids must be a list of at most ${LIMITS.readIds} ids`);
      }
      return [
        ids.map((id, i) => str(method, `ids[${i}]`, id, LIMITS.idChars)),
        bool(method, 'read', args[1]),
      ];
    }
    case 'setReadProgress': {
      arity(method, args, 2);
      const progress = args[1];
      if (typeof progress !== 'number' || !(progress >= 0 && progress <= 1)) {
        fail(method, 'progress must be a number from 0 to 1');
      }
      return [str(method, 'id', args[0], LIMITS.idChars), progress];
    }
    case 'getExcerpts': {
      arity(method, args, 1);
      const ids = args[0];
      if (!Array.isArray(ids) || ids.length > LIMITS.excerptIds) {
        fail(method, `ids must be a list of at most ${LIMITS.excerptIds} ids`);
      }
      return [ids.map((id, i) => str(method, `ids[${i}]`, id, LIMITS.idChars))];
    }
    case 'saveSession':
      arity(method, args, 1);
      return [windowSession(method, args[0])];
    case 'addFolders': {
      arity(method, args, 1);
      const list = args[0];
      if (!Array.isArray(list)) fail(method, 'paths must be an array');
      if (list.length === 0 || list.length > LIMITS.folders) {
        fail(method, `paths must hold 1 to ${LIMITS.folders} folders`);
      }
      return [list.map((p, i) => str(method, `paths[${i}]`, p, LIMITS.pathChars))];
    }
    case 'removeFolder':
    case 'openFile':
      arity(method, args, 1);
      return [str(method, 'path', args[0], LIMITS.pathChars)];
    case 'updateSettings':
      arity(method, args, 1);
      return [settingsPatch(method, args[0])];
    case 'openExternal':
      arity(method, args, 1);
      return [str(method, 'url', args[0], LIMITS.urlChars)];
    case 'exportArticles':
      arity(method, args, 1);
      return [exportRequest(method, args[0])];
    case 'getListShape':
      arity(method, args, 1);
      return [listQuery(method, args[0])];
    case 'getListRows':
      arity(method, args, 3);
      return [
        listQuery(method, args[0]),
        intIn(method, 'offset', args[1], 0, LIMITS.listIndex),
        intIn(method, 'limit', args[2], 0, LIST_ROWS_LIMIT),
      ];
    case 'getListPosition':
      arity(method, args, 2);
      return [listQuery(method, args[0]), str(method, 'id', args[1], LIMITS.idChars)];
    case 'findUnread': {
      arity(method, args, 3);
      const direction = args[2];
      if (direction !== 1 && direction !== -1) fail(method, 'direction must be 1 or -1');
      // -1: before the first row (the next unread from the top).
      return [listQuery(method, args[0]), intIn(method, 'from', args[1], -1, LIMITS.listIndex), direction];
    }
    case 'markListRead':
      arity(method, args, 3);
      return [
        listQuery(method, args[0]),
        intIn(method, 'from', args[1], 0, LIMITS.listIndex),
        bool(method, 'read', args[2]),
      ];
  }
}

function jsonCopy(method: string, v: Record<string, unknown>): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
  } catch {
    fail(method, 'session.filter must be plain JSON data');
  }
}

/** A session is kept as given, so only its shape and size are checked: plain JSON data, bounded. */
export function windowSession(method: string, v: unknown): WindowSession {
  const o = plainObject(method, 'session', v);
  onlyKeys(method, 'session', o, [
    'view',
    'filter',
    'query',
    'openId',
    'order',
    'exactCharacters',
    'searchOrder',
  ]);
  const filter = plainObject(method, 'session.filter', o.filter);
  const out: WindowSession = {
    view: str(method, 'session.view', o.view, 40),
    filter: jsonCopy(method, filter),
    query: str(method, 'session.query', o.query, LIMITS.queryChars, true),
    openId: o.openId === null ? null : str(method, 'session.openId', o.openId, LIMITS.idChars),
  };
  if (o.order !== undefined) out.order = str(method, 'session.order', o.order, 40);
  if (o.exactCharacters !== undefined) {
    if (typeof o.exactCharacters !== 'boolean') fail(method, 'session.exactCharacters must be true or false');
    out.exactCharacters = o.exactCharacters;
  }
  if (o.searchOrder !== undefined) out.searchOrder = str(method, 'session.searchOrder', o.searchOrder, 40);
  if (JSON.stringify(out).length > SESSION_LIMIT_CHARS) {
    fail(method, `session is larger than ${SESSION_LIMIT_CHARS} characters`);
  }
  return out;
}

const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'html', 'json'];

/** No `destination`: where files go is the host's dialog's answer, never the page's. */
function exportRequest(method: string, v: unknown): ExportRequest {
  const o = plainObject(method, 'request', v);
  onlyKeys(method, 'request', o, ['selection', 'format', 'title']);
  if (!EXPORT_FORMATS.includes(o.format as ExportFormat)) {
    fail(method, `format must be one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const s = plainObject(method, 'selection', o.selection);
  let selection: ExportSelection;
  if (s.kind === 'starred') {
    onlyKeys(method, 'selection', s, ['kind']);
    selection = { kind: 'starred' };
  } else if (s.kind === 'ids') {
    onlyKeys(method, 'selection', s, ['kind', 'ids']);
    if (!Array.isArray(s.ids) || s.ids.length > LIMITS.exportIds) {
      fail(method, `selection.ids must be a list of at most ${LIMITS.exportIds} ids`);
    }
    selection = {
      kind: 'ids',
      ids: s.ids.map((id, i) => str(method, `selection.ids[${i}]`, id, LIMITS.idChars)),
    };
  } else if (s.kind === 'query') {
    onlyKeys(method, 'selection', s, ['kind', 'query']);
    selection = { kind: 'query', query: searchQuery(method, s.query) };
  } else {
    fail(method, 'selection.kind must be starred, ids or query');
  }
  const out: ExportRequest = { selection, format: o.format as ExportFormat };
  if (o.title !== undefined) out.title = str(method, 'title', o.title, 500, true);
  return out;
}

/** The only URLs the app hands to the system: web pages and mail. */
export function isExternalUrlAllowed(url: string): boolean {
  return externalUrlToOpen(url) !== null;
}

/**
 * What to hand to the system for `url`: http(s) as given, mailto: with only to/cc/bcc/subject/body
 * (cleanMailtoUrl), anything else null.
 */
export function externalUrlToOpen(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return url;
  return parsed.protocol === 'mailto:' ? cleanMailtoUrl(url) : null;
}
