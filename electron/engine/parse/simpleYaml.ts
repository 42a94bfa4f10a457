// A fast path for the front matter real archives contain: top-level `key: value` lines with plain or
// quoted one-line scalars, block lists of such scalars, comments and blank lines. The `yaml` package
// costs more than the rest of a seed's front-matter handling put together, yet these blocks need none
// of its generality. Anything outside this narrow grammar returns DECLINED and goes to `yaml`, so the
// result is always what `yaml` (core schema, no custom tags) would give; simpleYaml.test.ts proves it
// against the package with generated input. Anchors, aliases and tags are always declined, which keeps
// alias-bomb and tag handling entirely in `yaml`.

export const DECLINED: unique symbol = Symbol('declined');

/** The mapping `source` denotes, or DECLINED when it is not in the simple grammar. */
export function parseSimpleYaml(source: string): Record<string, unknown> | typeof DECLINED {
  // Tabs, control and special line-break characters, BOMs and lone CRs: `yaml` has rules for all of them.
  if (UNSAFE_CHARACTER.test(source)) return DECLINED;
  if (source.includes('\r') && LONE_CR.test(source)) return DECLINED;
  // A CR ending the input (CRLF files, as gray-matter cuts them) stays in the last value, yet `yaml` reads
  // it as white space after an indicator: decline the ambiguous `a:\r`, `-\r`, `?\r` and `a \r`.
  if (
    source.charCodeAt(source.length - 1) === CR &&
    CR_AMBIGUOUS_BEFORE.has(source.charCodeAt(source.length - 2))
  ) {
    return DECLINED;
  }
  const out: Record<string, unknown> = {};
  let pendingKey: string | null = null; // key written as `key:` alone, which a list may follow
  let list: unknown[] | null = null;
  let listIndent = -1;
  const length = source.length;
  let lineStart = 0;
  while (lineStart <= length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = length;
    const next = lineEnd + 1;
    // CRLF ends a line; `yaml` keeps a CR that ends the whole input as part of the last value.
    if (lineEnd < length && lineEnd > lineStart && source.charCodeAt(lineEnd - 1) === CR) lineEnd--;
    const start = lineStart;
    let at = start;
    while (at < lineEnd && source.charCodeAt(at) === SPACE) at++;
    lineStart = next;
    if (at === lineEnd) continue; // blank line
    const first = source.charCodeAt(at);
    if (first === HASH) continue; // comment line
    const column = at - start;
    if (first === DASH && (at + 1 === lineEnd || source.charCodeAt(at + 1) === SPACE)) {
      // A list item: only directly under a `key:` line, all items of one list at the same column.
      if (pendingKey === null) return DECLINED;
      if (list === null) {
        list = [];
        listIndent = column;
        out[pendingKey] = list;
      } else if (column !== listIndent) {
        return DECLINED;
      }
      const item = valueAt(source, at + 1, lineEnd);
      if (item === DECLINED) return DECLINED;
      list.push(item === EMPTY ? null : item);
      continue;
    }
    // Anything else indented is a continuation line or a nested mapping.
    if (column !== 0) return DECLINED;
    pendingKey = null;
    list = null;
    if (first === DASH) return DECLINED; // `---` and `-a:` stay yaml's to judge
    let keyEnd = at;
    while (keyEnd < lineEnd && isKeyChar(source.charCodeAt(keyEnd))) keyEnd++;
    if (keyEnd === at || keyEnd - at > MAX_KEY_CHARS || source.charCodeAt(keyEnd) !== COLON) return DECLINED;
    if (keyEnd + 1 < lineEnd && source.charCodeAt(keyEnd + 1) !== SPACE) return DECLINED;
    const key = keyString(source.slice(at, keyEnd));
    // Duplicates are yaml's to resolve; names Object.prototype has (`__proto__`, `constructor`) need care.
    if (key in out) return DECLINED;
    const value = valueAt(source, keyEnd + 1, lineEnd);
    if (value === DECLINED) return DECLINED;
    if (value === EMPTY) {
      out[key] = null;
      pendingKey = key;
    } else {
      out[key] = value;
    }
  }
  return out;
}

