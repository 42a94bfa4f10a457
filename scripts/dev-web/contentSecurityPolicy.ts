// The page's Content Security Policy in the browser: the desktop window's policy, so the web build
// is held to the same rules, plus what serving over HTTP needs. A header (unlike Electron's meta
// tag) can also forbid framing.

/** Sets each directive, replacing one of the same name: in a policy the first duplicate wins. */
export function withDirectives(policy: string, directives: Record<string, string>): string {
  const names = new Set(Object.keys(directives));
  const kept = policy
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !names.has(part.split(/\s+/)[0]!.toLowerCase()));
  const added = Object.entries(directives).map(([name, value]) => `${name} ${value}`);
  return [...kept, ...added].join('; ');
}

/** The bridge API and event stream are on the page's own origin; nothing else may be contacted. */
export function webContentSecurityPolicy(desktopPolicy: string): string {
  return withDirectives(desktopPolicy, { 'connect-src': "'self'", 'frame-ancestors': "'none'" });
}
