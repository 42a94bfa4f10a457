// The keys and the application menu, turned into commands (shortcuts/commands.ts) performed with
// this render's context. The listeners are set up once; effect events let them see the latest state.

import { useEffect, useEffectEvent } from 'react';
import type { BroadsheetApi, MenuCommand } from '../../../shared/contract';
import { COMMANDS, type Command, type CommandContext } from './commands';
import { commandForKey, focusKindOf } from './keymap';

const MENU_COMMANDS: Record<MenuCommand, Command> = {
  'focus-search': 'search',
  'show-library': 'library',
  'show-shortcuts': 'help',
  'toggle-star': 'star',
  export: 'export',
};

/** `keysBlocked`: a dialog or panel has the keys (or the library is not open yet); the menu still works. */
export function useCommandKeys(
  api: Pick<BroadsheetApi, 'onEvent'>,
  context: CommandContext,
  keysBlocked: boolean,
): void {
  const perform = useEffectEvent((command: Command) => COMMANDS[command].perform(context));
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || keysBlocked) return;
    const command = commandForKey(event, focusKindOf(event.target));
    if (!command) return;
    event.preventDefault();
    perform(command);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'menu') perform(MENU_COMMANDS[event.command]);
      }),
    [api],
  );
}
