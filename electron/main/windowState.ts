// The window's remembered size and place, kept on a screen that exists now: a window saved on a
// monitor that has since been unplugged, or larger than the current screen, is brought back.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the system place (center) the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 640, height: 420 } as const;
/** How much of the window must show on a screen to keep its saved position (a title bar's worth). */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads the saved JSON; anything unusable means "no saved state" (never an error for the user). */
export function parseWindowState(text: string): WindowState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const o = data as Record<string, unknown>;
  if (!finite(o.width) || !finite(o.height) || o.width <= 0 || o.height <= 0) return null;
  const state: WindowState = {
    width: Math.round(o.width),
    height: Math.round(o.height),
    maximized: o.maximized === true,
  };
  if (finite(o.x) && finite(o.y)) {
    state.x = Math.round(o.x);
    state.y = Math.round(o.y);
  }
  return state;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/**
 * @param workAreas the screens' work areas now; the first is the primary screen
 */
export function fitWindowState(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  const base = saved ?? { ...DEFAULT_WINDOW_SIZE, maximized: false };
  let width = Math.max(base.width, MIN_WINDOW_SIZE.width);
  let height = Math.max(base.height, MIN_WINDOW_SIZE.height);
  if (!primary) return { width, height, maximized: base.maximized };

  let screen: Rect | undefined;
  if (base.x !== undefined && base.y !== undefined) {
    const rect = { x: base.x, y: base.y, width, height };
    let best = 0;
    for (const area of workAreas) {
      const o = overlap(rect, area);
      if (o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height && o.width * o.height > best) {
        best = o.width * o.height;
        screen = area;
      }
    }
  }
  const area = screen ?? primary;
  width = Math.min(width, area.width);
  height = Math.min(height, area.height);
  if (!screen || base.x === undefined || base.y === undefined) {
    return { width, height, maximized: base.maximized };
  }
  return {
    x: clamp(base.x, area.x, area.x + area.width - width),
    y: clamp(base.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: base.maximized,
  };
}