const CR = 0x0d;
const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MAX_KEY_CHARS = 128;
const CR_AMBIGUOUS_BEFORE = new Set([SPACE, COLON, DASH, 0x3f /* ? */]);
const UNSAFE_CHARACTER =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const LONE_CR = /\r(?!\n|$)/;
/** Nothing after the colon (or only a comment): null, or the list that follows. */
const EMPTY: unique symbol = Symbol('empty');

function isKeyChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c === DASH
  );
}

/** Plain keys are resolved like any plain scalar, then turned into property names as `yaml` does. */
function keyString(raw: string): string {
  const resolved = resolvePlain(raw);
  return resolved === null ? '' : String(resolved);
}

/** The scalar between `from` and the end of the line (after a `key:` colon or a `-` item marker). */
function valueAt(source: string, from: number, end: number): unknown {
  let at = from;
  while (at < end && source.charCodeAt(at) === SPACE) at++;
  if (at === end) return EMPTY;
  if (at === from) return DECLINED; // `-x` and `key:x` are not what they look like
  const first = source.charCodeAt(at);
  if (first === HASH) return EMPTY;
  if (first === SINGLE_QUOTE) return singleQuoted(source, at + 1, end);
  if (first === DOUBLE_QUOTE) return doubleQuoted(source, at + 1, end);
  if (PLAIN_START_DECLINED.has(first)) return DECLINED;
  if (first === DASH && (at + 1 === end || source.charCodeAt(at + 1) === SPACE)) return DECLINED;
  // A comment starts at the first ` #`; a `: ` or a trailing `:` would make a nested mapping.
  let stop = at;
  while (stop < end && !(source.charCodeAt(stop) === HASH && source.charCodeAt(stop - 1) === SPACE)) stop++;
  while (stop > at && source.charCodeAt(stop - 1) === SPACE) stop--;
  const text = source.slice(at, stop);
  if (text.includes(': ') || text.charCodeAt(text.length - 1) === COLON) return DECLINED;
  return resolvePlain(text);
}

// Indicators a plain scalar may not start with (`-` is handled separately): flow collections, comments,
// anchors, aliases, tags, block scalars, directives and reserved characters, and `?`/`:` which only
// sometimes start a plain scalar.
const PLAIN_START_DECLINED = new Set([...'[]{},#&*!|>%@`?:'].map((c) => c.charCodeAt(0)));

function singleQuoted(source: string, from: number, end: number): unknown {
  let value = '';
  let at = from;
  for (;;) {
    const close = source.indexOf("'", at);
    if (close === -1 || close >= end) return DECLINED; // spans lines
    value += source.slice(at, close);
    if (source.charCodeAt(close + 1) === SINGLE_QUOTE && close + 1 < end) {
      value += "'";
      at = close + 2;
      continue;
    }
    return afterQuoted(source, close + 1, end) ? value : DECLINED;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r' };

function doubleQuoted(source: string, from: number, end: number): unknown {
  let value = '';
  let at = from;
  for (let i = from; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === DOUBLE_QUOTE) {
      value += source.slice(at, i);
      return afterQuoted(source, i + 1, end) ? value : DECLINED;
    }
    if (c === BACKSLASH) {
      const escaped = SIMPLE_ESCAPES[source.charAt(i + 1)];
      if (escaped === undefined || i + 1 >= end) return DECLINED;
      value += source.slice(at, i) + escaped;
      i++;
      at = i + 1;
    }
  }
  return DECLINED; // spans lines
}

/** After a closing quote only spaces may follow, then optionally a comment. */
function afterQuoted(source: string, from: number, end: number): boolean {
  let at = from;
  while (at < end && source.charCodeAt(at) === SPACE) at++;
  return at === end || (at > from && source.charCodeAt(at) === HASH);
}

// The yaml 1.2 core schema, tested in the order `yaml` tests its tags.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
// First characters of every non-string core-schema scalar: most values skip the tests entirely.
const MAYBE_NOT_STRING = /^[-+.~0-9nNtTfF]/;

function resolvePlain(text: string): unknown {
  if (text === '') return null;
  if (!MAYBE_NOT_STRING.test(text)) return text;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT_OCT.test(text)) return Number.parseInt(text.substring(2), 8);
  if (INT.test(text)) return Number.parseInt(text, 10);
  if (INT_HEX.test(text)) return Number.parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return Number.NaN;
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return Number.parseFloat(text);
  return text;
}
