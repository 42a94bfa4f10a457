export type Command =
  | 'next' // j: next headline, opened
  | 'prev' // k
  | 'cursor-down' // ArrowDown: move the highlight only
  | 'cursor-up'
  | 'home'
  | 'end'
  | 'open' // Enter
  | 'space' // scroll the article, or open the highlighted headline
  | 'star'
  | 'search'
  | 'help'
  | 'escape'
  | 'toggle-view'
  | 'library';

/** Where the key was pressed: shortcuts must not steal typing or a focused button's own keys. */
export type FocusKind = 'text' | 'control' | 'list' | 'reader' | 'other';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function focusKindOf(target: EventTarget | null): FocusKind {
  if (!(target instanceof Element)) return 'other';
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return 'text';
  if (target.closest('[role="listbox"]')) return 'list';
  if (target.closest('button, a[href], summary')) return 'control';
  if (target.closest('[data-reader-scroll]')) return 'reader';
  return 'other';
}

/** The command for a key press, or null to let the browser have it. */
export function commandForKey(input: KeyInput, focus: FocusKind): Command | null {
  const { key } = input;
  if ((input.ctrlKey || input.metaKey) && !input.altKey && (key === 'f' || key === 'F')) return 'search';
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  if (focus === 'text') return key === 'Escape' ? 'escape' : null;
  switch (key) {
    case 'j':
      return 'next';
    case 'k':
      return 'prev';
    case 's':
      return 'star';
    case '/':
      return 'search';
    case '?':
      return 'help';
    case 'Escape':
      return 'escape';
    case 'v':
      return 'toggle-view';
    case 'l':
      return 'library';
  }
  // Arrows, Home/End, Enter and Space belong to a focused control or the scrolling article.
  if (focus !== 'list' && focus !== 'other') return null;
  switch (key) {
    case 'ArrowDown':
      return 'cursor-down';
    case 'ArrowUp':
      return 'cursor-up';
    case 'Home':
      return 'home';
    case 'End':
      return 'end';
    case 'Enter':
      return 'open';
    case ' ':
      return 'space';
  }
  return null;
}
