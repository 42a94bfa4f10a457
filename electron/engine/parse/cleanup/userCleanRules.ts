// The user's own clean-up rules: a JSON file in the user-data folder (USER_RULES_FILE), checked here.
// A wrong rule is reported with what is wrong and where, and left out; the other rules still apply and
// nothing is ever fatal. Pure: the file is read by the caller.

import {
  type CleanRule,
  MAX_RULE_CHARS,
  MAX_RULE_STRING_CHARS,
  MAX_RULE_STRINGS,
  MAX_USER_RULES,
  USER_RULES_FILE,
} from './cleanRules';

interface UserRulesReading {
  rules: CleanRule[];
  /** One sentence per problem, naming the rule (by number and name) and what to fix. */
  problems: string[];
}

const LIST_KEYS = [
  'sources',
  'tags',
  'classes',
  'classContains',
  'idContains',
  'contains',
  'containsAll',
  'startsWith',
] as const;
const MATCH_KEYS = [
  'classes',
  'classContains',
  'idContains',
  'contains',
  'containsAll',
  'startsWith',
] as const;
const KNOWN_KEYS = new Set<string>(['name', 'maxChars', 'editor', ...LIST_KEYS]);

const USER_RULES_EXAMPLE = `{"rules": [{"name": "My site's app advert", "sources": ["example.com"], "contains": ["Download our app"], "maxChars": 80}]}`;

/** Reads the text of the rules file. Never throws. */
export function readUserCleanRules(text: string): UserRulesReading {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      rules: [],
      problems: [
        `${USER_RULES_FILE} is not valid JSON (${(error as Error).message}), so none of its rules apply. ` +
          `Write it like ${USER_RULES_EXAMPLE}`,
      ],
    };
  }
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.rules) ? data.rules : null;
  if (!list) {
    return {
      rules: [],
      problems: [
        `${USER_RULES_FILE} must hold {"rules": [ … ]}, so none of its rules apply. Example: ${USER_RULES_EXAMPLE}`,
      ],
    };
  }
  if (list.length > MAX_USER_RULES) {
    problems.push(`${USER_RULES_FILE} has ${list.length} rules; only the first ${MAX_USER_RULES} are used.`);
  }
  const rules: CleanRule[] = [];
  list.slice(0, MAX_USER_RULES).forEach((item: unknown, i: number) => {
    const rule = checkRule(item, i + 1, problems);
    if (rule) rules.push(rule);
  });
  return { rules, problems };
}

function checkRule(item: unknown, number: number, problems: string[]): CleanRule | null {
  if (!isObject(item)) {
    problems.push(`Rule ${number} in ${USER_RULES_FILE} is not an object {…}; it was left out.`);
    return null;
  }
  const label =
    typeof item.name === 'string' && item.name.trim() !== ''
      ? `Rule ${number} ("${item.name.trim().slice(0, 60)}")`
      : `Rule ${number}`;
  const bad = (what: string) => {
    problems.push(`${label} in ${USER_RULES_FILE} ${what}; the rule was left out.`);
    return null;
  };
  for (const key of Object.keys(item)) {
    if (!KNOWN_KEYS.has(key)) {
      return bad(
        `has an unknown field "${key.slice(0, 40)}" (known: name, sources, tags, classes, classContains, ` +
          'idContains, contains, containsAll, startsWith, maxChars, editor)',
      );
    }
  }
  const rule: CleanRule = {
    name:
      typeof item.name === 'string' && item.name.trim() !== ''
        ? item.name.trim().slice(0, 100)
        : `Rule ${number}`,
  };
  for (const key of LIST_KEYS) {
    const value = item[key];
    if (value === undefined) continue;
    const strings = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(strings) || strings.some((s) => typeof s !== 'string')) {
      return bad(`has "${key}" that is not a list of text`);
    }
    if (strings.length > MAX_RULE_STRINGS)
      return bad(`has more than ${MAX_RULE_STRINGS} entries in "${key}"`);
    const cleaned = (strings as string[]).map((s) => s.trim()).filter((s) => s !== '');
    if (cleaned.some((s) => s.length > MAX_RULE_STRING_CHARS)) {
      return bad(`has an entry in "${key}" longer than ${MAX_RULE_STRING_CHARS} characters`);
    }
    if (cleaned.length > 0) rule[key] = cleaned;
  }
  if (!MATCH_KEYS.some((key) => rule[key] !== undefined)) {
    return bad(
      'says nothing to match (give at least one of classes, classContains, idContains, contains, ' +
        'containsAll, startsWith); a rule with only tags would remove every such element',
    );
  }
  if (item.maxChars !== undefined) {
    const n = item.maxChars;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_RULE_CHARS) {
      return bad(`has "maxChars" that is not a whole number from 1 to ${MAX_RULE_CHARS}`);
    }
    rule.maxChars = n;
  }
  if (item.editor !== undefined) {
    if (typeof item.editor !== 'boolean') return bad('has "editor" that is not true or false');
    if (item.editor && !rule.startsWith)
      return bad('is an editor rule without "startsWith" (the words before the name)');
    rule.editor = item.editor;
  }
  return rule;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
