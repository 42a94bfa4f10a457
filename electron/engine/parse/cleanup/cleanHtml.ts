import { type Handler, Parser } from 'htmlparser2';
import { MAX_HTML_DEPTH } from '../limits';
import {
  type CleanRule,
  DEFAULT_MAX_CHARS,
  DEFAULT_TEXT_TAGS,
  MAX_EDITOR_CHARS,
  MAX_RULE_CHARS,
} from './cleanRules';

/** A rule made ready to match: strings lower-cased, sets built, bounds settled. */
interface CompiledRule {
  name: string;
  sources: string[] | null;
  tags: ReadonlySet<string>;
  classes: ReadonlySet<string> | null;
  classContains: string[] | null;
  idContains: string[] | null;
  contains: string[] | null;
  containsAll: string[] | null;
  startsWith: string[] | null;
  maxChars: number;
  editor: boolean;
  /** True when the rule looks at the element's class or id (not its text only). */
  byAttributes: boolean;
}

export interface RemovedBlock {
  rule: string;
  /** The removed element's text, cut to 200 characters. */
  text: string;
}

export interface CleanResult {
  html: string;
  removed: RemovedBlock[];
  /** The editor named by a removed editor line. */
  editor?: string;
  /** `src` of every image inside a removed element. */
  removedImages: string[];
}

const DEFAULT_TAGS = new Set(DEFAULT_TEXT_TAGS);
// Whose content is not reading text (a <style> is matched on its own content, see onopentag).
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);
const VOID = new Set(['img', 'br', 'hr', 'input', 'source', 'embed', 'wbr', 'area', 'col', 'link', 'meta']);
// What is trimmed from the ends of an element's text before matching: spaces, ideographic spaces,
// and the brackets and separators editor lines wrap themselves in.
const EDGE = /^[\s\u3000]+|[\s\u3000]+$/g;
const NAME_EDGES = /^[\s\u3000:：】\]）)|｜丨]+|[\s\u3000:：【[（(】\]）)|｜丨]+$/g;

const lower = (list: string[] | undefined): string[] | null =>
  list && list.length > 0 ? list.map((s) => s.toLowerCase()) : null;

function compileRule(rule: CleanRule): CompiledRule {
  const classes = lower(rule.classes);
  const compiled: CompiledRule = {
    name: rule.name,
    sources: lower(rule.sources),
    tags: rule.tags && rule.tags.length > 0 ? new Set(rule.tags.map((t) => t.toLowerCase())) : DEFAULT_TAGS,
    classes: classes ? new Set(classes) : null,
    classContains: lower(rule.classContains),
    idContains: lower(rule.idContains),
    contains: lower(rule.contains),
    containsAll: lower(rule.containsAll),
    startsWith: lower(rule.startsWith),
    maxChars: Math.min(Math.max(0, rule.maxChars ?? DEFAULT_MAX_CHARS), MAX_RULE_CHARS),
    editor: rule.editor === true,
    byAttributes: false,
  };
  compiled.byAttributes = !!(compiled.classes || compiled.classContains || compiled.idContains);
  return compiled;
}

const compiledCache = new WeakMap<readonly CleanRule[], CompiledRule[]>();

/** Compiles a rule list once (lists are long-lived: the built-ins, the user's file). */
export function compileRules(rules: readonly CleanRule[]): CompiledRule[] {
  let compiled = compiledCache.get(rules);
  if (!compiled) {
    compiled = rules.map(compileRule);
    compiledCache.set(rules, compiled);
  }
  return compiled;
}

/**
 * The rules that apply to an article from this source. `source` is everything that says where the
 * article is from (author, categories, source URL, image URLs), lower-cased and joined.
 */
export function rulesForSource(rules: readonly CompiledRule[], source: string): CompiledRule[] {
  return rules.filter((r) => r.sources === null || r.sources.some((s) => source.includes(s)));
}

interface Open {
  name: string;
  start: number;
  /** Text so far (spaces collapsed), kept only while it is no longer than the longest maxChars + 1. */
  text: string;
  /** Rules whose tag, class and id conditions this element meets; empty: it can never be removed. */
  candidates: CompiledRule[];
}

interface Range {
  start: number;
  end: number;
}

/**
 * Removes from an HTML body every element a rule matches, in one streaming htmlparser2 pass (no DOM,
 * no recursion). Cost is linear in the input: each open element keeps at most `longest maxChars + 1`
 * characters of text, and an outer element always has at least the text of the inner ones, so the
 * elements still collecting are always the innermost few.
 */
export function cleanHtml(html: string, rules: readonly CompiledRule[]): CleanResult {
  if (rules.length === 0 || html.length === 0) return { html, removed: [], removedImages: [] };
  const pass = new CleanPass(html, rules);
  const parser = new Parser(pass, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    recognizeSelfClosing: false,
  });
  pass.parser = parser;
  parser.end(html);
  if (pass.ranges.length === 0) return { html, removed: [], removedImages: [] };

  let out = '';
  let at = 0;
  for (const range of pass.ranges) {
    out += html.slice(at, range.start);
    at = range.end;
  }
  out += html.slice(at);
  // Removing the block between two rules (hkcnews' footer) leaves them side by side: keep one.
  out = out.replace(/(<hr\b[^>]*>)(?:\s*<hr\b[^>]*>)+/gi, '$1');

  const removedImages = pass.images
    .filter((img) => pass.ranges.some((r) => img.at >= r.start && img.at < r.end))
    .map((img) => img.src);
  const result: CleanResult = { html: out, removed: pass.removed, removedImages };
  if (pass.editor !== undefined) result.editor = pass.editor;
  return result;
}

