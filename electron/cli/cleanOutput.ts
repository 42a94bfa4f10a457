// THE output cleaner of the CLI: every command that prints text from an archive (titles, paths,
// snippets, authors, categories, problem messages, article text) prints it through one of these.
//
//   field(s)   one value on one line of human output (a title, a path, a message)
//   text(s)    multi-line text (an article's body): keeps line feeds and tabs
//   jsonLine(v) a `--json` document or line: JSON.stringify escapes only below U+0020, this also
//              escapes DEL, C1 controls, bidi controls and line/paragraph separators as \u escapes
//
// A terminal acts on control characters: ESC starts sequences that can write the clipboard (OSC 52),
// plant hyperlinks (OSC 8), move the cursor or clear the screen (CSI); a one-byte C1 CSI (U+009B)
// does the same on some terminals; CR and line feeds inside a field forge whole output rows; bidi
// overrides and isolates reorder what a line shows. Human output shows C0 controls and DEL as their
// visible Unicode "control pictures" (ESC as ␛, so an attack is seen, never run), turns line breaks
// inside a field into spaces, and drops C1 and bidi controls. `runCli` also passes everything a
// command writes through `terminalSafe`, so a command that forgets still cannot emit a control
// sequence (it could only forge a row with a line feed: use `field`).

/** C0 controls, DEL, C1 controls, bidi marks/embeddings/overrides/isolates, line/paragraph separators. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** What may still be written after cleaning: line feed and tab only. */
const UNSAFE_IN_OUTPUT =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** What JSON.stringify leaves raw and a terminal (or a viewer of the JSON) would still act on. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** One character as the visible stand-in human output shows. */
function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code === 0x09 || code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d) return ' ';
  if (code === 0x85 || code === 0x2028 || code === 0x2029) return ' ';
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟ (␛ for ESC)
  if (code === 0x7f) return '\u2421'; // ␡
  return ''; // C1 controls and bidi controls: invisible by design, dropped
}

/** One value on one line: no control character, no line break, no bidi control survives. */
export function field(value: string): string {
  return value.replace(UNSAFE, picture);
}

/** Multi-line text: keeps line feeds and tabs (CR and CRLF become line feeds), cleans the rest. */
export function text(value: string): string {
  return value
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(UNSAFE_IN_OUTPUT, (char) => (char === '\t' ? char : picture(char)));
}

/** A JSON document on one line, with every character a terminal could act on written as \uXXXX. */
export function jsonLine(value: unknown): string {
  return `${jsonText(value)}\n`;
}

/** jsonLine without the line end: a piece of a document written piece by piece. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_JSON, unicodeEscape);
}

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * The last line of defence, applied by `runCli` to everything a command writes: any control
 * character other than line feed and tab is shown as its picture or dropped. Output that went
 * through `field`/`text`/`jsonLine` passes unchanged.
 */
export function terminalSafe(output: string): string {
  return output.replace(UNSAFE_IN_OUTPUT, picture);
}
