// Whether the sources sidebar is open and how wide it is, remembered on this machine (localStorage:
// a window layout, not the user's data; a value that cannot be read is replaced by the default).

export const SIDEBAR_WIDTH = { min: 160, max: 480, initial: 220 } as const;

interface SidebarLayout {
  open: boolean;
  width: number;
}

const KEY = 'broadsheet.sourcesSidebar';

export function parseSidebarLayout(text: string | null): SidebarLayout {
  const fallback: SidebarLayout = { open: true, width: SIDEBAR_WIDTH.initial };
  if (!text) return fallback;
  try {
    const value = JSON.parse(text) as { open?: unknown; width?: unknown };
    const width =
      typeof value.width === 'number' && Number.isFinite(value.width)
        ? Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, Math.round(value.width)))
        : fallback.width;
    return { open: typeof value.open === 'boolean' ? value.open : true, width };
  } catch {
    return fallback;
  }
}

export function loadSidebarLayout(): SidebarLayout {
  try {
    return parseSidebarLayout(globalThis.localStorage?.getItem(KEY) ?? null);
  } catch {
    return parseSidebarLayout(null);
  }
}

export function saveSidebarLayout(layout: SidebarLayout): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(layout));
  } catch {
    // Storage refused (private mode, quota): the layout is simply not remembered.
  }
}
