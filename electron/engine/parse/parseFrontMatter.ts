import matter from 'gray-matter';
import YAML from 'yaml';
import { readJsonFrontMatter } from './jsonFrontMatter';
import { MAX_FRONT_MATTER_CHARS, MAX_YAML_ALIASES } from './limits';
import type { ProblemList } from './problems';
import { recoverYaml } from './recoverYaml';
import { DECLINED, parseSimpleYaml } from './simpleYaml';
import type { FrontMatterSplit } from './splitFrontMatter';
import { readTomlFrontMatter, type StructuredReading } from './tomlFrontMatter';

interface YamlDiagnostic {
  code: string;
  message: string;
  /** 1-based line inside the string handed to the engine. */
  line?: number;
}

/** What the YAML engine saw during the current gray-matter call (parsing is synchronous). */
let diagnostics: { errors: YamlDiagnostic[]; warnings: YamlDiagnostic[]; recovered?: boolean } = {
  errors: [],
  warnings: [],
};

export const YAML_OPTIONS: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions = {
  schema: 'core', // timestamps stay strings: dates are read by parseDate, with the right zone
  customTags: [], // no tag may construct anything (`!!js/function` stays an unresolved, reported tag)
  uniqueKeys: false, // scraped archives repeat keys; the last one wins instead of losing the whole block
  prettyErrors: true,
};

class YamlRefused extends Error {}

function refuseCode(): never {
  throw new YamlRefused('front matter written as code is never run');
}

const yamlEngine = {
  parse(source: string): object {
    // The fast path only accepts blocks `yaml` reads without errors or warnings: nothing to report.
    const simple = parseSimpleYaml(source);
    if (simple !== DECLINED) {
      diagnostics = { errors: [], warnings: [] };
      return simple;
    }
    const doc = YAML.parseDocument(source, YAML_OPTIONS);
    diagnostics = {
      errors: doc.errors.map(toDiagnostic),
      warnings: doc.warnings.map(toDiagnostic),
    };
    if (doc.errors.length > 0) {
      // Keep every field that reads on its own; report each broken entry once.
      const recovered = recoverYaml(source, YAML_OPTIONS, MAX_YAML_ALIASES, toDiagnostic);
      diagnostics = { errors: recovered.errors, warnings: recovered.warnings, recovered: true };
      return recovered.data;
    }
    try {
      return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) ?? {};
    } catch (error) {
      diagnostics.errors.push({ code: 'yaml-aliases', message: (error as Error).message });
      throw new YamlRefused('yaml aliases');
    }
  },
};

// Passing an options object also stops gray-matter from caching every input forever. Every engine that
// could evaluate text is replaced: overriding `javascript` covers `js` and any spelling of it.
export const MATTER_OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: yamlEngine,
    javascript: { parse: refuseCode },
    js: { parse: refuseCode },
    coffee: { parse: refuseCode },
    json: { parse: refuseCode },
  },
};

function toDiagnostic(error: YAML.YAMLError | YAML.YAMLWarning): YamlDiagnostic {
  // yaml appends " at line N, column M:" and a source excerpt; we report our own file line instead.
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { code: error.code, message, line: error.linePos?.[0]?.line };
}

export type FrontMatterData = Record<string, unknown>;

/**
 * Parses the front matter found by splitFrontMatter into a plain object. Never throws: anything that
 * goes wrong becomes a problem and an empty (or partial) object, and the article is still listed.
 */
export function parseFrontMatter(split: FrontMatterSplit, problems: ProblemList): FrontMatterData {
  if (split.kind === 'none') return {};
  const { openLine } = split;
  if (split.kind === 'code') {
    problems.warn(
      'front-matter-code',
      `The front matter on line ${openLine} is marked as "${split.language}" code, which Broadsheet never runs, so its ` +
        'fields were ignored. Rewrite it as YAML (start it with a plain --- line) to use them.',
      openLine,
      { line: openLine, language: split.language },
    );
    return {};
  }
  if (split.unclosed) {
    problems.warn(
      'front-matter-unclosed',
      split.kind === 'json' && split.language === ''
        ? `The JSON front matter starting on line ${openLine} never closes: end the object with a } line.`
        : `Front matter starting on line ${openLine} never closes: add a line with ${split.kind === 'toml' && split.language === '' ? '+++' : '---'} after the metadata.`,
      openLine,
      {
        line: openLine,
        fence:
          split.kind === 'json' && split.language === ''
            ? '}'
            : split.kind === 'toml' && split.language === ''
              ? '+++'
              : '---',
      },
    );
    return {};
  }
  if (split.block.length > MAX_FRONT_MATTER_CHARS) {
    problems.warn(
      'front-matter-too-large',
      `The front matter starting on line ${openLine} is over ${MAX_FRONT_MATTER_CHARS / 1024} KB and was not read. ` +
        'Move long content below the closing --- line.',
      openLine,
      { line: openLine, limit: MAX_FRONT_MATTER_CHARS / 1024 },
    );
    return {};
  }

  if (split.kind === 'toml') return structured('TOML', readTomlFrontMatter(split.block), split, problems);
  if (split.kind === 'json') return structured('JSON', readJsonFrontMatter(split.block), split, problems);
  return parseYamlBlock(split, problems);
}

