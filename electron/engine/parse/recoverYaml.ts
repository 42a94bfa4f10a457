import YAML from 'yaml';

// When a front-matter block has a YAML error, one bad line must not cost every other field: the block
// is cut into its top-level entries (a line starting at column 0, with the indented lines and `- ` items
// that follow it) and each entry is read on its own by the same `yaml` parser. Entries that read are
// kept; for the ones that do not, only the first error is reported (yaml reports a broken line several
// times over as the damage spreads).

interface RecoveryDiagnostic {
  code: string;
  message: string;
  /** 1-based line in the source handed to recoverYaml. */
  line?: number;
}

interface Recovered {
  data: Record<string, unknown>;
  /** One per entry that could not be read, its first error. */
  errors: RecoveryDiagnostic[];
  warnings: RecoveryDiagnostic[];
}

export function recoverYaml(
  source: string,
  options: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions,
  maxAliasCount: number,
  toDiagnostic: (e: YAML.YAMLError | YAML.YAMLWarning) => RecoveryDiagnostic,
): Recovered {
  const data: Record<string, unknown> = {};
  const errors: RecoveryDiagnostic[] = [];
  const warnings: RecoveryDiagnostic[] = [];
  for (const entry of topLevelEntries(source)) {
    const shift = (d: RecoveryDiagnostic): RecoveryDiagnostic =>
      d.line === undefined ? { ...d, line: entry.line } : { ...d, line: entry.line + d.line - 1 };
    const doc = YAML.parseDocument(entry.text, options);
    if (doc.errors.length > 0) {
      errors.push(shift(toDiagnostic(doc.errors[0]!)));
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount });
    } catch (error) {
      errors.push({ code: 'yaml-recovery', message: (error as Error).message, line: entry.line });
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      errors.push({
        code: 'yaml-recovery',
        message: 'this line is not a "name: value" field',
        line: entry.line,
      });
      continue;
    }
    for (const w of doc.warnings) warnings.push(shift(toDiagnostic(w)));
    for (const [key, v] of Object.entries(value)) {
      Object.defineProperty(data, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  return { data, errors, warnings };
}

interface Entry {
  /** 1-based line of the entry's first line in the source. */
  line: number;
  text: string;
}

function topLevelEntries(source: string): Entry[] {
  const lines = source.split('\n');
  const entries: Entry[] = [];
  let current: { line: number; lines: string[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const c = line.charCodeAt(0);
    const startsEntry =
      line.length > 0 &&
      c !== 0x20 && // indented: a continuation
      c !== 0x09 &&
      c !== 0x23 && // # comment
      c !== 0x0d &&
      !(c === 0x2d && (line.length === 1 || line.charCodeAt(1) === 0x20)); // `- item` of the entry above
    if (startsEntry) {
      if (current) entries.push({ line: current.line, text: current.lines.join('\n') });
      current = { line: i + 1, lines: [line] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  if (current) entries.push({ line: current.line, text: current.lines.join('\n') });
  return entries;
}