class CleanPass implements Partial<Handler> {
  parser: Parser | null = null;
  readonly stack: Open[] = [];
  /** Elements below this index in the stack have more text than any rule allows; they stop collecting. */
  firstCollecting = 0;
  /** Index in the stack of the innermost open SKIPPED element, -1 when there is none. */
  skipAt = -1;
  readonly ranges: Range[] = [];
  readonly removed: RemovedBlock[] = [];
  readonly images: { at: number; src: string }[] = [];
  readonly cap: number;
  editor: string | undefined;
  stopped = false;

  constructor(
    readonly html: string,
    readonly rules: readonly CompiledRule[],
  ) {
    this.cap = Math.max(...rules.map((r) => r.maxChars)) + 1;
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    const parser = this.parser!;
    if (this.stack.length >= MAX_HTML_DEPTH) {
      // As htmlPass does: nothing real nests this deep. What was found so far is still removed.
      this.stopped = true;
      parser.pause();
      return;
    }
    if (name === 'img' && attribs.src) this.images.push({ at: parser.startIndex, src: attribs.src });
    const candidates = this.rules.filter((r) => r.tags.has(name) && attributesMatch(r, attribs));
    this.stack.push({ name, start: parser.startIndex, text: '', candidates });
    if (this.skipAt < 0 && SKIPPED.has(name)) this.skipAt = this.stack.length - 1;
  }

  ontext(data: string): void {
    if (this.stack.length === 0) return;
    // Inside <style>/<script>, text belongs only to that element (a style rule matches its content).
    const from = this.skipAt >= 0 ? this.skipAt : this.firstCollecting;
    const piece = data.replace(/\s+/g, ' ');
    for (let i = Math.max(from, this.firstCollecting); i < this.stack.length; i++) {
      const open = this.stack[i]!;
      open.text += piece;
      if (open.text.length > this.cap) {
        open.text = open.text.slice(0, this.cap);
        if (i === this.firstCollecting && this.skipAt < 0) this.firstCollecting = i + 1;
      }
    }
  }

  onclosetag(name: string, isImplied: boolean): void {
    if (this.stopped) return;
    const open = this.stack.pop();
    if (!open) return;
    const index = this.stack.length;
    if (this.skipAt === index) this.skipAt = -1;
    if (this.firstCollecting > index) this.firstCollecting = index;
    if (open.candidates.length === 0 || open.name !== name) return;
    // An element closed by its parent or a sibling has no end tag of its own to cut at; leave it.
    if (isImplied && !VOID.has(name)) return;
    const parser = this.parser!;
    const end = parser.endIndex + 1;
    const text = open.text.replace(EDGE, '');
    if (text.length > MAX_RULE_CHARS) return;
    const haystack = text.toLowerCase();
    for (const rule of open.candidates) {
      if (text.length > rule.maxChars || !textMatches(rule, haystack)) continue;
      this.remove(open.start, end, rule, text);
      if (rule.editor && this.editor === undefined) {
        const editor = editorName(rule, text, haystack);
        if (editor) this.editor = editor;
      }
      return;
    }
  }

  private remove(start: number, end: number, rule: CompiledRule, text: string): void {
    // Inner elements close first: an outer match swallows the inner ones already found.
    while (this.ranges.length > 0 && this.ranges[this.ranges.length - 1]!.start >= start) {
      this.ranges.pop();
      this.removed.pop();
    }
    this.ranges.push({ start, end });
    this.removed.push({ rule: rule.name, text: text.slice(0, 200) });
  }
}

function attributesMatch(rule: CompiledRule, attribs: Record<string, string>): boolean {
  if (rule.classes || rule.classContains) {
    const tokens = (attribs.class ?? '').toLowerCase().split(/\s+/);
    if (rule.classes && !tokens.some((t) => rule.classes!.has(t))) return false;
    if (rule.classContains && !tokens.some((t) => t !== '' && rule.classContains!.some((c) => t.includes(c))))
      return false;
  }
  if (rule.idContains) {
    const id = (attribs.id ?? '').toLowerCase();
    if (id === '' || !rule.idContains.some((c) => id.includes(c))) return false;
  }
  return true;
}

function textMatches(rule: CompiledRule, text: string): boolean {
  if (rule.contains && !rule.contains.some((s) => text.includes(s))) return false;
  if (rule.containsAll && !rule.containsAll.every((s) => text.includes(s))) return false;
  if (rule.startsWith && !rule.startsWith.some((s) => text.startsWith(s))) return false;
  // A rule made only of tags never matches: it would take out every paragraph.
  return rule.byAttributes || !!(rule.contains || rule.containsAll || rule.startsWith);
}

function editorName(rule: CompiledRule, text: string, haystack: string): string | undefined {
  const prefix = rule.startsWith?.find((s) => haystack.startsWith(s));
  if (prefix === undefined) return undefined;
  const name = text.slice(prefix.length).replace(NAME_EDGES, '').slice(0, MAX_EDITOR_CHARS);
  return name === '' ? undefined : name;
}
