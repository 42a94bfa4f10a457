import { describe, expect, it } from 'vitest';
import { cleanHtml, compileRules } from './cleanHtml';
import { MAX_USER_RULES } from './cleanRules';
import { readUserCleanRules } from './userCleanRules';

describe('the user rules file', () => {
  it('reads good rules and they apply', () => {
    const reading = readUserCleanRules(
      JSON.stringify({ rules: [{ name: 'Promo', contains: ['Read more at Example'], maxChars: 50 }] }),
    );
    expect(reading.problems).toEqual([]);
    expect(reading.rules).toEqual([{ name: 'Promo', contains: ['Read more at Example'], maxChars: 50 }]);
    const html = '<p>Story.</p><p>Read more at Example Daily</p>';
    expect(cleanHtml(html, compileRules(reading.rules)).html).toBe('<p>Story.</p>');
  });

  it('reports a file that is not JSON, and applies nothing', () => {
    const reading = readUserCleanRules('{"rules": [');
    expect(reading.rules).toEqual([]);
    expect(reading.problems[0]).toMatch(/clean-rules\.json is not valid JSON/);
  });

  it('reports the wrong shape', () => {
    expect(readUserCleanRules('{"rule": []}').problems[0]).toMatch(/must hold \{"rules"/);
  });

  it('leaves out each wrong rule with a reason, and keeps the others', () => {
    const reading = readUserCleanRules(
      JSON.stringify({
        rules: [
          { name: 'ok', startsWith: ['Sponsored:'] },
          { name: 'only tags', tags: ['p'] },
          { name: 'typo', contans: ['x'] },
          { name: 'bad max', contains: ['x'], maxChars: 1e9 },
          { name: 'bad list', contains: [1, 2] },
          { name: 'editor without prefix', contains: ['x'], editor: true },
          'not an object',
          { name: 'regex-looking', contains: ['(a+)+$'] },
        ],
      }),
    );
    expect(reading.rules.map((r) => r.name)).toEqual(['ok', 'regex-looking']);
    expect(reading.problems).toHaveLength(6);
    expect(reading.problems[0]).toMatch(/Rule 2 \("only tags"\).*says nothing to match/);
    expect(reading.problems[1]).toMatch(/unknown field "contans"/);
    expect(reading.problems[2]).toMatch(/maxChars/);
    expect(reading.problems[3]).toMatch(/not a list of text/);
    expect(reading.problems[4]).toMatch(/editor rule without "startsWith"/);
    expect(reading.problems[5]).toMatch(/Rule 7 in clean-rules.json is not an object/);
  });

  it('takes text literally: a regex-looking rule matches only its own characters, fast', () => {
    const [rule] = readUserCleanRules(JSON.stringify([{ name: 'r', contains: ['(a+)+$'] }])).rules;
    const html = `<p>${'a'.repeat(40)}!</p><p>x (a+)+$ y</p>`;
    expect(cleanHtml(html, compileRules([rule!])).html).toBe(`<p>${'a'.repeat(40)}!</p>`);
  });

  it('bounds the number of rules', () => {
    const many = Array.from({ length: MAX_USER_RULES + 5 }, (_, i) => ({ contains: [`x${i}`] }));
    const reading = readUserCleanRules(JSON.stringify({ rules: many }));
    expect(reading.rules).toHaveLength(MAX_USER_RULES);
    expect(reading.problems[0]).toMatch(/only the first 500/);
  });
});
