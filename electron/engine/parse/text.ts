// Small string helpers shared by the field readers and the text extractor.

/** Collapses every run of whitespace (newlines, tabs, ideographic spaces) to one space and trims. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * `s` with each lone surrogate (front matter can hold one: YAML's "\ud800") replaced by U+FFFD, as
 * UTF-8, SQLite's TEXT and the window's text would show it anyway: an article's summary is the same
 * string whether it was just parsed or read back from the library database.
 */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Number of Unicode code points (a surrogate pair counts once). */
export function codePointLength(s: string): number {
  let pairs = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return s.length - pairs;
}

/** The first `max` code points of `s` (never splits a surrogate pair). */
export function cutCodePoints(s: string, max: number): string {
  if (s.length <= max) return s;
  let units = 0;
  let points = 0;
  while (units < s.length && points < max) {
    const c = s.charCodeAt(units);
    units += c >= 0xd800 && c <= 0xdbff && units + 1 < s.length ? 2 : 1;
    points++;
  }
  return s.slice(0, units);
}
