// Every kind of problem the engine reports, in one list. A Problem carries its code and, where the
// message has specifics (a line, a size, a field, the parser's own words), those as `params`: the
// window writes the reason in the interface language from the code and the params (the Chinese
// text is renderer/src/i18n/problemText.ts, a Record over this list, so a new code without its
// translation does not compile); `message` is the engine's English sentence, which the CLI prints.

const PROBLEM_CODES = [
  // Reading a file
  'too-large',
  'not-regular-file',
  'file-unreadable',
  'binary',
  'invalid-bytes',
  'control-characters',
  'parse-failed',
  'parser-crash',
  'more-problems',
  // Front matter
  'front-matter-code',
  'front-matter-unclosed',
  'front-matter-too-large',
  'front-matter-shape',
  'yaml-syntax',
  'toml-syntax',
  'json-syntax',
  'yaml-aliases',
  'yaml-tag',
  'yaml-warning',
  // Fields
  'title-type',
  'title-too-long',
  'author-type',
  'categories-type',
  'categories-truncated',
  'image-type',
  'image-url',
  'extra-truncated',
  'date-unreadable',
  'file-time-invalid',
  'time-zone',
  // Bodies and saved pages
  'html-too-deep',
  'html-too-many-elements',
  'whole-page-too-many-elements',
  'data-image-too-large',
  'page-not-extracted',
  'mhtml-unreadable',
  'mhtml-truncated',
  'mhtml-too-many-parts',
  'mhtml-outside-part',
  // Folders and links
  'root-missing',
  'root-not-folder',
  'folder-unreadable',
  'broken-link',
  'file-name-encoding',
  'outside-root',
  // The library and the user's files
  'clean-rules',
  'user-data',
  'library',
  'watch',
  'image-cache',
  'cache',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The specifics of one problem, by name (`{line}` in a template). */
export type ProblemParams = Readonly<Record<string, string | number>>;
