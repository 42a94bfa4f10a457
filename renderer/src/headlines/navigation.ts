/**
 * Which headline the keyboard is on (cursor) and which article the reading pane shows (open).
 * Pure: the list is passed in as lookups so the reducer never scans 100,000 ids itself.
 */
export interface NavState {
  cursorId: string | null;
  openId: string | null;
  /**
   * Where the cursor was put, when the reducer knew it: a hint that lets positionOf answer without
   * building a map of 100,000 ids on the first keypress (an 80 ms task measured at 100k).
   */
  cursorAt?: number;
}

interface NavList {
  count: number;
  idAt(index: number): string | undefined;
  /** -1 when the id is not in the list (filtered out, or never there). `hint`: a likely position. */
  positionOf(id: string, hint?: number): number;
}

type NavAction =
  /** j/k open as they move (reader style); arrow keys only move the cursor (listbox style). */
  | { type: 'move'; delta: number; open: boolean; list: NavList }
  | { type: 'home' | 'end'; list: NavList }
  | { type: 'open-cursor' }
  /** "Go to date": the cursor to a position, the pane unchanged. */
  | { type: 'cursor'; at: number; list: NavList }
  /** A click or an opened file: cursor and pane on the same article. */
  | { type: 'select'; id: string; at?: number }
  | { type: 'close' };

export const initialNav: NavState = { cursorId: null, openId: null };

function moveFrom(state: NavState, delta: number, list: NavList): { id: string; at: number } | null {
  if (list.count === 0) return null;
  const anchor = state.cursorId ?? state.openId;
  const at =
    anchor === null ? -1 : list.positionOf(anchor, anchor === state.cursorId ? state.cursorAt : undefined);
  let next: number;
  if (at < 0) next = delta >= 0 ? 0 : list.count - 1;
  else next = Math.min(list.count - 1, Math.max(0, at + delta));
  const id = list.idAt(next);
  return id === undefined ? null : { id, at: next };
}

export function navReducer(state: NavState, action: NavAction): NavState {
  switch (action.type) {
    case 'move': {
      const moved = moveFrom(state, action.delta, action.list);
      if (moved === null) return state;
      const { id, at } = moved;
      if (id === state.cursorId && (!action.open || id === state.openId)) return state;
      return { cursorId: id, openId: action.open ? id : state.openId, cursorAt: at };
    }
    case 'home':
    case 'end': {
      const at = action.type === 'home' ? 0 : action.list.count - 1;
      const id = action.list.idAt(at);
      return id === undefined ? state : { ...state, cursorId: id, cursorAt: at };
    }
    case 'cursor': {
      const id = action.list.idAt(action.at);
      return id === undefined ? state : { ...state, cursorId: id, cursorAt: action.at };
    }
    case 'open-cursor':
      return state.cursorId === null || state.cursorId === state.openId
        ? state
        : { ...state, openId: state.cursorId };
    case 'select':
      return action.at === undefined
        ? { cursorId: action.id, openId: action.id }
        : { cursorId: action.id, openId: action.id, cursorAt: action.at };
    case 'close':
      return { ...state, openId: null };
  }
}

export function listOf(ids: readonly string[]): NavList {
  return listOfItems(ids.map((id) => ({ id })));
}

/** The list over items that carry their id: no copy of 100,000 ids per refresh of the list. */
export function listOfItems(items: readonly { id: string }[]): NavList {
  let positions: Map<string, number> | null = null;
  return {
    count: items.length,
    idAt: (i) => items[i]?.id,
    positionOf: (id, hint) => {
      if (hint !== undefined && items[hint]?.id === id) return hint;
      if (!positions) {
        positions = new Map();
        for (let i = 0; i < items.length; i++) positions.set(items[i]!.id, i);
      }
      return positions.get(id) ?? -1;
    },
  };
}