/** TOML or JSON data, or a problem naming the line and an empty object (nothing else is lost: the body stays). */
function structured(
  language: 'TOML' | 'JSON',
  reading: StructuredReading,
  split: Exclude<FrontMatterSplit, { kind: 'none' }>,
  problems: ProblemList,
): FrontMatterData {
  if (reading.ok) return reading.data;
  // A bare JSON object starts on its opening line; fenced blocks start the line after the fence.
  const first = split.kind === 'json' && split.language === '' ? split.openLine : split.openLine + 1;
  const line = reading.line === undefined ? split.openLine : first + reading.line - 1;
  problems.warn(
    language === 'TOML' ? 'toml-syntax' : 'json-syntax',
    `The ${language} front matter has an error on line ${line}: ${reading.message}. None of its fields could be read ` +
      'safely, so the title comes from the text and the date from the file name or the file. Fix that line.',
    line,
    { line, detail: reading.message },
  );
  return {};
}

function parseYamlBlock(
  split: Exclude<FrontMatterSplit, { kind: 'none' }>,
  problems: ProblemList,
): FrontMatterData {
  const { openLine } = split;
  diagnostics = { errors: [], warnings: [] };
  // The engine sees '\n' + block: its line 1 is the rest of the opening fence line.
  const toFileLine = (line: number | undefined) => (line === undefined ? openLine : openLine + line - 1);
  let data: unknown;
  try {
    // CRLF files: gray-matter cuts its block at '\n---' and a blank '\r\n' line before the closing fence
    // then reaches the YAML engine as a stray '\r' ("Implicit map keys need to be followed by map values").
    const block = split.block.includes('\r') ? split.block.replace(/\r\n/g, '\n') : split.block;
    data = matter(`---\n${block}---\n`, MATTER_OPTIONS).data;
  } catch (error) {
    if (!(error instanceof YamlRefused) && diagnostics.errors.length === 0) {
      diagnostics.errors.push({ code: 'yaml-syntax', message: (error as Error).message });
    }
    data = {};
  }
  const syntax: YamlDiagnostic[] = [];
  for (const e of diagnostics.errors) {
    if (e.code === 'yaml-aliases') {
      problems.warn(
        'yaml-aliases',
        `The front matter starting on line ${openLine} uses more than ${MAX_YAML_ALIASES} YAML aliases (*name) and ` +
          'was not read, to protect memory. Write the values out instead of repeating aliases.',
        openLine,
        { line: openLine, limit: MAX_YAML_ALIASES },
      );
    } else {
      syntax.push(e);
    }
  }
  if (syntax.length > 0) {
    // One problem for the block, at its first bad line: the others are named in the same message.
    const [first, ...rest] = syntax;
    const line = toFileLine(first!.line);
    const others = rest.map((e) => toFileLine(e.line)).filter((l) => l !== line);
    const also =
      others.length === 0
        ? ''
        : ` (line${others.length > 1 ? 's' : ''} ${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''} too)`;
    const outcome = diagnostics.recovered
      ? 'The fields on that line were left out; every other field was read.'
      : 'Until it is fixed the title comes from the text and the date from the file.';
    problems.warn(
      'yaml-syntax',
      `The front matter has a YAML error on line ${line}${also}: ${first!.message}. ${outcome} Fix that line to use it.`,
      line,
      {
        line,
        others: others.slice(0, 5).join(', ') + (others.length > 5 ? ', …' : ''),
        detail: first!.message,
        recovered: diagnostics.recovered ? 'yes' : 'no',
      },
    );
  }
  for (const w of diagnostics.warnings) {
    const line = toFileLine(w.line);
    if (w.code === 'TAG_RESOLVE_FAILED') {
      problems.warn(
        'yaml-tag',
        `The front matter on line ${line} uses a YAML tag that Broadsheet does not run (${w.message}); the value was ` +
          'read as plain text. Remove the tag (the part starting with !).',
        line,
        { line, detail: w.message },
      );
    } else {
      problems.warn(
        'yaml-warning',
        `The front matter on line ${line} is questionable YAML (${w.message}); it was read as well as possible. ` +
          'Check that line if a field looks wrong.',
        line,
        { line, detail: w.message },
      );
    }
  }
  diagnostics = { errors: [], warnings: [] };

  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.warn(
      'front-matter-shape',
      `The front matter starting on line ${openLine} is not a list of "name: value" fields, so it was ignored. ` +
        'Write it as lines like "title: My title".',
      openLine,
      { line: openLine },
    );
    return {};
  }
  return data as FrontMatterData;
}
