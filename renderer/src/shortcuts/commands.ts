// Every command of the window in one table (Excalidraw's actions are the model): what it does, the
// keys that run it, and how the shortcuts list shows it. The keymap reads the keys from here, the
// shortcuts dialog the labels, and the app runs `perform` for keys and menu items alike.

import type { MessageKey } from '../i18n/i18n';

/** What commands can do to the window (the app's actions, see app/useAppActions). */
export interface CommandContext {
  /** Move the highlight one headline; `open` also opens it. */
  moveHeadline(delta: 1 | -1, open: boolean): void;
  /** Move the highlight to the first or last headline. */
  jumpHeadline(to: 'home' | 'end'): void;
  openHighlighted(): void;
  /** Scroll the open article a page (down: or go on to the next one at its end; up: back). */
  pageArticle(direction: 1 | -1): void;
  toggleCurrentStar(): void;
  focusSearch(): void;
  showShortcuts(): void;
  showLibrary(): void;
  showExport(): void;
  toggleStarredView(): void;
  /** A saved web page: the whole page as saved, or back to its story. */
  toggleWholePage(): void;
  clearSearch(): void;
  /** The reading pane's A− / A+. */
  changeTextSize(delta: 1 | -1): void;
  /** The open (else the highlighted) article: read ↔ unread. */
  toggleRead(): void;
  /** Open the next unread article of the list. */
  nextUnread(): void;
  markAllRead(): void;
  /** Every article of the list dated before the current one. */
  markOlderRead(): void;
  /** Takes back the last "mark all / older as read". */
  undoMarkAll(): void;
  /** The next / previous search match marked in the open article. */
  stepMatch(delta: 1 | -1): void;
}

export interface KeyBinding {
  /** KeyboardEvent.key. */
  key: string;
  /** Held with Ctrl or ⌘ (not Alt), the key letter in either case; works even in a text field. */
  withModifier?: true;
  /** Also while typing in a text field. */
  whileTyping?: true;
  /** Shift held (true) or not (false); undefined: either (a shifted key such as A says it itself). */
  shift?: boolean;
  /** With `withModifier`: not in a text field, where the key is the field's own (Ctrl Z). */
  notInText?: true;
  /**
   * Only when the headline list (or nothing in particular) has the focus: otherwise the key
   * belongs to a focused button or to the scrolling article.
   */
  navigation?: true;
}

interface CommandSpec {
  perform(context: CommandContext): void;
  keys: readonly KeyBinding[];
  /** The keys as the shortcuts list shows them. */
  shown: readonly string[];
  /** The shortcuts list's description; commands with the same label share one line. */
  label: MessageKey;
}

