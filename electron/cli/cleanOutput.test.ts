import { describe, expect, it } from 'vitest';
import { field, jsonLine, terminalSafe, text } from './cleanOutput';

// Everything a terminal acts on, in one string: C0 (ESC, BEL, CR, BS, VT, FF), DEL, C1 (NEL, the
// one-byte CSI and OSC, ST), bidi marks, embeddings, overrides and isolates, line/paragraph separators.
const ATTACKS =
  'a\u001b]52;c;cHduZWQ=\u0007b\u001b]8;;https://x.example/\u001b\\c\u001b[2J\u009b2J\u009d0;t\u009c' +
  '\u0008\u000b\u000c\r\u007f\u0085\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\tz\n';
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

describe('the CLI output cleaner', () => {
  it('field: one line, ESC and BEL shown as pictures, C1 and bidi controls gone', () => {
    expect(field('a\u001b]0;pwned\u0007b\nc')).toBe('a␛]0;pwned␇b c');
    expect(field('evil\u202egnp.exe')).toBe('evilgnp.exe');
    expect(field('row\r\n2099-01-01 FORGED')).toBe('row  2099-01-01 FORGED');
    const cleaned = field(ATTACKS);
    expect(cleaned).not.toMatch(ANY_CONTROL);
    expect(cleaned).toContain('␛]52;c;cHduZWQ=␇');
    expect(cleaned).toContain('␡');
  });

  it('text: keeps line feeds and tabs only', () => {
    expect(text('line 1\r\nline\u001b[2J 2\tx\ry')).toBe('line 1\nline␛[2J 2\tx\ny');
    const cleaned = text(ATTACKS);
    expect(cleaned.replace(/[\n\t]/g, '')).not.toMatch(ANY_CONTROL);
  });

  it('jsonLine: valid JSON on one line that keeps every value exactly, with \\u escapes', () => {
    const value = { title: ATTACKS, list: [ATTACKS], n: 1 };
    const line = jsonLine(value);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(ANY_CONTROL);
    expect(line).toContain('\\u009b');
    expect(line).toContain('\\u202e');
    expect(line).toContain('\\u007f');
    expect(JSON.parse(line)).toEqual(value);
  });

  it('terminalSafe: the net under every command leaves clean output alone', () => {
    const clean = `${field(ATTACKS)}\n${text(ATTACKS)}\n${jsonLine({ t: ATTACKS })}`;
    expect(terminalSafe(clean)).toBe(clean);
    expect(terminalSafe(ATTACKS).replace(/[\n\t]/g, '')).not.toMatch(ANY_CONTROL);
  });
});
