// Finds the front-matter block ourselves instead of trusting gray-matter's fence handling: the seeds
// start with a blank line (gray-matter then sees no front matter) and gray-matter would hand a block
// tagged `---js` to eval. Line numbers are 1-based lines of the decoded file.

export type FrontMatterSplit =
  | { kind: 'none'; body: string }
  | {
      kind: 'yaml' | 'code';
      /** Language written after the opening fence ('' for plain YAML). */
      language: string;
      /** Line of the opening `---`. */
      openLine: number;
      /** The raw text between the fences, without the fence lines. */
      block: string;
      /** True when no closing `---` line was found; `block` is then empty and `body` is the rest. */
      unclosed: boolean;
      body: string;
    };

const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

export function splitFrontMatter(text: string): FrontMatterSplit {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Skip blank (whitespace-only) lines before the fence.
  for (;;) {
    const end = lineEnd(text, start);
    if (!isBlank(text, start, end)) break;
    if (end >= text.length) return { kind: 'none', body: text };
    start = end + 1;
    line++;
  }
  if (!text.startsWith('---', start) || text.charAt(start + 3) === '-') return { kind: 'none', body: text };
  const fenceEnd = lineEnd(text, start);
  let language = text.slice(start + 3, fenceEnd).trim();
  if (language.startsWith('#')) language = ''; // `--- # note` is a YAML document start with a comment
  const kind = YAML_LANGUAGES.has(language.toLowerCase()) ? 'yaml' : 'code';
  const openLine = line;

  let cursor = fenceEnd + 1;
  while (cursor <= text.length) {
    const end = lineEnd(text, cursor);
    if (isClosingFence(text, cursor, end)) {
      return {
        kind,
        language,
        openLine,
        block: text.slice(fenceEnd + 1, cursor),
        unclosed: false,
        body: text.slice(end + 1),
      };
    }
    if (end >= text.length) break;
    cursor = end + 1;
  }
  return { kind, language, openLine, block: '', unclosed: true, body: text.slice(fenceEnd + 1) };
}

/** Index of the '\n' ending the line that starts at `from`, or text.length for the last line. */
function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0xfeff) return false;
  }
  return true;
}

function isClosingFence(text: string, from: number, to: number): boolean {
  if (!text.startsWith('---', from)) return false;
  return isBlank(text, from + 3, to);
}
