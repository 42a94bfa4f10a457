import type { StructuredReading } from './tomlFrontMatter';

// JSON front matter (Hugo's leading `{ … }` object, or a `---json` block) is data: JSON.parse builds
// plain values and cannot run anything, so it is read rather than refused like `---js`.

export function readJsonFrontMatter(block: string): StructuredReading {
  let data: unknown;
  try {
    data = JSON.parse(block);
  } catch (error) {
    return { ok: false, ...describeJsonError(block, (error as Error)?.message ?? '') };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: 'it is not an object of "name": value fields' };
  }
  return { ok: true, data: data as Record<string, unknown> };
}

/** V8's message without the excerpt of the file it quotes, and the line when the message names a position. */
function describeJsonError(block: string, raw: string): { message: string; line?: number } {
  const lineCol = /\(line (\d+) column \d+\)/.exec(raw);
  const position = /at position (\d+)/.exec(raw);
  let line: number | undefined;
  if (lineCol) line = Number(lineCol[1]);
  else if (position) line = lineOf(block, Number(position[1]));
  // `Unexpected token 'x', "…the file…" is not valid JSON`: the quoted file text is left out.
  const message = raw
    .split('\n')[0]!
    .replace(/^(Unexpected token '[^']*'),.*$/s, '$1')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
  return line === undefined ? { message } : { message, line };
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}