const TABLE = {
  next: {
    perform: (c) => c.moveHeadline(1, true),
    keys: [{ key: 'j' }],
    shown: ['j'],
    label: 'shortcutNext',
  },
  prev: {
    perform: (c) => c.moveHeadline(-1, true),
    keys: [{ key: 'k' }],
    shown: ['k'],
    label: 'shortcutPrev',
  },
  'cursor-down': {
    perform: (c) => c.moveHeadline(1, false),
    keys: [{ key: 'ArrowDown', navigation: true }],
    shown: ['↓'],
    label: 'shortcutMove',
  },
  'cursor-up': {
    perform: (c) => c.moveHeadline(-1, false),
    keys: [{ key: 'ArrowUp', navigation: true }],
    shown: ['↑'],
    label: 'shortcutMove',
  },
  home: {
    perform: (c) => c.jumpHeadline('home'),
    keys: [{ key: 'Home', navigation: true }],
    shown: ['Home'],
    label: 'shortcutMove',
  },
  end: {
    perform: (c) => c.jumpHeadline('end'),
    keys: [{ key: 'End', navigation: true }],
    shown: ['End'],
    label: 'shortcutMove',
  },
  open: {
    perform: (c) => c.openHighlighted(),
    keys: [{ key: 'Enter', navigation: true }],
    shown: ['Enter'],
    label: 'shortcutOpen',
  },
  space: {
    perform: (c) => c.pageArticle(1),
    keys: [{ key: ' ', navigation: true, shift: false }],
    shown: ['Space'],
    label: 'shortcutSpace',
  },
  'space-up': {
    perform: (c) => c.pageArticle(-1),
    keys: [{ key: ' ', navigation: true, shift: true }],
    shown: ['Shift Space'],
    label: 'shortcutSpaceUp',
  },
  star: {
    perform: (c) => c.toggleCurrentStar(),
    keys: [{ key: 's' }],
    shown: ['s'],
    label: 'shortcutStar',
  },
  search: {
    perform: (c) => c.focusSearch(),
    keys: [{ key: '/' }, { key: 'f', withModifier: true }],
    shown: ['/', 'Ctrl F', '⌘ F'],
    label: 'shortcutSearch',
  },
  escape: {
    perform: (c) => c.clearSearch(),
    keys: [{ key: 'Escape', whileTyping: true }],
    shown: ['Esc'],
    label: 'shortcutEscape',
  },
  'toggle-read': {
    perform: (c) => c.toggleRead(),
    keys: [{ key: 'm' }],
    shown: ['m'],
    label: 'shortcutToggleRead',
  },
  'next-unread': {
    perform: (c) => c.nextUnread(),
    keys: [{ key: 'n' }],
    shown: ['n'],
    label: 'shortcutNextUnread',
  },
  'mark-all-read': {
    perform: (c) => c.markAllRead(),
    keys: [{ key: 'A' }],
    shown: ['Shift A'],
    label: 'shortcutMarkAllRead',
  },
  'mark-older-read': {
    perform: (c) => c.markOlderRead(),
    keys: [{ key: 'O' }],
    shown: ['Shift O'],
    label: 'shortcutMarkOlderRead',
  },
  'undo-mark-all': {
    perform: (c) => c.undoMarkAll(),
    keys: [{ key: 'z', withModifier: true, notInText: true }],
    shown: ['Ctrl Z', '⌘ Z'],
    label: 'shortcutUndoMarkAll',
  },
  'toggle-view': {
    perform: (c) => c.toggleStarredView(),
    keys: [{ key: 'v' }],
    shown: ['v'],
    label: 'shortcutStarredView',
  },
  'whole-page': {
    perform: (c) => c.toggleWholePage(),
    keys: [{ key: 'w' }],
    shown: ['w'],
    label: 'shortcutWholePage',
  },
  library: {
    perform: (c) => c.showLibrary(),
    keys: [{ key: 'l' }],
    shown: ['l'],
    label: 'shortcutLibrary',
  },
  export: {
    perform: (c) => c.showExport(),
    keys: [{ key: 'e' }],
    shown: ['e'],
    label: 'shortcutExport',
  },
  'text-smaller': {
    perform: (c) => c.changeTextSize(-1),
    keys: [{ key: '-' }],
    shown: ['-'],
    label: 'shortcutTextSize',
  },
  'text-larger': {
    perform: (c) => c.changeTextSize(1),
    keys: [{ key: '=' }, { key: '+' }],
    shown: ['='],
    label: 'shortcutTextSize',
  },
  'next-match': {
    perform: (c) => c.stepMatch(1),
    keys: [{ key: ']' }],
    shown: [']'],
    label: 'shortcutMatch',
  },
  'previous-match': {
    perform: (c) => c.stepMatch(-1),
    keys: [{ key: '[' }],
    shown: ['['],
    label: 'shortcutMatch',
  },
  help: {
    perform: (c) => c.showShortcuts(),
    keys: [{ key: '?' }],
    shown: ['?'],
    label: 'shortcutHelp',
  },
} satisfies Record<string, CommandSpec>;

export type Command = keyof typeof TABLE;

export const COMMANDS: Readonly<Record<Command, CommandSpec>> = TABLE;

export const COMMAND_NAMES = Object.keys(COMMANDS) as Command[];
