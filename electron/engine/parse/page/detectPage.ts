// Which HTML files are whole saved web pages ("Save Page As", SingleFile) rather than an article body
// written as HTML: the document itself starts there (a doctype, <html> or <head>), after at most an
// XML prolog, comments and blank space.

const DOCUMENT_START =
  /^\uFEFF?(?:\s|<\?xml[^>]{0,200}\?>|<!--[\s\S]{0,4000}?-->)*<(?:!doctype\s+html|html|head)[\s/>]/i;

/** True when `text` (a whole file or a body without front matter) is a complete HTML document. */
export function isWholePage(text: string): boolean {
  // Only the start matters; a bounded slice keeps a huge leading comment from making this scan long.
  return DOCUMENT_START.test(text.slice(0, 8192));
}

// Browsers and SingleFile leave the address a page was saved from in a comment near its top:
//   <!-- saved from url=(0047)https://example.com/... -->        (Chrome/Edge/IE "Save Page As")
//   <!--\n Page saved with SingleFile \n url: https://example.com/... \n saved date: ... -->
const SAVED_FROM = /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i;
const SINGLE_FILE = /<!--\s*Page saved with SingleFile\s+url:\s*(https?:\/\/\S+)/i;

/** The address a saving tool recorded in the page's leading comments, or '' when there is none. */
export function savedFromUrl(text: string): string {
  const head = text.slice(0, 8192);
  return SAVED_FROM.exec(head)?.[1] ?? SINGLE_FILE.exec(head)?.[1] ?? '';
}
