import { COMMAND_NAMES, COMMANDS, type Command, type KeyBinding } from './commands';

/** Where the key was pressed: shortcuts must not steal typing or a focused button's own keys. */
type FocusKind = 'text' | 'control' | 'list' | 'reader' | 'other';

interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
}

export function focusKindOf(target: EventTarget | null): FocusKind {
  if (!(target instanceof Element)) return 'other';
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return 'text';
  if (target.closest('[role="listbox"]')) return 'list';
  if (target.closest('button, a[href], summary')) return 'control';
  if (target.closest('[data-reader-scroll]')) return 'reader';
  return 'other';
}

function matches(binding: KeyBinding, input: KeyInput, focus: FocusKind): boolean {
  const modified = input.ctrlKey || input.metaKey;
  if (binding.withModifier) {
    if (binding.notInText && focus === 'text') return false;
    return modified && !input.altKey && input.key.toLowerCase() === binding.key;
  }
  if (modified || input.altKey || input.key !== binding.key) return false;
  if (binding.shift !== undefined && binding.shift !== (input.shiftKey ?? false)) return false;
  if (focus === 'text') return binding.whileTyping === true;
  if (binding.navigation) return focus === 'list' || focus === 'other';
  return true;
}

/** The command for a key press (from the COMMANDS table), or null to let the browser have it. */
export function commandForKey(input: KeyInput, focus: FocusKind): Command | null {
  for (const command of COMMAND_NAMES) {
    if (COMMANDS[command].keys.some((binding) => matches(binding, input, focus))) return command;
  }
  return null;
}
