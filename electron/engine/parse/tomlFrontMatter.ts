import { parse, TomlDate, TomlError } from 'smol-toml';

// TOML front matter (Hugo, Zola) read with smol-toml, a complete TOML 1.0 parser that builds plain data
// and never evaluates anything. Dates become the text they were written as, so parseDate reads them with
// the library's time-zone rule like every other date (a TOML local date-time has no zone).

export type StructuredReading =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; message: string /** 1-based line inside the block, when known. */; line?: number };

/** Tables nested deeper than this are refused (smol-toml recurses once per level). */
const MAX_TOML_DEPTH = 64;

export function readTomlFrontMatter(block: string): StructuredReading {
  let data: Record<string, unknown>;
  try {
    data = parse(block, { maxDepth: MAX_TOML_DEPTH }) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      // "Invalid TOML document: <reason>" then a source excerpt: keep the reason only.
      const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
      return { ok: false, message: reason, line: error.line };
    }
    return { ok: false, message: (error as Error)?.message ?? String(error) };
  }
  return { ok: true, data: datesAsText(data) as Record<string, unknown> };
}

function datesAsText(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(datesAsText);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, {
        value: datesAsText(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}
